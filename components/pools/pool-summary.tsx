'use client';

import Link from 'next/link';
import type { PoolView } from '@/lib/inventory/types';
import { Panel } from '../ui/panel';
import { PoolCard } from './pool-card';

// Pools that need attention first (conflicting, disabled), then in natural name order.
const attention = (p: PoolView) => (p.conflicting ? 0 : p.disabled ? 1 : 2);

export function orderPools(pools: readonly PoolView[]): PoolView[] {
  return pools
    .map((p, i) => ({ p, i }))
    .sort((a, b) => attention(a.p) - attention(b.p) || a.i - b.i)
    .map(({ p }) => p);
}

/** Pools as dense lines; `limit` shows the first few with a link to the full list. */
export function PoolSummary({ pools, limit }: { pools: readonly PoolView[]; limit?: number }) {
  if (pools.length === 0) return null;
  const ordered = orderPools(pools);
  const shown = limit === undefined ? ordered : ordered.slice(0, limit);
  const more = pools.length - shown.length;
  return (
    <Panel
      id="pools"
      title={`Pools · ${pools.length.toLocaleString('en-US')}`}
      aside={
        more > 0 ? (
          <Link href="/pools" className="text-xs font-medium text-sky-700 hover:underline">
            All {pools.length.toLocaleString('en-US')} pools →
          </Link>
        ) : null
      }
    >
      <ul className="divide-y divide-zinc-100">
        {shown.map((p) => (
          <PoolCard key={p.name} pool={p} />
        ))}
      </ul>
    </Panel>
  );
}
