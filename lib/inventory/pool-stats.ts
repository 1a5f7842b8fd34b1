import { mergeRanges, parseAddr, type IpAddr, type IpRange } from '../net';
import { poolAllocates, type PoolModel } from './pool-model';

// Per-pool counts without walking addresses: a pool's blocks are merged into disjoint ranges and
// the held addresses (sorted once per build) are counted by binary search, so a build costs
// O(blocks · log held) per pool whatever the pools' sizes. Free stretches (for "free in pool …"
// advice) are computed only when an alert asks for them.

export interface PoolRowStats {
  /** Distinct addresses held by Services, and withheld as reserved (Cilium counts both as used). */
  used: bigint;
  /** Sum of the blocks' sizes, as Cilium's IPsTotal counts them. */
  total: bigint;
  /** Stretches a new Service could get, in address order (empty when the pool allocates nothing). */
  readonly freeRuns: IpRange[];
}

/** Held address values per family, sorted ascending (unparseable addresses are in no pool). */
export interface SortedHeld {
  4: bigint[];
  6: bigint[];
}

const cmp = (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0);

/** Held addresses parsed once per build (null: not an address; it is in no pool). */
export type ParsedIps = { ip: string; addr: IpAddr | null }[];

export const parseIps = (ips: Iterable<string>): ParsedIps =>
  [...ips].map((ip) => ({ ip, addr: parseAddr(ip) }));

export function sortHeld(ips: ParsedIps): SortedHeld {
  const out: SortedHeld = { 4: [], 6: [] };
  for (const { addr: a } of ips) {
    if (a) out[a.family].push(a.value);
  }
  out[4].sort(cmp);
  out[6].sort(cmp);
  return out;
}

/** Index of the first value ≥ v. */
function lowerBound(values: bigint[], v: bigint): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A pool's blocks as disjoint ranges in address order (overlapping blocks of one pool merge). */
export const mergedRanges = (p: PoolModel): IpRange[] => mergeRanges(p.blocks.map((b) => b.range));

/** Distinct held values inside [from, to]. */
function heldIn(held: bigint[], from: bigint, to: bigint): bigint[] {
  return held.slice(lowerBound(held, from), lowerBound(held, to + 1n));
}

export function poolStats(p: PoolModel, held: SortedHeld): PoolRowStats {
  const ranges = mergedRanges(p);
  let total = 0n;
  for (const b of p.blocks) total += b.range.to - b.range.from + 1n;
  let used = 0n;
  for (const r of ranges) used += BigInt(heldIn(held[r.family], r.from, r.to).length);
  // Reserved first/last addresses count as used unless a Service holds them anyway.
  const reserved = reservedValues(p);
  for (const [family, values] of reserved) {
    for (const v of values) if (!isHeld(held[family], v)) used++;
  }
  let runs: IpRange[] | null = null;
  return {
    used,
    total,
    get freeRuns() {
      runs ??= poolAllocates(p) ? freeRunsOf(ranges, held, reserved) : [];
      return runs;
    },
  };
}

function isHeld(values: bigint[], v: bigint): boolean {
  const i = lowerBound(values, v);
  return i < values.length && values[i] === v;
}

function reservedValues(p: PoolModel): Map<4 | 6, Set<bigint>> {
  const out = new Map<4 | 6, Set<bigint>>();
  for (const b of p.blocks) {
    if (b.reserved.length === 0) continue;
    const set = out.get(b.range.family) ?? new Set<bigint>();
    for (const v of b.reserved) set.add(v);
    out.set(b.range.family, set);
  }
  return out;
}

function freeRunsOf(ranges: IpRange[], held: SortedHeld, reserved: Map<4 | 6, Set<bigint>>): IpRange[] {
  const runs: IpRange[] = [];
  for (const r of ranges) {
    const taken = new Set(heldIn(held[r.family], r.from, r.to));
    for (const v of reserved.get(r.family) ?? []) if (v >= r.from && v <= r.to) taken.add(v);
    const points = [...taken].sort(cmp);
    let next = r.from;
    for (const v of points) {
      if (v > next) runs.push({ family: r.family, from: next, to: v - 1n });
      next = v + 1n;
    }
    if (next <= r.to) runs.push({ family: r.family, from: next, to: r.to });
  }
  return runs;
}

/** Held addresses that no block of any pool contains (in the order given), by binary search. */
export function orphanIps(pools: PoolModel[], ips: ParsedIps): string[] {
  const all = mergeRanges(pools.flatMap((p) => p.blocks.map((b) => b.range)));
  const byFamily = { 4: all.filter((r) => r.family === 4), 6: all.filter((r) => r.family === 6) };
  const out: string[] = [];
  for (const { ip, addr: a } of ips) {
    if (!a) {
      out.push(ip);
      continue;
    }
    const list = byFamily[a.family];
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].to < a.value) lo = mid + 1;
      else hi = mid;
    }
    if (lo >= list.length || list[lo].from > a.value) out.push(ip);
  }
  return out;
}
