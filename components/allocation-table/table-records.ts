import type { AllocationRow, FreeRangeRow, ObjectRef, RowStatus } from '@/lib/inventory/types';
import { ipSortKey } from './ip-order';

/** One line of the allocation table: an address, or a summarised range of free addresses. */
export interface TableRecord {
  key: string;
  kind: 'address' | 'range';
  /** The address, or the first address of the range (what IP sorting uses). */
  ip: string;
  /** Last address of a summarised range. */
  to: string | null;
  /** Number of addresses in a summarised range (decimal string: may exceed 2^53). */
  count: string | null;
  service: string | null;
  namespace: string | null;
  type: string | null;
  notes: string | null;
  status: RowStatus;
  announcer: string | null;
  pool: string;
  holders: ObjectRef[];
  waiting: ObjectRef[];
  /** Numeric IP order (computed once per record, so sorting 10k rows does not re-parse addresses). */
  sortKey: bigint;
}

function fromRow(r: AllocationRow): TableRecord {
  return {
    key: r.key,
    kind: 'address',
    ip: r.ip,
    to: null,
    count: null,
    service: r.service,
    namespace: r.namespace,
    type: r.type,
    notes: r.notes,
    status: r.status,
    announcer: r.announcer,
    pool: r.pool,
    holders: r.holders,
    waiting: r.waiting,
    sortKey: 0n,
  };
}

function fromRange(r: FreeRangeRow): TableRecord {
  return {
    key: r.key,
    kind: 'range',
    ip: r.from,
    to: r.to,
    count: r.count,
    service: null,
    namespace: null,
    type: null,
    notes: null,
    status: r.status,
    announcer: null,
    pool: r.pool,
    holders: [],
    waiting: [],
    sortKey: 0n,
  };
}

// Rows of pools that did not change are the very same objects from one update to the next (the
// rows memo in lib/inventory/view): their records, sort keys and filter texts are made once.
const records = new WeakMap<AllocationRow | FreeRangeRow, TableRecord>();

function record<T extends AllocationRow | FreeRangeRow>(item: T, make: (t: T) => TableRecord): TableRecord {
  let hit = records.get(item);
  if (!hit) {
    const r = make(item);
    hit = { ...r, sortKey: ipSortKey(r.ip) };
    records.set(item, hit);
  }
  return hit;
}

/** Numeric IP order, then pool (an address in two overlapping pools). */
export const compareRecords = (a: TableRecord, b: TableRecord): number =>
  a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : a.pool.localeCompare(b.pool);

/** Rows and summarised free ranges as one list, in IP order. */
export function tableRecords(inv: { rows: AllocationRow[]; freeRanges: FreeRangeRow[] }): TableRecord[] {
  const all: TableRecord[] = [];
  for (const row of inv.rows) all.push(record(row, fromRow));
  for (const range of inv.freeRanges) all.push(record(range, fromRange));
  return all.sort(compareRecords);
}

/** How many addresses the records stand for (a range counts all of its addresses). */
export function addressCount(records: TableRecord[]): bigint {
  return records.reduce((n, r) => n + (r.kind === 'range' ? BigInt(r.count ?? '0') : 1n), 0n);
}
