'use client';

import { usePools } from '@/lib/queries/use-inventory';
import { NoPools } from '../allocation-table/empty-states';
import { PoolSummary } from './pool-summary';

/** Every pool, those needing attention first. */
export function PoolsScreen() {
  const { data: pools = [] } = usePools();
  if (pools.length === 0) {
    return (
      <section className="rounded-lg border border-zinc-200 bg-white">
        <NoPools />
      </section>
    );
  }
  return <PoolSummary pools={pools} />;
}
