'use client';

import { useMemo } from 'react';
import { formatUtcTime } from '@/lib/inventory/view/format';
import { expandRows } from '@/lib/inventory/view/rows';
import type { OpenedSnapshot } from '@/lib/inventory/view/snapshot-wire';
import { AllocationView } from '../allocation-table/allocation-view';
import { IpLinksContext } from '../allocation-table/ip-links';
import { Badge } from '../ui/badge';

/** An uploaded snapshot's allocation table: the same table as the live screens, frozen, read-only. */
export function SnapshotTable({ snapshot }: { snapshot: OpenedSnapshot }) {
  const { rows, freeRanges } = useMemo(
    () => expandRows(snapshot.pools, snapshot.services),
    [snapshot.pools, snapshot.services],
  );
  const poolNames = useMemo(() => snapshot.pools.map((p) => p.name), [snapshot.pools]);
  const local = useMemo(
    () => ({
      pools: snapshot.pools,
      services: snapshot.services,
      cluster: snapshot.cluster.name,
      generatedAt: snapshot.takenAt,
    }),
    [snapshot],
  );
  return (
    <div data-testid="opened-snapshot" className="flex flex-col gap-2">
      <p className="flex flex-wrap items-center gap-2 text-sm text-zinc-700">
        <Badge tone="amber">snapshot</Badge>
        <span>
          <span data-testid="opened-snapshot-cluster" className="font-semibold text-zinc-900">
            {snapshot.cluster.name}
          </span>{' '}
          as it was at{' '}
          <time data-testid="opened-snapshot-time" dateTime={snapshot.takenAt}>
            {formatUtcTime(snapshot.takenAt)}
          </time>
        </span>
        <span className="text-xs text-zinc-500">read-only · from {snapshot.file}</span>
      </p>
      <IpLinksContext.Provider value={false}>
        <AllocationView
          rows={rows}
          freeRanges={freeRanges}
          poolNames={poolNames}
          title={`IP allocations of ${snapshot.cluster.name}`}
          exports={local}
        />
      </IpLinksContext.Provider>
    </div>
  );
}
