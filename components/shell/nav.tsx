'use client';

import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useEffect, useMemo } from 'react';
import { useAlertCounts } from '@/lib/queries/use-inventory';
import { useShareMode } from './share-mode';

// The screens of the shell, as data: adding a screen is adding a row. `key` is its keyboard
// shortcut (pressed alone, outside text fields); `shared: false` leaves it out of a shared view
// (it asks the server to compute or read something a read-only visitor has no business sending).
export const SCREENS = [
  { href: '/', label: 'Overview', key: 'o', shared: true },
  { href: '/addresses', label: 'Addresses', key: 'a', shared: true },
  { href: '/pools', label: 'Pools', key: 'p', shared: true },
  { href: '/alerts', label: 'Alerts', key: 'l', shared: true },
  { href: '/nodes', label: 'Nodes', key: 'n', shared: true },
  { href: '/changes', label: 'Changes', key: 'c', shared: false },
  { href: '/what-if', label: 'What-if', key: 'w', shared: false },
  { href: '/gitops', label: 'GitOps', key: 'g', shared: false },
  { href: '/reserve', label: 'Reserve', key: 'r', shared: false },
  { href: '/snapshots', label: 'Snapshots', key: 's', shared: false },
] as const;

const isCurrent = (pathname: string, href: string) =>
  href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`);

export function typingIn(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

function AlertCount() {
  const { data } = useAlertCounts();
  if (!data || data.error + data.warning === 0) return null;
  const tone = data.error > 0 ? 'bg-rose-600 text-white' : 'bg-amber-100 text-amber-900';
  const n = data.error > 0 ? data.error : data.warning;
  return (
    <span
      data-testid="nav-alert-count"
      title={`${data.error.toLocaleString('en-US')} errors, ${data.warning.toLocaleString('en-US')} warnings`}
      className={`ml-1.5 rounded-full px-1.5 text-[11px] font-semibold tabular-nums ${tone}`}
    >
      {n.toLocaleString('en-US')}
    </span>
  );
}

export function ShellNav() {
  const pathname = usePathname();
  const router = useRouter();
  const shared = useShareMode() !== null;
  const screens = useMemo(() => (shared ? SCREENS.filter((s) => s.shared) : SCREENS), [shared]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.metaKey || e.ctrlKey || e.altKey || typingIn(e.target)) return;
      const screen = screens.find((s) => s.key === e.key);
      if (screen) router.push(screen.href);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [router, screens]);
  return (
    <nav aria-label="Screens" className="border-b border-zinc-200 bg-white print:hidden">
      <ul className="mx-auto flex max-w-screen-2xl gap-1 overflow-x-auto px-3 sm:px-5">
        {screens.map((s) => {
          const current = isCurrent(pathname, s.href);
          return (
            <li key={s.href}>
              <Link
                href={s.href}
                aria-current={current ? 'page' : undefined}
                aria-keyshortcuts={s.key}
                title={`${s.label} (${s.key})`}
                className={`inline-flex items-center border-b-2 px-2.5 py-2 text-sm focus-visible:outline-2 focus-visible:outline-sky-600 ${
                  current
                    ? 'border-sky-600 font-medium text-zinc-900'
                    : 'border-transparent text-zinc-600 hover:border-zinc-300 hover:text-zinc-900'
                }`}
              >
                {s.label}
                {s.href === '/alerts' ? <AlertCount /> : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
