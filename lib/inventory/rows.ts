import { compareAddr, formatAddr, parseAddr, rangeContains, type IpAddr, type IpRange } from '../net';
import { poolAllocates, type BlockModel, type PoolModel } from './pool-model';
import { makeRow, rowStatus, type Indexes } from './row-factory';
import type { AllocationRow, FreeRangeRow, RowStatus } from './types';

export { rowStatus } from './row-factory';

// The allocation table: one row per address of small blocks, and for blocks over 4,096
// addresses one row per held or reserved address plus FreeRangeRows for the stretches between
// (a /64 is never walked). Addresses held outside every pool become rows of pool "".

export interface PoolRowStats {
  /** Distinct addresses held by Services, and withheld as reserved (Cilium counts both as used). */
  used: bigint;
  total: bigint;
  /** Stretches a new Service could get, in address order (for "free in pool …" advice). */
  freeRuns: IpRange[];
}

export interface RowsResult {
  rows: AllocationRow[];
  freeRanges: FreeRangeRow[];
  stats: Map<string, PoolRowStats>;
  /** Held addresses in no pool block. */
  orphans: string[];
}

type Sortable = { row: AllocationRow; addr: IpAddr };

function statusOf(ip: string, reserved: boolean, allocates: boolean, idx: Indexes): RowStatus {
  return rowStatus(idx.holders.has(ip), idx.waiters.has(ip), reserved, allocates);
}

function pushRun(runs: IpRange[], family: 4 | 6, v: bigint) {
  const last = runs[runs.length - 1];
  if (last && last.family === family && last.to + 1n === v)
    runs[runs.length - 1] = { family, from: last.from, to: v };
  else runs.push({ family, from: v, to: v });
}

/** Parsed held addresses, for containment checks against large blocks. */
function heldAddrs(idx: Indexes): { ip: string; addr: IpAddr }[] {
  const out: { ip: string; addr: IpAddr }[] = [];
  for (const ip of idx.holders.keys()) {
    const addr = parseAddr(ip);
    if (addr) out.push({ ip, addr });
  }
  return out;
}

const byAddr = (a: Sortable, b: Sortable) => compareAddr(a.addr, b.addr);
const byFrom = (a: IpRange, b: IpRange) =>
  a.family - b.family || (a.from < b.from ? -1 : a.from > b.from ? 1 : 0);

export function buildRows(pools: PoolModel[], idx: Indexes): RowsResult {
  const perPool: Sortable[][] = [];
  const freeRanges: FreeRangeRow[] = [];
  const stats = new Map<string, PoolRowStats>();
  const covered = new Set<string>();
  let held: { ip: string; addr: IpAddr }[] | null = null;

  for (const p of pools) {
    const allocates = poolAllocates(p);
    // Only a pool with several blocks can list an address twice (overlapping blocks).
    const seen = p.blocks.length > 1 ? new Set<string>() : null;
    const rows: Sortable[] = [];
    const runs: IpRange[] = [];
    const poolFree: FreeRangeRow[] = [];
    let used = 0n;
    let total = 0n;
    let inOrder = true;
    const emit = (addr: IpAddr, ip: string, reserved: boolean) => {
      if (seen) {
        if (seen.has(ip)) return;
        seen.add(ip);
      }
      const status = statusOf(ip, reserved, allocates, idx);
      if (status !== 'available' && status !== 'unallocatable') used++;
      if (status === 'available') pushRun(runs, addr.family, addr.value);
      const last = rows[rows.length - 1];
      if (last && compareAddr(last.addr, addr) > 0) inOrder = false;
      rows.push({ row: makeRow(p.name, ip, status, idx), addr });
    };
    for (const b of p.blocks) {
      total += b.range.to - b.range.from + 1n;
      if (!b.summarised) {
        for (let v = b.range.from; v <= b.range.to; v++) {
          const addr: IpAddr = { family: b.range.family, value: v };
          const ip = formatAddr(addr);
          if (idx.holders.has(ip)) covered.add(ip); // only held addresses can be orphans
          emit(addr, ip, b.reserved.includes(v));
        }
        continue;
      }
      held ??= heldAddrs(idx);
      summariseBlock(
        b,
        held,
        (addr, ip, reserved) => {
          covered.add(ip);
          emit(addr, ip, reserved);
        },
        (from, to) => {
          poolFree.push(freeRangeRow(p.name, b.range.family, from, to, allocates));
          if (allocates) runs.push({ family: b.range.family, from, to });
        },
      );
    }
    // Blocks are listed in spec order, which need not be address order.
    if (!inOrder) rows.sort(byAddr);
    if (p.blocks.length > 1) {
      runs.sort(byFrom);
      poolFree.sort((a, b) => compareAddr(parseAddr(a.from) ?? ZERO, parseAddr(b.from) ?? ZERO));
    }
    perPool.push(rows);
    freeRanges.push(...poolFree);
    stats.set(p.name, { used, total, freeRuns: runs });
  }

  // Held addresses in no block: pool "" sorts before every named pool.
  const orphans = [...idx.holders.keys()].filter((ip) => !covered.has(ip));
  const orphanRows = orphans
    .map((ip) => ({
      row: makeRow('', ip, statusOf(ip, false, false, idx), idx),
      addr: parseAddr(ip) ?? ZERO,
    }))
    .sort(byAddr);
  const rows: AllocationRow[] = orphanRows.map((s) => s.row);
  for (const list of perPool) for (const s of list) rows.push(s.row);
  return { rows, freeRanges, stats, orphans: orphanRows.map((s) => s.row.ip) };
}

const ZERO: IpAddr = { family: 4, value: 0n };

function summariseBlock(
  b: BlockModel,
  held: { ip: string; addr: IpAddr }[],
  emit: (addr: IpAddr, ip: string, reserved: boolean) => void,
  free: (from: bigint, to: bigint) => void,
) {
  const points = new Map<bigint, { addr: IpAddr; ip: string; reserved: boolean }>();
  for (const h of held)
    if (rangeContains(b.range, h.addr)) points.set(h.addr.value, { ...h, reserved: false });
  for (const v of b.reserved) {
    if (!points.has(v)) {
      const addr: IpAddr = { family: b.range.family, value: v };
      points.set(v, { addr, ip: formatAddr(addr), reserved: true });
    }
  }
  const values = [...points.keys()].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  let next = b.range.from;
  for (const v of values) {
    if (v > next) free(next, v - 1n);
    const pt = points.get(v);
    if (pt) emit(pt.addr, pt.ip, pt.reserved);
    next = v + 1n;
  }
  if (next <= b.range.to) free(next, b.range.to);
}

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
