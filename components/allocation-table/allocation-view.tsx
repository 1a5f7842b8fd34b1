'use client';

import { parseAsString, useQueryStates } from 'nuqs';
import { useDeferredValue, useMemo } from 'react';
import type { AllocationRow, FreeRangeRow } from '@/lib/inventory/types';
import { plural } from '@/lib/inventory/view/format';
import { useArpVerdicts } from '@/lib/queries/use-inventory';
import { AllocationTable } from './allocation-table';
import { ArpVerdicts } from './arp-cell';
import { LastReleases, useLastReleases } from './last-release';
import { NoMatches, NoPools } from './empty-states';
import { usePrinting } from '../ui/use-printing';
import { ExportLinks, type LocalFacts } from './export-links';
import { FilterBar } from './filter-bar';
import { PrintTables } from './print-tables';
import { matchesFilters, tableFilterParsers, type TableFilters } from './table-filters';
import { addressCount, tableRecords } from './table-records';
import { paramOf, sortingOf, sortParser } from './table-sort';

// How the table is looked at, beside what it is filtered to: the sort and the selected address.
const tableViewParsers = { sort: sortParser, ip: parseAsString };

/**
 * Filters (kept in the URL) + the table + its empty states. Must sit under <Suspense> (nuqs).
 * `poolNames` feeds the pool filter; `fixedPool` hides it (a pool's own screen).
 */
export function AllocationView({
  rows,
  freeRanges,
  poolNames,
  fixedPool,
  title = 'IP allocations',
  exports = true,
}: {
  rows: AllocationRow[];
  freeRanges: FreeRangeRow[];
  poolNames: string[];
  fixedPool?: string;
  title?: string;
  /** The server's exports of this cluster, or (facts the browser holds: an uploaded snapshot) exports made here. */
  exports?: true | LocalFacts;
}) {
  const printing = usePrinting();
  const arp = useArpVerdicts();
  // An uploaded snapshot's table is not this cluster's now: no live history beside it.
  const releases = useLastReleases(exports === true);
  const [urlFilters, setFilters] = useQueryStates(tableFilterParsers, { history: 'replace' });
  const [{ sort, ip }, setView] = useQueryStates(tableViewParsers, { history: 'replace' });
  const filters = fixedPool === undefined ? urlFilters : { ...urlFilters, pool: null };
  const all = useMemo(() => tableRecords({ rows, freeRanges }), [rows, freeRanges]);
  // The input follows every keystroke; the table catches up when React has time (10k rows).
  const deferred = useDeferredValue(filters);
  const shown = useMemo(() => all.filter((r) => matchesFilters(r, deferred)), [all, deferred]);
  const clear = () => void setFilters({ q: null, status: null, pool: null });
  const change = (patch: Partial<TableFilters>) =>
    void setFilters({ ...patch, q: patch.q === '' ? null : patch.q });

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
    <section
      aria-labelledby="allocations-title"
      className="rounded-lg border border-zinc-200 bg-white print:border-0"
    >
      <header className="flex flex-wrap items-center gap-3 border-b border-zinc-100 px-4 py-2 print:hidden">
        <h2 id="allocations-title" className="text-xs font-semibold uppercase tracking-wide text-zinc-500">
          {title}
        </h2>
        {exports ? (
          <span className="ml-auto">
            <ExportLinks pool={fixedPool ?? filters.pool} local={exports === true ? undefined : exports} />
          </span>
        ) : null}
      </header>
      {poolNames.length === 0 && rows.length === 0 ? (
        <NoPools />
      ) : (
        <>
          <div className="print:hidden">
            <FilterBar
              filters={filters}
              pools={fixedPool === undefined ? poolNames : null}
              onChange={change}
              onClear={clear}
              summary={summary}
            />
          </div>
          {/* On paper: every row (the screen's table is virtualised above 200), a page per pool. */}
          {printing ? <PrintTables records={shown} poolOrder={poolNames} /> : null}
          {shown.length === 0 ? (
            <NoMatches onClear={clear} />
          ) : printing ? null : (
            <ArpVerdicts.Provider value={arp.data ?? null}>
              <LastReleases.Provider value={releases}>
                <AllocationTable
                  records={shown}
                  sorting={sortingOf(sort)}
                  onSortingChange={(s) => void setView({ sort: paramOf(s) })}
                  selected={ip}
                  onSelect={(selected) => void setView({ ip: selected })}
                />
              </LastReleases.Provider>
            </ArpVerdicts.Provider>
          )}
        </>
      )}
    </section>
  );
}
