'use client';

import { useState } from 'react';
import type { PoolView } from '@/lib/inventory/types';
import { Button } from '../ui/button';
import { Panel } from '../ui/panel';
import { PoolCard } from './pool-card';

// Pools that need attention first (conflicting, disabled), then in the inventory's order.
const attention = (p: PoolView) => (p.conflicting ? 0 : p.disabled ? 1 : 2);
const FIRST_SHOWN = 6;

export function PoolSummary({
  pools,
  onShowPool,
}: {
  pools: PoolView[];
  onShowPool?: (name: string) => void;
}) {
  const [all, setAll] = useState(false);
  if (pools.length === 0) return null;
  const ordered = pools
    .map((p, i) => ({ p, i }))
    .sort((a, b) => attention(a.p) - attention(b.p) || a.i - b.i);
  const shown = all ? ordered : ordered.slice(0, FIRST_SHOWN);
  const more = pools.length - FIRST_SHOWN;
  return (
    <Panel
      id="pools"
      title={`Pools · ${pools.length}`}
      aside={
        more > 0 ? (
          <Button variant="ghost" onClick={() => setAll((a) => !a)} aria-expanded={all}>
            {all ? 'Show fewer' : `Show all ${pools.length}`}
          </Button>
        ) : null
      }
    >
      <ul className="divide-y divide-zinc-100">
        {shown.map(({ p }) => (
          <PoolCard key={p.name} pool={p} onShow={onShowPool} />
        ))}
      </ul>
    </Panel>
  );
}
