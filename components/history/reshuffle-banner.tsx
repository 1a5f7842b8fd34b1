'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { reshuffleQueryOptions } from '@/lib/queries/history';
import { useMeta } from '@/lib/queries/use-inventory';

// "N Services changed address in the last hour": addresses that moved without their Service being
// deleted (lib/inventory/view/reshuffle.ts), with what coincided. DNS records pointing at the old
// addresses are now wrong; this is where a user finds out before their users do.

export function ReshuffleBanner({ className = '' }: { className?: string }) {
  const version = useMeta().data?.version ?? 0;
  const { data } = useQuery(reshuffleQueryOptions(version));
  const alert = data?.alert;
  if (!alert) return null;
  const shown = alert.services.slice(0, 5);
  return (
    <div
      role="alert"
      data-testid="reshuffle-alert"
      className={`rounded-lg border border-amber-300 bg-amber-50 px-4 py-2.5 text-sm text-amber-950 ${className}`}
    >
      <p className="font-medium">{alert.title}</p>
      <p className="mt-0.5 text-xs">
        {alert.cause} DNS records and clients that use the old addresses now reach the wrong Service, or
        nothing.
      </p>
      <ul className="mt-1 text-xs">
        {shown.map((s) => (
          <li key={s.key} className="font-mono">
            {s.key}: {s.lost.join(', ')} → {s.gained.length ? s.gained.join(', ') : 'none (pending)'}
          </li>
        ))}
      </ul>
      <Link
        href={`/changes?since=${encodeURIComponent(alert.since)}&kind=address`}
        className="mt-1 inline-block text-xs font-medium text-sky-800 hover:underline"
      >
        {alert.services.length > shown.length
          ? `All ${alert.services.length} on the Changes screen`
          : 'See the changes'}
      </Link>
    </div>
  );
}
