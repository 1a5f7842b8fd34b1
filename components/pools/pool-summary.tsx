import type { PoolView } from '@/lib/inventory/types';
import { Panel } from '../ui/panel';
import { PoolCard } from './pool-card';

export function PoolSummary({
  pools,
  onShowPool,
}: {
  pools: PoolView[];
  onShowPool?: (name: string) => void;
}) {
  if (pools.length === 0) return null;
  return (
    <Panel id="pools" title={`Pools · ${pools.length}`}>
      <ul className="divide-y divide-zinc-100">
        {pools.map((p) => (
          <PoolCard key={p.name} pool={p} onShow={onShowPool} />
        ))}
      </ul>
    </Panel>
  );
}
