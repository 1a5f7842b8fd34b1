import { compareAddr, parseAddr, type IpAddr } from '../../net';
import type { AllocationRow, FreeRangeRow, PoolView, RowStatus, ServiceView } from '../types';
import { refText } from '../view/format';
import { heldAddrs, holderIndex, orphanRows, poolRows } from '../view/rows';

// What every export writes, whatever its format: one table per pool, in the inventory's pool order,
// each row one address (or one summarised free stretch of a large block), expanded by the same
// rules as the allocation table (./../view/rows.ts). Addresses held outside every pool form a
// table of pool "" after the pools.

export interface ExportRow {
  /** The address, or the first address of a free stretch. */
  ip: string;
  /** The last address of a free stretch; null for one address. */
  to: string | null;
  /** Addresses in the row (decimal: a stretch may exceed 2^53). */
  count: string;
  status: RowStatus;
  service: string | null;
  namespace: string | null;
  type: string | null;
  notes: string | null;
  announcer: string | null;
  /** `<ns>/<name>` of each holder (several when they share the address). */
  holders: string[];
  /** `<ns>/<name>` of each pending Service that asked for it. */
  waiting: string[];
}

export interface ExportTable {
  /** The pool's name; "" for addresses held outside every pool. */
  pool: string;
  /** "192.168.0.220 – 192.168.0.239", blocks joined by ", "; "" for the outside table. */
  blocks: string;
  rows: ExportRow[];
}

/** The tables of one pool (`pool` named) or of every pool (null); null when that pool does not exist. */
export function exportTables(
  pools: readonly PoolView[],
  services: readonly ServiceView[],
  pool: string | null,
): ExportTable[] | null {
  const chosen = pool === null ? pools : pools.filter((p) => p.name === pool);
  if (pool !== null && chosen.length === 0) return null;
  const idx = holderIndex(services);
  const held = heldAddrs(idx);
  const tables: ExportTable[] = chosen.map((p) => {
    const { rows, freeRanges } = poolRows(p, idx, held);
    return {
      pool: p.name,
      blocks: p.blocks.map((b) => b.label).join(', '),
      rows: inAddressOrder(rows.map(addressRow), freeRanges.map(rangeRow)),
    };
  });
  if (pool !== null) return tables;
  const outside = orphanRows(pools, idx);
  if (outside.length > 0) tables.push({ pool: '', blocks: '', rows: outside.map(addressRow) });
  return tables;
}

function addressRow(r: AllocationRow): ExportRow {
  return {
    ip: r.ip,
    to: null,
    count: '1',
    status: r.status,
    service: r.service,
    namespace: r.namespace,
    type: r.type,
    notes: r.notes,
    announcer: r.announcer,
    holders: r.holders.map(refText),
    waiting: r.waiting.map(refText),
  };
}

function rangeRow(f: FreeRangeRow): ExportRow {
  return {
    ip: f.from,
    to: f.to,
    count: f.count,
    status: f.status,
    service: null,
    namespace: null,
    type: null,
    notes: null,
    announcer: null,
    holders: [],
    waiting: [],
  };
}

const ZERO: IpAddr = { family: 4, value: 0n };
const first = (r: ExportRow) => parseAddr(r.ip) ?? ZERO;

/** Both lists are in address order already (rows.ts sorts them); merge them into one. */
function inAddressOrder(rows: ExportRow[], ranges: ExportRow[]): ExportRow[] {
  if (ranges.length === 0) return rows;
  const out: ExportRow[] = [];
  let i = 0;
  let j = 0;
  while (i < rows.length || j < ranges.length) {
    const takeRange =
      i >= rows.length || (j < ranges.length && compareAddr(first(ranges[j]), first(rows[i])) < 0);
    out.push(takeRange ? ranges[j++] : rows[i++]);
  }
  return out;
}
