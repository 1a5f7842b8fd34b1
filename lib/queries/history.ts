'use client';

import { infiniteQueryOptions, keepPreviousData, queryOptions } from '@tanstack/react-query';
import type {
  ChangeKind,
  HistoryPage,
  HistoryStatus,
  ReleasesResponse,
} from '../inventory/view/history-wire';
import type { ReshuffleAlert } from '../inventory/view/reshuffle';
import { failure } from './fetch-inventory';

// Allocation history (GET /api/history and its neighbours): read on demand, keyed by the
// inventory version the tab has seen, so a change on the stream refetches what it may have added
// (the server answers once that version is recorded). Under ['history'], not ['inventory']: a
// stream reset does not throw away pages of history.

export interface HistoryFilters {
  ip?: string;
  pool?: string;
  namespace?: string;
  kinds?: readonly ChangeKind[];
  since?: string;
  until?: string;
}

const onDemand = {
  staleTime: Infinity,
  refetchOnWindowFocus: false,
  retry: false,
  placeholderData: keepPreviousData,
} as const;

async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(path, { signal, headers: { accept: 'application/json' } });
  if (!res.ok) throw await failure(res, path);
  return (await res.json()) as T;
}

/** The query string of a filter set (also the export links' and the URL's). */
export function historySearch(
  f: HistoryFilters,
  extra: Record<string, string | number | undefined> = {},
): string {
  const p = new URLSearchParams();
  if (f.ip) p.set('ip', f.ip);
  if (f.pool) p.set('pool', f.pool);
  if (f.namespace) p.set('namespace', f.namespace);
  if (f.kinds?.length) p.set('kind', f.kinds.join(','));
  if (f.since) p.set('since', f.since);
  if (f.until) p.set('until', f.until);
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) p.set(k, String(v));
  return p.toString();
}

export const historyKeys = {
  all: ['history'] as const,
  status: ['history', 'status'] as const,
  pages: (f: HistoryFilters, version: number, limit: number) =>
    ['history', 'pages', historySearch(f), version, limit] as const,
  releases: (version: number) => ['history', 'releases', version] as const,
  reshuffle: (version: number) => ['history', 'reshuffle', version] as const,
};

/** Whether history is recorded here, and why not: polled slowly (the database is not on the stream). */
export const historyStatusQueryOptions = () =>
  queryOptions({
    queryKey: historyKeys.status,
    queryFn: ({ signal }) => getJson<HistoryStatus>('/api/history/status', signal),
    refetchInterval: 15_000,
    retry: false,
  });

export const historyPagesQueryOptions = (f: HistoryFilters, version: number, limit = 100) =>
  infiniteQueryOptions({
    queryKey: historyKeys.pages(f, version, limit),
    queryFn: ({ signal, pageParam }) =>
      getJson<HistoryPage>(
        `/api/history?${historySearch(f, { limit, cursor: pageParam ?? undefined, version })}`,
        signal,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
    ...onDemand,
  });

export const releasesQueryOptions = (version: number) =>
  queryOptions({
    queryKey: historyKeys.releases(version),
    queryFn: ({ signal }) => getJson<ReleasesResponse>(`/api/history/releases?version=${version}`, signal),
    ...onDemand,
  });

export const reshuffleQueryOptions = (version: number) =>
  queryOptions({
    queryKey: historyKeys.reshuffle(version),
    queryFn: ({ signal }) =>
      getJson<{ alert: ReshuffleAlert | null; status: HistoryStatus }>('/api/history/reshuffle', signal),
    ...onDemand,
    // The hour moves on without any change: an alert ages out.
    refetchInterval: 60_000,
  });
