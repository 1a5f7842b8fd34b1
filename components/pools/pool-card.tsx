import type { PoolView } from '@/lib/inventory/types';
import { Badge } from '../ui/badge';
import { UsageBar } from '../ui/usage-bar';

// Exact up to a trillion; beyond (IPv6 pools) scientific, with the exact value in the tooltip.
const exact = (n: string) => {
  try {
    return BigInt(n).toLocaleString('en-US');
  } catch {
    return n;
  }
};
const fmt = (n: string) => {
  try {
    const v = BigInt(n);
    if (v < 1_000_000_000_000n) return v.toLocaleString('en-US');
    return new Intl.NumberFormat('en-US', { notation: 'scientific', maximumFractionDigits: 2 }).format(v);
  } catch {
    return n;
  }
};

function Count({ n, label }: { n: string; label: string }) {
  return (
    <span className="whitespace-nowrap">
      <span className="font-mono font-medium tabular-nums text-zinc-900" title={exact(n)}>
        {fmt(n)}
      </span>{' '}
      <span className="text-zinc-500">{label}</span>
    </span>
  );
}

/** One pool as a dense line: name and state, blocks, usage bar, counts; Cilium's message below. */
export function PoolCard({ pool, onShow }: { pool: PoolView; onShow?: (name: string) => void }) {
  const dim = pool.disabled || pool.conflicting;
  return (
    <li data-testid="pool-card" data-pool={pool.name} className={`px-4 py-2.5 ${dim ? 'bg-zinc-50' : ''}`}>
      <div className="grid items-center gap-x-6 gap-y-1.5 md:grid-cols-[10rem_1fr_auto] xl:grid-cols-[10rem_minmax(12rem,20rem)_1fr_19rem]">
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
        <ul className="flex flex-wrap gap-x-3 font-mono text-xs text-zinc-600">
          {pool.blocks.map((b) => (
            <li key={`${b.from}-${b.to}`}>{b.label}</li>
          ))}
        </ul>
        {/* Below xl the bar gets a full-width line of its own instead of a squeezed column. */}
        <div className="md:order-last md:col-span-full xl:order-none xl:col-span-1">
          <UsageBar used={pool.used} total={pool.total} label={`Pool ${pool.name} usage`} />
        </div>
        <div className="flex gap-3 text-xs md:justify-end">
          <Count n={pool.used} label="used" />
          <Count n={pool.available} label="available" />
          <Count n={pool.total} label="total" />
        </div>
      </div>
      {pool.conflictMessage ? (
        <p className="mt-1 text-xs text-rose-800" data-testid="pool-conflict-message">
          {pool.conflictMessage}
        </p>
      ) : null}
      {pool.disabled && !pool.conflictMessage ? (
        <p className="mt-1 text-xs text-zinc-500">
          Disabled: keeps its allocations, hands out no new addresses.
        </p>
      ) : null}
    </li>
  );
}
