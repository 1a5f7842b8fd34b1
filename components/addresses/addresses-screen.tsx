'use client';

import { useDeferredValue, useMemo } from 'react';
import type { AllocationRow, FreeRangeRow } from '@/lib/inventory/types';
import { selectRows, usePoolRows, usePools, useExpandedRows } from '@/lib/queries/use-inventory';
import { AllocationView } from '../allocation-table/allocation-view';
import { ScreenError, ScreenSkeleton } from '../shell/screen-skeleton';

function Table({
  slice,
  error,
  pool,
  title,
}: {
  slice: { rows: AllocationRow[]; freeRanges: FreeRangeRow[] } | null;
  error: Error | null;
  pool?: string;
  title?: string;
}) {
  const { data: pools = [] } = usePools();
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

function EveryPool({ title }: { title?: string }) {
  const { rows, error } = useExpandedRows();
  const slice = useMemo(() => (rows ? selectRows(rows, null) : null), [rows]);
  return <Table slice={slice} error={error} title={title} />;
}

/**
 * One pool's screen expands that pool alone (its map shares the same rows). The table follows in
 * a render of its own, so the map above it paints first.
 */
function OnePool({ pool, title }: { pool: string; title?: string }) {
  const { rows, error } = usePoolRows(pool);
  const deferred = useDeferredValue(rows, null);
  return <Table slice={deferred} error={error} pool={pool} title={title} />;
}

/**
 * Every address of every pool (the hand-kept README table, live). `pool` limits it to one pool
 * (the pool's own screen); rows are expanded in the browser from pools and Services.
 */
export function AddressesTable({ pool, title }: { pool?: string; title?: string }) {
  return pool === undefined ? <EveryPool title={title} /> : <OnePool pool={pool} title={title} />;
}
