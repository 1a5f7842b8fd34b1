'use client';

import { useQueryStates } from 'nuqs';
import { useDeferredValue, useMemo, useState } from 'react';
import type { Inventory } from '@/lib/inventory/types';
import { AllocationTable } from './allocation-table';
import { NoMatches, NoPools } from './empty-states';
import { FilterBar } from './filter-bar';
import { matchesFilters, tableFilterParsers, type TableFilters } from './table-filters';
import { addressCount, tableRecords } from './table-records';

const plural = (n: number | bigint, one: string, many: string) =>
  `${n.toLocaleString('en-US')} ${n === 1 || n === 1n ? one : many}`;

/** Filters (kept in the URL) + the table + its empty states. Must sit under <Suspense> (nuqs). */
export function AllocationView({
  inventory,
}: {
  inventory: Pick<Inventory, 'rows' | 'freeRanges' | 'pools'>;
}) {
  const [filters, setFilters] = useQueryStates(tableFilterParsers, { history: 'replace' });
  const all = useMemo(() => tableRecords(inventory), [inventory]);
  // The input follows every keystroke; the table catches up when React has time (10k rows).
  const deferred = useDeferredValue(filters);
  const shown = useMemo(() => all.filter((r) => matchesFilters(r, deferred)), [all, deferred]);
  const [page, setPage] = useState(0);
  // A new filter starts from the first page; live updates keep the page the user is on.
  const clear = () => {
    setPage(0);
    void setFilters({ q: null, status: null, pool: null });
  };
  const change = (patch: Partial<TableFilters>) => {
    setPage(0);
    void setFilters({ ...patch, q: patch.q === '' ? null : patch.q });
  };

  const rowsText =
    shown.length === all.length
      ? plural(all.length, 'row', 'rows')
      : `${shown.length.toLocaleString('en-US')} of ${plural(all.length, 'row', 'rows')}`;
  const addresses = addressCount(shown);
  const summary =
    addresses === BigInt(shown.length)
      ? rowsText
      : `${rowsText} · ${plural(addresses, 'address', 'addresses')}`;

  return (
    <section aria-labelledby="allocations-title" className="rounded-lg border border-zinc-200 bg-white">
      <header className="flex items-center gap-3 border-b border-zinc-100 px-4 py-2">
        <h2 id="allocations-title" className="text-xs font-semibold uppercase tracking-wide text-zinc-500">
          IP allocations
        </h2>
      </header>
      {inventory.pools.length === 0 ? (
        <NoPools />
      ) : (
        <>
          <FilterBar
            filters={filters}
            pools={inventory.pools.map((p) => p.name)}
            onChange={change}
            onClear={clear}
            summary={summary}
          />
          {shown.length === 0 ? (
            <NoMatches onClear={clear} />
          ) : (
            <AllocationTable records={shown} page={page} onPageChange={setPage} />
          )}
        </>
      )}
    </section>
  );
}
