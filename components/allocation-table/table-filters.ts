import { parseAsString, parseAsStringLiteral } from 'nuqs';
import type { RowStatus } from '@/lib/inventory/types';
import { ipSortKey } from './ip-order';
import type { TableRecord } from './table-records';

// The table's view lives in the URL (?q=&status=&pool=) so any view can be shared and survives a
// reload. Defaults are cleared from the URL, keeping plain links plain.

export const rowStatuses = [
  'allocated',
  'available',
  'reserved',
  'unallocatable',
  'contested',
] as const satisfies readonly RowStatus[];

export const tableFilterParsers = {
  q: parseAsString.withDefault(''),
  status: parseAsStringLiteral(rowStatuses),
  pool: parseAsString,
};

export interface TableFilters {
  q: string;
  status: RowStatus | null;
  pool: string | null;
}

export const isFiltering = (f: TableFilters) => f.q.trim() !== '' || f.status !== null || f.pool !== null;

// Records are rebuilt when the inventory changes, so a WeakMap caches each one's text for as long
// as it lives: typing in the filter does not rebuild 10k strings per keystroke.
const texts = new WeakMap<TableRecord, string>();

/** Text the free-text filter searches: every visible column plus holder and waiter names. */
function haystack(r: TableRecord): string {
  const cached = texts.get(r);
  if (cached !== undefined) return cached;
  const text = [
    r.ip,
    r.to,
    r.service,
    r.namespace,
    r.type,
    r.notes,
    r.status,
    r.announcer,
    r.pool,
    ...r.holders.map((h) => `${h.namespace ?? ''}/${h.name}`),
    ...r.waiting.map((w) => `${w.namespace ?? ''}/${w.name}`),
  ]
    .filter(Boolean)
    .join('\n')
    .toLowerCase();
  texts.set(r, text);
  return text;
}

const looksLikeIp = (w: string) => /^[0-9a-f:.]+$/i.test(w) && (w.split('.').length === 4 || w.includes(':'));

/** A summarised range matches an address inside it, not only its two ends. */
function rangeHolds(r: TableRecord, word: string): boolean {
  if (r.kind !== 'range' || r.to === null || !looksLikeIp(word)) return false;
  const n = ipSortKey(word);
  return ipSortKey(r.ip) <= n && n <= ipSortKey(r.to);
}

/** Every whitespace-separated word of q must appear somewhere in the row. */
export function matchesFilters(r: TableRecord, f: TableFilters): boolean {
  if (f.status !== null && r.status !== f.status) return false;
  if (f.pool !== null && r.pool !== f.pool) return false;
  const words = f.q.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const text = haystack(r);
  return words.every((w) => text.includes(w) || rangeHolds(r, w));
}
