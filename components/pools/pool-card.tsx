import Link from 'next/link';
import type { PoolView } from '@/lib/inventory/types';
import { PoolStrip } from '../pool-map/pool-strip';
import { Badge } from '../ui/badge';
import { Count } from '../ui/count';
import { UsageBar } from '../ui/usage-bar';

export const poolHref = (name: string) => `/pools/${encodeURIComponent(name)}`;

/** Cilium's own counts, when they differ from what the Services we can see hold. */
function ReportedCounts({ pool }: { pool: PoolView }) {
  const r = pool.reported;
  if (!r || (r.used === pool.used && r.total === pool.total)) return null;
  return (
    <p data-testid="pool-counts-differ" className="mt-1 text-xs text-amber-800">
      Cilium reports <Count n={r.used} /> used of <Count n={r.total} />; the Services the dashboard can see
      hold <Count n={pool.used} />. A difference usually means Services the dashboard cannot read, or a status
      Cilium has not rewritten yet.
    </p>
  );
}

/** One pool as a dense line: name and state, blocks, usage bar, counts; Cilium's message below. */
export function PoolCard({ pool }: { pool: PoolView }) {
  const dim = pool.disabled || pool.conflicting;
  return (
    <li data-testid="pool-card" data-pool={pool.name} className={`px-4 py-2.5 ${dim ? 'bg-zinc-50' : ''}`}>
      <div className="grid items-center gap-x-6 gap-y-1.5 md:grid-cols-[10rem_1fr_auto] xl:grid-cols-[10rem_minmax(12rem,20rem)_1fr_19rem]">
        <div className="flex flex-wrap items-center gap-2">
          <Link
            href={poolHref(pool.name)}
            title={`Open pool ${pool.name}`}
            className="font-mono text-sm font-semibold text-zinc-900 hover:text-sky-700 hover:underline focus-visible:outline-2 focus-visible:outline-sky-600"
          >
            {pool.name}
          </Link>
          {pool.disabled ? <Badge tone="amber">disabled</Badge> : null}
          {pool.conflicting ? (
            <Badge tone="red" title={pool.conflictMessage ?? undefined}>
              conflict
            </Badge>
          ) : null}
        </div>
        <ul className="flex flex-wrap gap-x-3 font-mono text-xs text-zinc-600">
          {pool.blocks.slice(0, 4).map((b) => (
            <li key={`${b.from}-${b.to}`}>{b.label}</li>
          ))}
          {pool.blocks.length > 4 ? (
            <li className="text-zinc-400">+{pool.blocks.length - 4} blocks</li>
          ) : null}
        </ul>
        {/* Below xl the bar gets a full-width line of its own instead of a squeezed column. */}
        <div className="md:order-last md:col-span-full xl:order-none xl:col-span-1">
          <UsageBar used={pool.used} total={pool.total} label={`Pool ${pool.name} usage`} />
          <PoolStrip pool={pool} />
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
      <ReportedCounts pool={pool} />
    </li>
  );
}
