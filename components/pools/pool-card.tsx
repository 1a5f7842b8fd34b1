import type { PoolView } from '@/lib/inventory/types';
import { Badge } from '../ui/badge';
import { UsageBar } from '../ui/usage-bar';

const fmt = (n: string) => {
  try {
    return BigInt(n).toLocaleString('en-US');
  } catch {
    return n;
  }
};

export function PoolCard({ pool, onShow }: { pool: PoolView; onShow?: (name: string) => void }) {
  const dim = pool.disabled || pool.conflicting;
  return (
    <li data-testid="pool-card" data-pool={pool.name} className={`flex flex-col gap-2 px-4 py-3 ${dim ? 'bg-zinc-50' : ''}`}>
      <div className="flex flex-wrap items-center gap-2">
        {onShow ? (
          <button
            type="button"
            onClick={() => onShow(pool.name)}
            title={`Show only pool ${pool.name} in the table`}
            className="font-mono text-sm font-semibold text-zinc-900 hover:text-sky-700 hover:underline focus-visible:outline-2 focus-visible:outline-sky-600"
          >
            {pool.name}
          </button>
        ) : (
          <span className="font-mono text-sm font-semibold text-zinc-900">{pool.name}</span>
        )}
        {pool.disabled ? <Badge tone="amber">disabled</Badge> : null}
        {pool.conflicting ? (
          <Badge tone="red" title={pool.conflictMessage ?? undefined}>
            conflict
          </Badge>
        ) : null}
      </div>
      <ul className="flex flex-wrap gap-x-3 gap-y-0.5 font-mono text-xs text-zinc-600">
        {pool.blocks.map((b) => (
          <li key={`${b.from}-${b.to}`}>{b.label}</li>
        ))}
      </ul>
      <UsageBar used={pool.used} total={pool.total} label={`Pool ${pool.name} usage`} />
      <dl className="grid grid-cols-3 gap-2 text-xs">
        <div>
          <dt className="text-zinc-500">used</dt>
          <dd className="font-mono font-medium tabular-nums text-zinc-900">{fmt(pool.used)}</dd>
        </div>
        <div>
          <dt className="text-zinc-500">available</dt>
          <dd className="font-mono font-medium tabular-nums text-zinc-900">{fmt(pool.available)}</dd>
        </div>
        <div>
          <dt className="text-zinc-500">total</dt>
          <dd className="font-mono font-medium tabular-nums text-zinc-900">{fmt(pool.total)}</dd>
        </div>
      </dl>
      {pool.conflictMessage ? (
        <p className="text-xs text-rose-800" data-testid="pool-conflict-message">
          {pool.conflictMessage}
        </p>
      ) : null}
      {pool.disabled && !pool.conflictMessage ? (
        <p className="text-xs text-zinc-500">Disabled: keeps its allocations, hands out no new addresses.</p>
      ) : null}
    </li>
  );
}
