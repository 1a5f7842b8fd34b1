import { parseAsString, parseAsStringLiteral } from 'nuqs';
import { CHANGE_KIND_NAMES, type ChangeKind } from '@/lib/inventory/view/history-wire';
import type { HistoryFilters } from '@/lib/queries/history';

// The Changes screen's filters as URL state (a filtered timeline is a link to share), and their
// reading into the API's filters. Kinds are offered in groups, as people think of them.

export const KIND_GROUPS = {
  address: { label: 'Addresses', prefix: 'address.' },
  announcement: { label: 'Announcements (failovers)', prefix: 'announcement.' },
  service: { label: 'Services (pending, satisfied)', prefix: 'service.' },
  pool: { label: 'Pools', prefix: 'pool.' },
  conflict: { label: 'Conflicts', prefix: 'conflict.' },
  cilium: { label: 'Cilium version', prefix: 'cilium.' },
} as const;

export type KindGroup = keyof typeof KIND_GROUPS;
const GROUPS = Object.keys(KIND_GROUPS) as KindGroup[];

/** Time ranges offered, as data: label and span in ms (null: everything kept). */
export const RANGES = {
  '1h': { label: 'Last hour', ms: 3_600_000 },
  '24h': { label: 'Last 24 hours', ms: 86_400_000 },
  '7d': { label: 'Last 7 days', ms: 7 * 86_400_000 },
  '30d': { label: 'Last 30 days', ms: 30 * 86_400_000 },
  all: { label: 'Everything kept', ms: null },
} as const;
export type RangeName = keyof typeof RANGES;

export const changesParsers = {
  pool: parseAsString,
  namespace: parseAsString,
  kind: parseAsStringLiteral(GROUPS),
  range: parseAsStringLiteral(Object.keys(RANGES) as RangeName[]),
  /** Exact bounds (ISO), e.g. from the reshuffle alert's link; they win over `range`. */
  since: parseAsString,
  until: parseAsString,
};

export interface ChangesUrlState {
  pool: string | null;
  namespace: string | null;
  kind: KindGroup | null;
  range: RangeName | null;
  since: string | null;
  until: string | null;
}

const kindsOf = (g: KindGroup): ChangeKind[] =>
  CHANGE_KIND_NAMES.filter((k) => k.startsWith(KIND_GROUPS[g].prefix));

/** `now` rounded to the minute, so the query key does not change on every render. */
export function toHistoryFilters(s: ChangesUrlState, now: number): HistoryFilters {
  const valid = (v: string | null) =>
    v && Number.isFinite(Date.parse(v)) ? new Date(Date.parse(v)).toISOString() : undefined;
  const span = RANGES[s.range ?? '7d'].ms;
  const minute = Math.floor(now / 60_000) * 60_000;
  return {
    pool: s.pool ?? undefined,
    namespace: s.namespace ?? undefined,
    kinds: s.kind ? kindsOf(s.kind) : undefined,
    since: valid(s.since) ?? (span === null ? undefined : new Date(minute - span).toISOString()),
    until: valid(s.until),
  };
}
