import { compareAddr, formatAddr, parseAddr, type IpAddr } from '../../net';
import type {
  AllocationRow,
  FreeRangeRow,
  ObjectRef,
  PoolBlockView,
  PoolView,
  RowStatus,
  ServiceView,
} from '../types';

// The allocation table, expanded from facts where it is drawn: one row per address of small
// blocks, and for blocks over 4,096 addresses one row per held or reserved address plus free
// ranges between them (a /64 is never walked). Addresses held outside every pool become rows of
// pool "". Pure and engine-free: the browser runs it per pool, the server for exports and tests.

export interface HolderIndex {
  /** Services holding each address, in Service order. */
  holders: Map<string, ServiceView[]>;
  /** Pending Services waiting for an address they requested and do not hold. */
  waiters: Map<string, ServiceView[]>;
}

export function holderIndex(services: readonly ServiceView[]): HolderIndex {
  const holders = new Map<string, ServiceView[]>();
  const waiters = new Map<string, ServiceView[]>();
  const add = (m: Map<string, ServiceView[]>, ip: string, s: ServiceView) => {
    const list = m.get(ip);
    // A Service listing one address twice (Cilium collapses only adjacent repeats) is one holder or waiter.
    if (list) {
      if (list[list.length - 1] !== s) list.push(s);
    } else m.set(ip, [s]);
  };
  for (const s of services) {
    for (const ip of s.ips) add(holders, ip, s);
    if (s.satisfied !== false) continue;
    for (const ip of s.requestedIps) if (!s.ips.includes(ip)) add(waiters, ip, s);
  }
  return { holders, waiters };
}

/** The status rule, in one place: held beats reserved; free depends on whether the pool allocates. */
export function rowStatus(held: boolean, waited: boolean, reserved: boolean, allocates: boolean): RowStatus {
  if (held) return waited ? 'contested' : 'allocated';
  if (reserved) return 'reserved';
  return allocates ? 'available' : 'unallocatable';
}

/** Several holders of one shared IP: every distinct value, in holder order, joined with ", ". */
export function joinColumn(values: (string | null)[]): string | null {
  const distinct: string[] = [];
  for (const v of values) if (v !== null && !distinct.includes(v)) distinct.push(v);
  return distinct.length ? distinct.join(', ') : null;
}

export const serviceRefOf = (s: ServiceView): ObjectRef => ({
  kind: 'Service',
  namespace: s.namespace,
  name: s.name,
});

export function makeRow(pool: string, ip: string, status: RowStatus, idx: HolderIndex): AllocationRow {
  const holders = idx.holders.get(ip);
  const waiting = idx.waiters.get(ip);
  const row: AllocationRow = {
    key: `${pool}/${ip}`,
    ip,
    pool,
    status,
    holders: [],
    service: null,
    namespace: null,
    type: null,
    notes: null,
    announcer: null,
    waiting: waiting ? waiting.map(serviceRefOf) : [],
  };
  if (!holders) return row;
  row.holders = holders.map(serviceRefOf);
  if (holders.length === 1) {
    const h = holders[0];
    row.service = h.displayName;
    row.namespace = h.displayNamespace;
    row.type = h.type;
    row.notes = h.notes;
    row.announcer = h.announcer;
    return row;
  }
  row.service = joinColumn(holders.map((h) => h.displayName));
  row.namespace = joinColumn(holders.map((h) => h.displayNamespace));
  row.type = joinColumn(holders.map((h) => h.type));
  row.notes = joinColumn(holders.map((h) => h.notes));
  row.announcer = joinColumn(holders.map((h) => h.announcer));
  return row;
}

interface ParsedBlock {
  family: 4 | 6;
  from: bigint;
  to: bigint;
  reserved: Set<bigint>;
  summarised: boolean;
}

function parseBlock(b: PoolBlockView): ParsedBlock | null {
  const from = parseAddr(b.from);
  const to = parseAddr(b.to);
  if (!from || !to || from.family !== to.family || from.value > to.value) return null;
  const reserved = new Set<bigint>();
  for (const r of b.reserved) {
    const a = parseAddr(r);
    if (a) reserved.add(a.value);
  }
  return { family: from.family, from: from.value, to: to.value, reserved, summarised: b.summarised };
}

type Sortable = { row: AllocationRow; addr: IpAddr };
const byAddr = (a: Sortable, b: Sortable) => compareAddr(a.addr, b.addr);

export interface PoolRows {
  rows: AllocationRow[];
  freeRanges: FreeRangeRow[];
}

/** Held addresses parsed once, for containment in summarised blocks. */
export type HeldAddrs = { ip: string; addr: IpAddr }[];

export function heldAddrs(idx: HolderIndex): HeldAddrs {
  const out: HeldAddrs = [];
  for (const ip of idx.holders.keys()) {
    const addr = parseAddr(ip);
    if (addr) out.push({ ip, addr });
  }
  return out;
}

/** The rows of one pool, in address order, and its summarised free stretches. */
export function poolRows(pool: PoolView, idx: HolderIndex, held?: HeldAddrs): PoolRows {
  const allocates = pool.allocates;
  const seen = pool.blocks.length > 1 ? new Set<string>() : null;
  const rows: Sortable[] = [];
  const freeRanges: FreeRangeRow[] = [];
  let inOrder = true;
  const emit = (addr: IpAddr, ip: string, reserved: boolean) => {
    if (seen) {
      if (seen.has(ip)) return;
      seen.add(ip);
    }
    const status = rowStatus(idx.holders.has(ip), idx.waiters.has(ip), reserved, allocates);
    const last = rows[rows.length - 1];
    if (last && compareAddr(last.addr, addr) > 0) inOrder = false;
    rows.push({ row: makeRow(pool.name, ip, status, idx), addr });
  };
  for (const view of pool.blocks) {
    const b = parseBlock(view);
    if (!b) continue;
    if (!b.summarised) {
      for (let v = b.from; v <= b.to; v++) {
        const addr: IpAddr = { family: b.family, value: v };
        emit(addr, formatAddr(addr), b.reserved.has(v));
      }
      continue;
    }
    held ??= heldAddrs(idx);
    const points = new Map<bigint, { addr: IpAddr; ip: string; reserved: boolean }>();
    for (const h of held) {
      if (h.addr.family === b.family && h.addr.value >= b.from && h.addr.value <= b.to)
        points.set(h.addr.value, { ...h, reserved: false });
    }
    // Addresses a pending Service wants are rows too, so the map and the table can show who waits.
    for (const ip of idx.waiters.keys()) {
      const addr = parseAddr(ip);
      if (
        addr &&
        addr.family === b.family &&
        addr.value >= b.from &&
        addr.value <= b.to &&
        !points.has(addr.value)
      )
        points.set(addr.value, { addr, ip, reserved: b.reserved.has(addr.value) });
    }
    for (const v of b.reserved) {
      if (points.has(v)) continue;
      const addr: IpAddr = { family: b.family, value: v };
      points.set(v, { addr, ip: formatAddr(addr), reserved: true });
    }
    const values = [...points.keys()].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
    let next = b.from;
    for (const v of values) {
      if (v > next) freeRanges.push(freeRangeRow(pool.name, b.family, next, v - 1n, allocates));
      const pt = points.get(v);
      if (pt) emit(pt.addr, pt.ip, pt.reserved);
      next = v + 1n;
    }
    if (next <= b.to) freeRanges.push(freeRangeRow(pool.name, b.family, next, b.to, allocates));
  }
  // Blocks are listed in spec order, which need not be address order.
  if (!inOrder) rows.sort(byAddr);
  if (pool.blocks.length > 1) {
    freeRanges.sort((a, b) => compareAddr(parseAddr(a.from) ?? ZERO, parseAddr(b.from) ?? ZERO));
  }
  return { rows: rows.map((s) => s.row), freeRanges };
}

const ZERO: IpAddr = { family: 4, value: 0n };

function freeRangeRow(
  pool: string,
  family: 4 | 6,
  from: bigint,
  to: bigint,
  allocates: boolean,
): FreeRangeRow {
  const f = formatAddr({ family, value: from });
  const t = formatAddr({ family, value: to });
  return {
    key: `${pool}/${f}-${t}`,
    pool,
    from: f,
    to: t,
    count: (to - from + 1n).toString(10),
    status: allocates ? 'available' : 'unallocatable',
  };
}

/** Held addresses that no block of any pool contains, as rows of pool "" in address order. */
export function orphanRows(pools: readonly PoolView[], idx: HolderIndex): AllocationRow[] {
  const blocks = pools.flatMap((p) => p.blocks.map(parseBlock)).filter((b): b is ParsedBlock => b !== null);
  const out: Sortable[] = [];
  for (const { ip, addr } of heldAddrs(idx)) {
    if (blocks.some((b) => b.family === addr.family && addr.value >= b.from && addr.value <= b.to)) continue;
    out.push({ row: makeRow('', ip, rowStatus(true, idx.waiters.has(ip), false, false), idx), addr });
  }
  // Unparseable addresses are orphans too (no block can contain them); they sort first.
  for (const ip of idx.holders.keys()) {
    if (!parseAddr(ip))
      out.push({ row: makeRow('', ip, rowStatus(true, idx.waiters.has(ip), false, false), idx), addr: ZERO });
  }
  return out.sort(byAddr).map((s) => s.row);
}

/** Every row and free range of every pool: orphans (pool "") first, then pools in their order. */
export function expandRows(pools: readonly PoolView[], services: readonly ServiceView[]): PoolRows {
  const idx = holderIndex(services);
  const held = heldAddrs(idx);
  const rows = orphanRows(pools, idx);
  const freeRanges: FreeRangeRow[] = [];
  for (const p of pools) {
    const r = poolRows(p, idx, held);
    for (const row of r.rows) rows.push(row);
    for (const f of r.freeRanges) freeRanges.push(f);
  }
  return { rows, freeRanges };
}
