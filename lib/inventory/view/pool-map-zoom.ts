import { compareAddr, formatAddr, rangeAsCidr, type Family } from '../../net';
import type { AllocationRow, FreeRangeRow, PoolView } from '../types';
import { formatCount } from './format';
import {
  blocksInOrder,
  cellLabel,
  unlistedState,
  zeroCounts,
  type CellState,
  type Mark,
  type StateCounts,
} from './pool-map-cells';

// The large pool map (canvas), pure: a level is one or more sections (a block, or the stretch
// zoomed into), each cut into at most `maxCells` cells of a power-of-two size. A cell of one
// address is that address; a larger one aggregates its addresses by state. Counting uses binary
// search over the pool's marks (its non-free rows), so a /64 costs its marks and its cells, never
// its 2^64 addresses.

export const MAX_CELLS = 256;

export interface Stretch {
  family: Family;
  from: bigint;
  to: bigint;
}

export interface ZoomCell extends Stretch {
  size: bigint;
  /** Addresses per state; sums to size. */
  counts: StateCounts;
  /** Addresses held by a Service (allocated, shared, or wanted while held). */
  held: bigint;
  /** For a one-address cell: its state and row (null when the address is plainly free). */
  state: CellState | null;
  row: AllocationRow | null;
}

export interface ZoomSection extends Stretch {
  label: string;
  /** Addresses per cell (a power of two; 1 at the last level). */
  step: bigint;
  cells: ZoomCell[];
}

export interface ZoomLevel {
  sections: ZoomSection[];
  /** Every cell is one address (clicking opens it instead of zooming). */
  addresses: boolean;
}

/** Smallest power of two ≥ ceil(span / maxCells). */
export function stepFor(span: bigint, maxCells = MAX_CELLS): bigint {
  const want = (span + BigInt(maxCells) - 1n) / BigInt(maxCells);
  let step = 1n;
  while (step < want) step <<= 1n;
  return step;
}

/** "10.0.3.0/24" when the stretch is one CIDR, else "10.0.3.7 – 10.0.4.2"; one address alone. */
export function stretchLabel(s: Stretch): string {
  if (s.from === s.to) return formatAddr({ family: s.family, value: s.from });
  return (
    rangeAsCidr(s) ??
    `${formatAddr({ family: s.family, value: s.from })} – ${formatAddr({ family: s.family, value: s.to })}`
  );
}

/** Index of the first mark at or after (family, value). */
function lowerBound(marks: readonly Mark[], family: Family, value: bigint): number {
  const probe = { family, value };
  let lo = 0;
  let hi = marks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareAddr(marks[mid].addr, probe) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function section(
  pool: Pick<PoolView, 'allocates'>,
  marks: readonly Mark[],
  s: Stretch,
  label: string,
  maxCells: number,
): ZoomSection {
  const plain = unlistedState(pool);
  const step = stepFor(s.to - s.from + 1n, maxCells);
  const cells: ZoomCell[] = [];
  let m = lowerBound(marks, s.family, s.from);
  for (let from = s.from; from <= s.to; from += step) {
    const to = from + step - 1n < s.to ? from + step - 1n : s.to;
    const size = to - from + 1n;
    const counts = zeroCounts();
    let held = 0n;
    let listed = 0n;
    let only: Mark | null = null;
    for (; m < marks.length; m++) {
      const mk = marks[m];
      if (mk.addr.family !== s.family || mk.addr.value > to) break;
      counts[mk.state] += 1n;
      listed += 1n;
      if (mk.row.holders.length > 0) held += 1n;
      only = mk;
    }
    counts[plain] += size - listed;
    const one = size === 1n;
    cells.push({
      family: s.family,
      from,
      to,
      size,
      counts,
      held,
      state: one ? (only ? only.state : plain) : null,
      row: one ? (only?.row ?? null) : null,
    });
  }
  return { ...s, label, step, cells };
}

/** The pool as a whole: one section per block, in address order. */
export function topLevel(
  pool: Pick<PoolView, 'allocates' | 'blocks'>,
  marks: readonly Mark[],
  maxCells = MAX_CELLS,
): ZoomLevel {
  const sections = blocksInOrder(pool).map((b) =>
    section(pool, marks, { family: b.family, from: b.from, to: b.to }, b.view.label, maxCells),
  );
  return { sections, addresses: sections.every((s) => s.step === 1n) };
}

/** One stretch of the pool (a cell clicked at the level above), cut into at most maxCells cells. */
export function zoomInto(
  pool: Pick<PoolView, 'allocates'>,
  marks: readonly Mark[],
  s: Stretch,
  maxCells = MAX_CELLS,
): ZoomLevel {
  const sec = section(pool, marks, s, stretchLabel(s), maxCells);
  return { sections: [sec], addresses: sec.step === 1n };
}

/** Share of a cell held, in [0, 1]; any held address shows (at least 0.15), so a /56 with one IP is not blank. */
export function heldShade(c: Pick<ZoomCell, 'held' | 'size'>): number {
  if (c.held <= 0n || c.size <= 0n) return 0;
  const f = Number((c.held * 10_000n) / c.size) / 10_000;
  return Math.min(1, 0.15 + 0.85 * f);
}

/** The state a cell is drawn in: its address's state, else the most pressing state it contains. */
export function cellTone(c: Pick<ZoomCell, 'state' | 'counts' | 'size'>): CellState {
  if (c.state) return c.state;
  if (c.counts.wanted > 0n) return 'wanted';
  if (c.counts.shared > 0n) return 'shared';
  if (c.counts.allocated > 0n) return 'allocated';
  if (c.counts.blocked === c.size) return 'blocked';
  if (c.counts.reserved > 0n && c.counts.free === 0n && c.counts.blocked === 0n) return 'reserved';
  return c.counts.blocked > 0n ? 'blocked' : 'free';
}

/** What a cell says (screen readers, the canvas's focus announcement, the hover card's title). */
export function zoomCellLabel(c: ZoomCell): string {
  const name = stretchLabel(c);
  if (c.size === 1n) return cellLabel(name, c.state ?? 'free', c.row);
  const parts = [`${formatCount(c.held).short} of ${formatCount(c.size).short} held`];
  if (c.counts.shared > 0n) parts.push(`${formatCount(c.counts.shared).short} shared`);
  if (c.counts.wanted > 0n) parts.push(`${formatCount(c.counts.wanted).short} wanted by pending Services`);
  if (c.counts.reserved > 0n) parts.push(`${formatCount(c.counts.reserved).short} reserved`);
  if (c.counts.blocked > 0n) parts.push('not allocatable');
  return `${name}, ${parts.join(', ')}`;
}

/** The free space of a pool too large to list, in a line: how many stretches, the largest. */
export interface FreeSummary {
  stretches: number;
  addresses: bigint;
  largest: FreeRangeRow | null;
}

export function freeSummary(freeRanges: readonly FreeRangeRow[]): FreeSummary {
  let addresses = 0n;
  let largest: FreeRangeRow | null = null;
  let largestSize = -1n;
  for (const f of freeRanges) {
    let n: bigint;
    try {
      n = BigInt(f.count);
    } catch {
      continue;
    }
    addresses += n;
    if (n > largestSize) {
      largestSize = n;
      largest = f;
    }
  }
  return { stretches: freeRanges.length, addresses, largest };
}

/** Grid geometry of a section: columns per line (16 for 256 cells), lines. */
export function sectionShape(cells: number, maxColumns = 32): { columns: number; lines: number } {
  const columns = cells <= 16 ? cells : cells <= 256 ? 16 : maxColumns;
  return { columns: Math.max(1, columns), lines: Math.ceil(cells / Math.max(1, columns)) };
}

/** The first `limit` marks inside a stretch, and how many there are in all (the hover card's list). */
export function marksIn(marks: readonly Mark[], s: Stretch, limit = 6): { shown: Mark[]; total: number } {
  const shown: Mark[] = [];
  let total = 0;
  for (let i = lowerBound(marks, s.family, s.from); i < marks.length; i++) {
    const m = marks[i];
    if (m.addr.family !== s.family || m.addr.value > s.to) break;
    total++;
    if (shown.length < limit) shown.push(m);
  }
  return { shown, total };
}
