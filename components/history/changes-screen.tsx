'use client';

import { useQueryStates } from 'nuqs';
import { useMemo } from 'react';
import { historySearch } from '@/lib/queries/history';
import { usePools, useServices } from '@/lib/queries/use-inventory';
import { compareNatural } from '@/lib/inventory/view/format';
import { Panel } from '../ui/panel';
import { useNow } from '../ui/use-now';
import { ChangeList } from './change-list';
import {
  changesParsers,
  KIND_GROUPS,
  RANGES,
  toHistoryFilters,
  type KindGroup,
  type RangeName,
} from './changes-filters';
import { ReshuffleBanner } from './reshuffle-banner';

// /changes: every recorded change as a timeline, filtered by pool, namespace, kind and time range
// (URL state), exportable as CSV or JSON with the same filters.

const field =
  'rounded-md border border-zinc-300 bg-white px-2 py-1 text-xs text-zinc-900 shadow-xs focus:border-sky-500 focus:outline-none focus:ring-2 focus:ring-sky-500/30';

export function ChangesScreen() {
  const [state, setState] = useQueryStates(changesParsers, { history: 'replace' });
  const pools = usePools();
  const services = useServices();
  const now = useNow(true, 60_000);
  const filters = useMemo(() => toHistoryFilters(state, now), [state, now]);
  const namespaces = useMemo(
    () => [...new Set((services.data ?? []).map((s) => s.namespace))].sort(compareNatural),
    [services.data],
  );
  const exportHref = (format: 'csv' | 'json') =>
    `/api/history?${historySearch(filters, { format, download: 1 })}`;
  const exact = state.since !== null || state.until !== null;
  return (
    <div className="flex flex-col gap-4" data-testid="changes-screen">
      <ReshuffleBanner />
      <Panel
        id="changes"
        title="Changes"
        aside={
          <span className="flex gap-3 text-xs">
            <a href={exportHref('csv')} className="text-sky-800 hover:underline">
              CSV
            </a>
            <a href={exportHref('json')} className="text-sky-800 hover:underline">
              JSON
            </a>
          </span>
        }
      >
        <div role="search" className="flex flex-wrap items-center gap-2 border-b border-zinc-100 px-4 py-2">
          <select
            aria-label="Pool"
            value={state.pool ?? ''}
            onChange={(e) => void setState({ pool: e.target.value || null })}
            className={field}
          >
            <option value="">All pools</option>
            {(pools.data ?? []).map((p) => (
              <option key={p.name} value={p.name}>
                {p.name}
              </option>
            ))}
            {state.pool && !pools.data?.some((p) => p.name === state.pool) ? (
              <option value={state.pool}>{state.pool} (gone)</option>
            ) : null}
          </select>
          <select
            aria-label="Namespace"
            value={state.namespace ?? ''}
            onChange={(e) => void setState({ namespace: e.target.value || null })}
            className={field}
          >
            <option value="">All namespaces</option>
            {namespaces.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
            {state.namespace && !namespaces.includes(state.namespace) ? (
              <option value={state.namespace}>{state.namespace}</option>
            ) : null}
          </select>
          <select
            aria-label="Kind"
            value={state.kind ?? ''}
            onChange={(e) => void setState({ kind: (e.target.value || null) as KindGroup | null })}
            className={field}
          >
            <option value="">All kinds</option>
            {(Object.keys(KIND_GROUPS) as KindGroup[]).map((g) => (
              <option key={g} value={g}>
                {KIND_GROUPS[g].label}
              </option>
            ))}
          </select>
          {exact ? (
            <button
              type="button"
              onClick={() => void setState({ since: null, until: null })}
              className="rounded border border-zinc-300 px-2 py-0.5 text-xs text-zinc-700 hover:bg-zinc-50"
              title="Drop the exact time bounds from the link"
            >
              {`Since ${state.since ?? '…'}${state.until ? ` until ${state.until}` : ''} ×`}
            </button>
          ) : (
            <select
              aria-label="Time range"
              value={state.range ?? '7d'}
              onChange={(e) => void setState({ range: e.target.value as RangeName })}
              className={field}
            >
              {(Object.keys(RANGES) as RangeName[]).map((r) => (
                <option key={r} value={r}>
                  {RANGES[r].label}
                </option>
              ))}
            </select>
          )}
        </div>
        <ChangeList
          filters={filters}
          empty="No changes recorded for these filters. History starts when the dashboard first records a cluster."
        />
      </Panel>
    </div>
  );
}
