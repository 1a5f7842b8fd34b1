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
  /** Position in numeric IP order (computed once, so sorting 10k rows does not re-parse addresses). */
  order: number;
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
    order: 0,
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
    order: 0,
  };
}

/** Rows and summarised free ranges as one list, in IP order. */
export function tableRecords(inv: { rows: AllocationRow[]; freeRanges: FreeRangeRow[] }): TableRecord[] {
  const keyed = [...inv.rows.map(fromRow), ...inv.freeRanges.map(fromRange)].map((r) => ({
    r,
    k: ipSortKey(r.ip),
  }));
  keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : a.r.pool.localeCompare(b.r.pool)));
  return keyed.map(({ r }, order) => ({ ...r, order }));
}

/** How many addresses the records stand for (a range counts all of its addresses). */
export function addressCount(records: TableRecord[]): bigint {
  return records.reduce((n, r) => n + (r.kind === 'range' ? BigInt(r.count ?? '0') : 1n), 0n);
}
