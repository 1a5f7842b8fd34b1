'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import type { IpFacts, IpPlacement } from '@/lib/inventory/view/ip-facts';
import { ipHeadline } from '@/lib/inventory/view/ip-words';
import { StatusBadge } from '../allocation-table/status-badge';
import { nodeHref } from '../nodes/node-links';
import { ipHref } from '../pool-map/links';
import { poolHref } from '../pools/pool-card';
import { typingIn } from '../shell/nav';
import { Badge } from '../ui/badge';
import { Count } from '../ui/count';

const link = 'text-sky-700 hover:underline focus-visible:outline-2 focus-visible:outline-sky-600';

/** The addresses before and after this one in its block, also on `[` and `]`. */
function Neighbours({ p }: { p: IpPlacement }) {
  const router = useRouter();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.metaKey || e.ctrlKey || e.altKey || typingIn(e.target)) return;
      const to = e.key === '[' ? p.previous : e.key === ']' ? p.next : null;
      if (to) router.push(ipHref(to));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [p.previous, p.next, router]);
  return (
    <span className="flex gap-3 font-mono">
      {p.previous ? (
        <Link href={ipHref(p.previous)} aria-keyshortcuts="[" title="Previous address ([)" className={link}>
          ← {p.previous}
        </Link>
      ) : null}
      {p.next ? (
        <Link href={ipHref(p.next)} aria-keyshortcuts="]" title="Next address (])" className={link}>
          {p.next} →
        </Link>
      ) : null}
    </span>
  );
}

function PoolLine({ p }: { p: IpPlacement }) {
  return (
    <div data-testid="ip-placement" data-pool={p.pool} className="contents">
      <dt className="text-zinc-500">Pool</dt>
      <dd className="flex flex-wrap items-center gap-2">
        <Link href={poolHref(p.pool)} className={`font-mono ${link}`}>
          {p.pool}
        </Link>
        {p.disabled ? <Badge tone="amber">disabled</Badge> : null}
        {p.conflicting ? (
          <Badge tone="red" title={p.conflictMessage ?? undefined}>
            conflict
          </Badge>
        ) : null}
      </dd>
      <dt className="text-zinc-500">Block</dt>
      <dd data-testid="ip-block">
        <span className="font-mono">{p.block.label}</span>
        <span className="text-zinc-500">
          {' '}
          · address <Count n={p.position} /> of <Count n={p.block.size} />
          {p.reserved ? ' · reserved (allowFirstLastIPs: "No")' : ''}
        </span>
      </dd>
    </div>
  );
}

/** The address, its status and one line saying what it is; its pool and block; who announces it. */
export function IpSummary({ facts }: { facts: IpFacts }) {
  const first = facts.placements[0];
  const announcers = [...new Set(facts.holders.map((s) => s.announcer).filter((a): a is string => !!a))];
  return (
    <>
      <nav
        aria-label="Breadcrumb"
        className="flex flex-wrap items-center justify-between gap-2 text-xs text-zinc-500"
      >
        <span>
          <Link href="/addresses" className="hover:underline">
            Addresses
          </Link>
          {first ? (
            <>
              {' / '}
              <Link href={poolHref(first.pool)} className="font-mono hover:underline">
                {first.pool}
              </Link>
            </>
          ) : null}
          {' / '}
          <span className="font-mono text-zinc-800">{facts.ip}</span>
        </span>
        {first ? <Neighbours p={first} /> : null}
      </nav>
      <section aria-labelledby="ip-title" className="rounded-lg border border-zinc-200 bg-white px-4 py-3">
        <div className="flex flex-wrap items-center gap-2">
          <h1 id="ip-title" className="font-mono text-lg font-semibold text-zinc-900">
            {facts.ip}
          </h1>
          {facts.status ? <StatusBadge status={facts.status} /> : <Badge tone="amber">not in any pool</Badge>}
          {facts.holders.length > 1 ? <Badge tone="violet">shared by {facts.holders.length}</Badge> : null}
        </div>
        <p data-testid="ip-headline" className="mt-1 text-sm text-zinc-700">
          {ipHeadline(facts)}
        </p>
        <dl className="mt-2 grid grid-cols-[5.5rem_1fr] gap-x-3 gap-y-1 text-xs">
          {facts.placements.map((p) => (
            <PoolLine key={`${p.pool}/${p.blockIndex}`} p={p} />
          ))}
          {facts.holders.length > 0 ? (
            <>
              <dt className="text-zinc-500">Announced by</dt>
              <dd data-testid="ip-announced-by">
                {announcers.length > 0 ? (
                  announcers.map((n, i) => (
                    <span key={n}>
                      {i > 0 ? ', ' : ''}
                      <Link href={nodeHref(n)} className={`font-mono ${link}`}>
                        {n}
                      </Link>
                    </span>
                  ))
                ) : (
                  <span className="text-amber-800">no node (nobody answers ARP for it)</span>
                )}
              </dd>
            </>
          ) : null}
        </dl>
      </section>
    </>
  );
}
