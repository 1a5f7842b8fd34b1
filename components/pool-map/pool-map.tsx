'use client';

import { parseAsStringLiteral, useQueryState } from 'nuqs';
import { useMemo, useState } from 'react';
import type { ArpVerdict, PoolView, ServiceView } from '@/lib/inventory/types';
import { poolArpLayer } from '@/lib/inventory/view/pool-map-arp';
import type { PoolRows } from '@/lib/inventory/view/rows';
import { blockGroups, drawsAsCells, poolMarks, poolStateCounts } from '@/lib/inventory/view/pool-map-cells';
import { freeSummary } from '@/lib/inventory/view/pool-map-zoom';
import { plural } from '@/lib/inventory/view/format';
import { Count } from '../ui/count';
import { Panel } from '../ui/panel';
import { CellCard, type Inspected } from './cell-card';
import { ArpLegend } from './arp-legend';
import { CellGrid } from './cell-grid';
import { MapLegend } from './map-legend';
import { PlanBands } from './plan-bands';
import { ZoomCanvas } from './zoom-canvas';

const CARD_ID = 'pool-map-card';

/** Free space of a pool too large to list, in one line (IPv6 pools: never walked). */
function FreeLine({ rows }: { rows: PoolRows }) {
  const f = freeSummary(rows.freeRanges);
  if (f.stretches === 0 || !f.largest) return null;
  return (
    <p data-testid="pool-map-free" className="text-xs text-zinc-600">
      Free: <Count n={f.addresses} /> addresses in {plural(f.stretches, 'stretch', 'stretches')}; the largest{' '}
      <span className="font-mono">
        {f.largest.from} – {f.largest.to}
      </span>{' '}
      (<Count n={f.largest.count} />
      ).
    </p>
  );
}

/**
 * One cell per address of the pool, grouped by block in address order: real DOM cells up to 4,096
 * addresses, an aggregated canvas beyond. Over it the ARP layer: the probers' verdict per address
 * (`verdicts`), a dot in the cell's corner; nothing is drawn for it until evidence exists.
 */
export function PoolMap({
  pool,
  rows,
  services,
  verdicts,
}: {
  pool: PoolView;
  rows: PoolRows;
  services: readonly ServiceView[];
  verdicts?: ReadonlyMap<string, ArpVerdict>;
}) {
  const [arpParam, setArpParam] = useQueryState(
    'arp',
    parseAsStringLiteral(['off'] as const).withOptions({ history: 'replace' }),
  );
  const layer = useMemo(
    () => (verdicts && verdicts.size > 0 ? poolArpLayer(pool, verdicts.values()) : null),
    [pool, verdicts],
  );
  const showArp = layer !== null && arpParam !== 'off';
  const arp = useMemo(
    () => (showArp && verdicts ? (ip: string) => verdicts.get(ip) : undefined),
    [showArp, verdicts],
  );
  const marks = useMemo(() => poolMarks(pool, rows.rows), [pool, rows]);
  const counts = useMemo(() => poolStateCounts(pool, marks), [pool, marks]);
  const cells = drawsAsCells(pool);
  const groups = useMemo(() => (cells ? blockGroups(pool, rows.rows) : []), [cells, pool, rows]);
  const byKey = useMemo(() => new Map(services.map((s) => [s.key, s])), [services]);
  const [inspected, setInspected] = useState<Inspected | null>(null);

  return (
    <Panel
      id="pool-map"
      className="print:hidden"
      title="Map"
      aside={
        <span className="text-xs text-zinc-500">
          {cells ? 'one cell per address' : 'aggregated; zoom in to addresses'}
        </span>
      }
    >
      <div className="space-y-3 px-4 py-3">
        {pool.disabled || pool.conflicting ? (
          <p data-testid="pool-map-blocked" className="text-xs text-amber-800">
            {pool.conflicting ? 'This pool conflicts with another' : 'This pool is disabled'}: its free
            addresses are not handed out; addresses already held stay with their Services.
          </p>
        ) : null}
        <MapLegend counts={counts} />
        {layer ? (
          <ArpLegend layer={layer} shown={showArp} onShown={(on) => void setArpParam(on ? null : 'off')} />
        ) : null}
        <PlanBands pool={pool} />
        <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,auto)_18rem]">
          <div className="min-w-0 overflow-x-auto">
            {cells ? (
              <CellGrid
                groups={groups}
                label={`Addresses of pool ${pool.name}`}
                cardId={CARD_ID}
                onInspect={setInspected}
                arp={arp}
              />
            ) : (
              <ZoomCanvas
                pool={pool}
                marks={marks}
                cardId={CARD_ID}
                onInspect={setInspected}
                arp={arp}
                arpLayer={showArp ? layer : null}
              />
            )}
          </div>
          <CellCard
            id={CARD_ID}
            inspected={inspected}
            services={byKey}
            hint="Hover over or focus an address to see who holds it, its ports and which node announces it."
          />
        </div>
        {pool.summarised ? <FreeLine rows={rows} /> : null}
      </div>
    </Panel>
  );
}
