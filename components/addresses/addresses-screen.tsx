'use client';

import { useMemo } from 'react';
import { selectRows, usePools, useExpandedRows } from '@/lib/queries/use-inventory';
import { AllocationView } from '../allocation-table/allocation-view';
import { ScreenError, ScreenSkeleton } from '../shell/screen-skeleton';

/**
 * Every address of every pool (the hand-kept README table, live). `pool` limits it to one pool
 * (the pool's own screen); rows are expanded in the browser from pools and Services.
 */
export function AddressesTable({ pool, title }: { pool?: string; title?: string }) {
  const { data: pools = [] } = usePools();
  const { rows, error } = useExpandedRows();
  const slice = useMemo(() => (rows ? selectRows(rows, pool ?? null) : null), [rows, pool]);
  const poolNames = useMemo(() => pools.map((p) => p.name), [pools]);
  if (error) return <ScreenError error={error} />;
  if (!slice) return <ScreenSkeleton label="Loading the Services of this cluster…" />;
  return (
    <AllocationView
      rows={slice.rows}
      freeRanges={slice.freeRanges}
      poolNames={poolNames}
      fixedPool={pool}
      title={title}
    />
  );
}
