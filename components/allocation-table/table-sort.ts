import type { SortingState } from '@tanstack/react-table';
import { createParser } from 'nuqs';

// The table's sort in the URL: `?sort=service` (ascending) or `?sort=-service` (descending), one
// column at a time; the default (by address) is left out of the URL. A link naming a column that
// does not exist falls back to the default rather than failing.

export const SORTABLE_COLUMNS = [
  'ip',
  'service',
  'namespace',
  'type',
  'notes',
  'status',
  'announcer',
  'pool',
] as const;

export const DEFAULT_SORT = 'ip';

const isColumn = (v: string): v is (typeof SORTABLE_COLUMNS)[number] =>
  (SORTABLE_COLUMNS as readonly string[]).includes(v);

export const sortParser = createParser({
  parse: (v: string) => (isColumn(v.replace(/^-/, '')) ? v : null),
  serialize: (v: string) => v,
}).withDefault(DEFAULT_SORT);

export function sortingOf(param: string): SortingState {
  const desc = param.startsWith('-');
  const id = desc ? param.slice(1) : param;
  return [{ id: isColumn(id) ? id : DEFAULT_SORT, desc: isColumn(id) && desc }];
}

/** A cleared sort (the third click on a header) is the default again. */
export function paramOf(sorting: SortingState): string {
  const s = sorting[0];
  return s ? `${s.desc ? '-' : ''}${s.id}` : DEFAULT_SORT;
}
