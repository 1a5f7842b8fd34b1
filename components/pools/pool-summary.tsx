import type { PoolView } from '@/lib/inventory/types';
import { Panel } from '../ui/panel';
import { PoolCard } from './pool-card';

export function PoolSummary({ pools, onShowPool }: { pools: PoolView[]; onShowPool?: (name: string) => void }) {
  if (pools.length === 0) return null;
  return (
    <Panel id="pools" title={`Pools · ${pools.length}`}>
      <ul className="grid divide-y divide-zinc-100 sm:grid-cols-2 sm:divide-y-0 lg:grid-cols-3 xl:grid-cols-4 [&>li]:border-zinc-100 sm:[&>li]:border-r">
        {pools.map((p) => (
          <PoolCard key={p.name} pool={p} onShow={onShowPool} />
        ))}
      </ul>
    </Panel>
  );
}
