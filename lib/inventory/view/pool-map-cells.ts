import { compareAddr, parseAddr, type Family, type IpAddr } from '../../net';
import type { AllocationRow, ArpVerdict, PoolBlockView, PoolView } from '../types';
import { refText } from './format';

// The pool map's one rule for what an address looks like, written once: a row of the allocation
// table (lib/inventory/view/rows.ts) becomes a cell state. Every map — DOM grid, canvas, the
// Overview's strip — and every legend count comes from `cellState`. Pure and browser-safe.

export type CellState = 'allocated' | 'shared' | 'wanted' | 'reserved' | 'blocked' | 'free';

/** Legend order: what needs attention first, free last. */
export const CELL_STATES: readonly CellState[] = [
  'wanted',
  'shared',
  'allocated',
  'reserved',
  'blocked',
  'free',
];

export const CELL_STATE_WORDS: Record<CellState, { name: string; meaning: string }> = {
  allocated: { name: 'allocated', meaning: 'held by one Service' },
  shared: { name: 'shared', meaning: 'held by several Services sharing it with a sharing key' },
  wanted: {
    name: 'wanted',
    meaning: 'requested by a pending Service that did not get it (it may be held by another)',
  },
  reserved: {
    name: 'reserved',
    meaning: 'first or last address of a CIDR, withheld (allowFirstLastIPs: No)',
  },
  blocked: { name: 'not allocatable', meaning: 'free, but its pool is disabled or conflicting' },
  free: { name: 'free', meaning: 'free in a pool that hands out addresses' },
};

/** The probers' verdict per address (lib/inventory/arp); screens draw nothing where it is absent. */
export type ArpLookup = (ip: string) => ArpVerdict | undefined;

/**
 * The state rule: a pending Service's unmet request wins (it is the thing to fix), then sharing,
 * then holding; free addresses are reserved, blocked (pool not allocating) or free.
 */
export function cellState(row: Pick<AllocationRow, 'status' | 'holders' | 'waiting'>): CellState {
  if (row.waiting.length > 0) return 'wanted';
  if (row.holders.length > 1) return 'shared';
  if (row.holders.length === 1 || row.status === 'allocated' || row.status === 'contested')
    return 'allocated';
  if (row.status === 'reserved') return 'reserved';
  if (row.status === 'unallocatable') return 'blocked';
  return 'free';
}

/** The state of an address no row lists (a free address of a summarised block). */
export const unlistedState = (pool: Pick<PoolView, 'allocates'>): CellState =>
  pool.allocates ? 'free' : 'blocked';

const names = (refs: AllocationRow['holders']) => refs.map(refText).join(', ');

/** "192.168.0.226, allocated to home-automation/mosquitto": a cell's accessible name. */
export function cellLabel(ip: string, state: CellState, row: AllocationRow | null): string {
  const holders = row?.holders ?? [];
  const waiting = row?.waiting ?? [];
  switch (state) {
    case 'wanted':
      return holders.length > 0
        ? `${ip}, wanted by ${names(waiting)}, held by ${names(holders)}`
        : `${ip}, free, wanted by ${names(waiting)}`;
    case 'shared':
      return `${ip}, shared by ${names(holders)}`;
    case 'allocated':
      return holders.length > 0 ? `${ip}, allocated to ${names(holders)}` : `${ip}, allocated`;
    case 'reserved':
      return `${ip}, reserved (allowFirstLastIPs: No)`;
    case 'blocked':
      return `${ip}, free but not allocatable (pool disabled or conflicting)`;
    case 'free':
      return `${ip}, free`;
  }
}

export interface MapCell {
  ip: string;
  state: CellState;
  row: AllocationRow;
}

export interface BlockGroup {
  /** The block's label ("192.168.0.220 – 192.168.0.239"). */
  label: string;
  family: Family;
  from: bigint;
  to: bigint;
  cells: MapCell[];
}

interface ParsedBlock {
  view: PoolBlockView;
  family: Family;
  from: bigint;
  to: bigint;
}

/** The pool's blocks parsed, in address order (spec order need not be), unreadable ones skipped. */
export function blocksInOrder(pool: Pick<PoolView, 'blocks'>): ParsedBlock[] {
  const out: ParsedBlock[] = [];
  for (const view of pool.blocks) {
    const from = parseAddr(view.from);
    const to = parseAddr(view.to);
    if (from && to && from.family === to.family && from.value <= to.value)
      out.push({ view, family: from.family, from: from.value, to: to.value });
  }
  return out.sort((a, b) => a.family - b.family || (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}

/**
 * The rows of a small pool (one per address, in address order) grouped by block: each address
 * goes to the first block, in address order, that contains it (overlapping blocks list it once).
 */
export function blockGroups(pool: Pick<PoolView, 'blocks'>, rows: readonly AllocationRow[]): BlockGroup[] {
  const blocks = blocksInOrder(pool);
  const groups: BlockGroup[] = blocks.map((b) => ({
    label: b.view.label,
    family: b.family,
    from: b.from,
    to: b.to,
    cells: [],
  }));
  let g = 0;
  for (const row of rows) {
    const a = parseAddr(row.ip);
    if (!a) continue;
    // Rows come in address order, so the block pointer only moves forward, except for overlaps.
    let i = g;
    while (i < groups.length && !inGroup(groups[i], a)) i++;
    if (i === groups.length) {
      i = groups.findIndex((x) => inGroup(x, a));
      if (i < 0) continue;
    } else g = i;
    groups[i].cells.push({ ip: row.ip, state: cellState(row), row });
  }
  return groups.filter((x) => x.cells.length > 0);
}

const inGroup = (g: BlockGroup, a: IpAddr) => g.family === a.family && a.value >= g.from && a.value <= g.to;

export type StateCounts = Record<CellState, bigint>;

export const zeroCounts = (): StateCounts => ({
  allocated: 0n,
  shared: 0n,
  wanted: 0n,
  reserved: 0n,
  blocked: 0n,
  free: 0n,
});

/** One address the map must draw differently from its pool's free addresses: a row of the pool. */
export interface Mark {
  addr: IpAddr;
  state: CellState;
  row: AllocationRow;
}

/** The pool's rows that are not plain free addresses, in address order (what aggregation counts). */
export function poolMarks(pool: Pick<PoolView, 'allocates'>, rows: readonly AllocationRow[]): Mark[] {
  const plain = unlistedState(pool);
  const out: Mark[] = [];
  for (const row of rows) {
    const state = cellState(row);
    if (state === plain) continue;
    const addr = parseAddr(row.ip);
    if (addr) out.push({ addr, state, row });
  }
  let sorted = true;
  for (let i = 1; i < out.length && sorted; i++)
    if (compareAddr(out[i - 1].addr, out[i].addr) > 0) sorted = false;
  if (!sorted) out.sort((a, b) => compareAddr(a.addr, b.addr));
  return out;
}

/**
 * Counts per state over the whole pool (the legend): marks by their state, every other address
 * free (or blocked when the pool does not allocate). `total` is the pool's decimal total.
 */
export function poolStateCounts(
  pool: Pick<PoolView, 'allocates' | 'total'>,
  marks: readonly Mark[],
): StateCounts {
  const counts = zeroCounts();
  for (const m of marks) counts[m.state] += 1n;
  let total: bigint;
  try {
    total = BigInt(pool.total);
  } catch {
    total = 0n;
  }
  const listed = BigInt(marks.length);
  counts[unlistedState(pool)] += total > listed ? total - listed : 0n;
  return counts;
}

/** A pool is drawn as DOM cells up to this many addresses, on a canvas beyond. */
export const DOM_CELL_LIMIT = 4096n;

export function drawsAsCells(pool: Pick<PoolView, 'total'>): boolean {
  try {
    return BigInt(pool.total) <= DOM_CELL_LIMIT;
  } catch {
    return false;
  }
}
