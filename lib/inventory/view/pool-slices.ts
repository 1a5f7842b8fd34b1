import { parseAddr } from '../../net';
import type { AllocationRow, FreeRangeRow, PoolView, ServiceView } from '../types';
import { holderIndex, orphanRows, poolRows, type PoolRows } from './rows';
import { sameItems } from './same-items';

// Which Services touch which pool (hold or wait for an address in one of its blocks), and the
// rows of each pool memoised on that slice: when one Service changes, only the pools it touches
// are expanded again, and every other pool keeps the very same rows array (so React skips them).

interface Interval {
  family: 4 | 6;
  from: bigint;
  to: bigint;
  pool: string;
}

function intervals(pools: readonly PoolView[]): Interval[] {
  const out: Interval[] = [];
  for (const p of pools) {
    for (const b of p.blocks) {
      const from = parseAddr(b.from);
      const to = parseAddr(b.to);
      if (from && to && from.family === to.family)
        out.push({ family: from.family, from: from.value, to: to.value, pool: p.name });
    }
  }
  return out;
}

export interface PoolSlices {
  /** Services with an address (held or requested) in the pool, in Service order. */
  byPool: Map<string, ServiceView[]>;
  /** Services holding an address that no pool contains. */
  outside: ServiceView[];
}

/**
 * Blocks sorted by start, with the running maximum of their ends, so the pools containing an
 * address are found by a binary search and a short walk back (blocks may overlap).
 */
function blockIndex(pools: readonly PoolView[]) {
  const byFamily = { 4: [] as Interval[], 6: [] as Interval[] };
  for (const b of intervals(pools)) byFamily[b.family].push(b);
  const index = ([4, 6] as const).map((f) => {
    const list = byFamily[f].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
    const maxTo: bigint[] = [];
    list.forEach((b, i) => maxTo.push(i === 0 || b.to > maxTo[i - 1] ? b.to : maxTo[i - 1]));
    return { list, maxTo };
  });
  return (family: 4 | 6, v: bigint, found: (pool: string) => void) => {
    const { list, maxTo } = index[family === 4 ? 0 : 1];
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].from <= v) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo - 1; i >= 0 && maxTo[i] >= v; i--) if (list[i].to >= v) found(list[i].pool);
  };
}

/** Where one Service's addresses fall: the pools they touch, and whether one is outside every pool. */
interface Placement {
  pools: Set<string>;
  stray: boolean;
}

/**
 * `placements` (optional) remembers each Service's placement for one pools array: when only
 * Services change, only the changed ones are placed again.
 */
export function poolSlices(
  pools: readonly PoolView[],
  services: readonly ServiceView[],
  placements?: WeakMap<ServiceView, Placement>,
): PoolSlices {
  let lookup: ReturnType<typeof blockIndex> | null = null;
  const byPool = new Map<string, ServiceView[]>(pools.map((p) => [p.name, []]));
  const outside: ServiceView[] = [];
  const place = (s: ServiceView): Placement => {
    lookup ??= blockIndex(pools);
    const find = lookup;
    const touched = new Set<string>();
    let stray = false;
    const visit = (ip: string, held: boolean) => {
      const a = parseAddr(ip);
      let inside = false;
      if (a) {
        find(a.family, a.value, (pool) => {
          touched.add(pool);
          inside = true;
        });
      }
      if (held && !inside) stray = true;
    };
    for (const ip of s.ips) visit(ip, true);
    if (s.satisfied === false) for (const ip of s.requestedIps) visit(ip, false);
    return { pools: touched, stray };
  };
  for (const s of services) {
    let placed = placements?.get(s);
    if (!placed) {
      placed = place(s);
      placements?.set(s, placed);
    }
    for (const p of placed.pools) byPool.get(p)?.push(s);
    if (placed.stray) outside.push(s);
  }
  return { byPool, outside };
}

/** The pools' names and block bounds as one string: equal strings, equal placements. */
const blocksLayout = (pools: readonly PoolView[]): string =>
  pools.map((p) => `${p.name}:${p.blocks.map((b) => `${b.from}-${b.to}`).join(',')}`).join('|');

export interface ExpandedRows {
  /** Per pool, in the pools' order. */
  pools: Map<string, PoolRows>;
  /** Rows of pool "": held addresses outside every pool. */
  orphans: AllocationRow[];
}

/** A memo of expandRows that recomputes only the pools whose pool fact or Service slice changed. */
export function createRowsMemo() {
  const cache = new Map<string, { pool: PoolView; slice: ServiceView[]; rows: PoolRows }>();
  let orphanCache: { slice: ServiceView[]; pools: readonly PoolView[]; rows: AllocationRow[] } | null = null;
  let last: { pools: readonly PoolView[]; services: readonly ServiceView[]; result: ExpandedRows } | null =
    null;
  let placements = new WeakMap<ServiceView, Placement>();
  let placedFor = '';
  return function expand(pools: readonly PoolView[], services: readonly ServiceView[]): ExpandedRows {
    if (last && last.pools === pools && last.services === services) return last.result;
    // Placements depend on the pools' blocks only (a Service changes a pool's counts, not where its
    // blocks are): every Service is placed again only when some block moved.
    const layout = blocksLayout(pools);
    if (layout !== placedFor) {
      placements = new WeakMap();
      placedFor = layout;
    }
    const slices = poolSlices(pools, services, placements);
    const out = new Map<string, PoolRows>();
    for (const p of pools) {
      const slice = slices.byPool.get(p.name) ?? [];
      const hit = cache.get(p.name);
      if (hit && hit.pool === p && sameItems(hit.slice, slice)) {
        out.set(p.name, hit.rows);
        continue;
      }
      const rows = poolRows(p, holderIndex(slice));
      cache.set(p.name, { pool: p, slice, rows });
      out.set(p.name, rows);
    }
    for (const name of [...cache.keys()]) if (!out.has(name)) cache.delete(name);
    let orphans: AllocationRow[];
    if (orphanCache && orphanCache.pools === pools && sameItems(orphanCache.slice, slices.outside))
      orphans = orphanCache.rows;
    else {
      orphans = orphanRows(pools, holderIndex(slices.outside));
      orphanCache = { slice: slices.outside, pools, rows: orphans };
    }
    const result = { pools: out, orphans };
    last = { pools, services, result };
    return result;
  };
}

/** Rows and free ranges of one pool (all pools when `pool` is null), orphans first. */
export function selectRows(
  rows: ExpandedRows,
  pool: string | null,
): { rows: AllocationRow[]; freeRanges: FreeRangeRow[] } {
  const out: AllocationRow[] = pool === null || pool === '' ? [...rows.orphans] : [];
  const freeRanges: FreeRangeRow[] = [];
  for (const [name, r] of rows.pools) {
    if (pool !== null && name !== pool) continue;
    for (const row of r.rows) out.push(row);
    for (const f of r.freeRanges) freeRanges.push(f);
  }
  return { rows: out, freeRanges };
}

/** Every row of one address: one per pool whose blocks hold it, or its orphan row. */
export function rowsOfIp(rows: ExpandedRows, ip: string): AllocationRow[] {
  const out: AllocationRow[] = rows.orphans.filter((r) => r.ip === ip);
  for (const r of rows.pools.values()) for (const row of r.rows) if (row.ip === ip) out.push(row);
  return out;
}
