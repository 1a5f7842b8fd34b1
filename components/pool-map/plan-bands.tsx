'use client';

import { planBands } from '@/lib/ip-plan/plan';
import type { PoolView } from '@/lib/inventory/types';
import { useIpPlan } from '@/lib/queries/reserve';

const BAND_COLOURS = [
  'bg-sky-200',
  'bg-violet-200',
  'bg-emerald-200',
  'bg-amber-200',
  'bg-rose-200',
  'bg-teal-200',
];

/**
 * The IP plan over each block of the pool: one bar per block with a band per plan range (its name
 * and purpose on hover). Nothing is drawn when the plan says nothing about this pool.
 */
export function PlanBands({ pool }: { pool: PoolView }) {
  const { data: plan = [] } = useIpPlan();
  const blocks = pool.blocks
    .map((b) => ({ block: b, bands: planBands(plan, b) }))
    .filter((x) => x.bands.length > 0);
  if (blocks.length === 0) return null;
  const colour = new Map(plan.map((r, i) => [r.name, BAND_COLOURS[i % BAND_COLOURS.length]]));
  return (
    <div data-testid="plan-bands" className="space-y-1">
      <p className="text-xs font-medium text-zinc-600">IP plan</p>
      {blocks.map(({ block, bands }) => (
        <div key={block.label} className="flex items-center gap-2">
          <span className="w-56 shrink-0 truncate font-mono text-[11px] text-zinc-500">{block.label}</span>
          <div
            role="list"
            aria-label={`IP plan over ${block.label}`}
            className="relative h-5 min-w-0 flex-1 overflow-hidden rounded bg-zinc-100"
          >
            {bands.map((b) => (
              <div
                key={b.name}
                role="listitem"
                data-testid="plan-band"
                data-band={b.name}
                title={`${b.name}: ${b.label}${b.purpose ? ` — ${b.purpose}` : ''}${b.namespaces.length ? ` (for ${b.namespaces.join(', ')})` : ''}`}
                style={{ left: `${b.left * 100}%`, width: `${b.width * 100}%` }}
                className={`absolute inset-y-0 truncate border-x border-white px-1 text-[10px] leading-5 text-zinc-800 ${colour.get(b.name)}`}
              >
                {b.name}
              </div>
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}
