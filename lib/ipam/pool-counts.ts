// The pool count conditions (IPsTotal, IPsAvailable, IPsUsed) of Cilium's lbipam.go (S1), kept
// current after every event. After a Service event they are decided at once and written when
// somebody reads a pool status (see updatePoolCountsLazily for why that is exact).
import { POOL_AVAILABLE, POOL_TOTAL, POOL_USED, type Core, type PoolRecord } from './core';
import type { LbRange } from './model';

export function poolCounts(core: Core, name: string): { total: bigint; available: bigint; used: bigint } {
  let available = 0n;
  let used = 0n;
  for (const r of core.ranges.forPool(name)) {
    const s = r.alloc.stats();
    available += s.available;
    used += s.used;
  }
  return { total: available + used, available, used };
}

function sameVersions(seen: { ranges: LbRange[]; versions: number[] }, ranges: LbRange[]): boolean {
  if (seen.ranges.length !== ranges.length) return false;
  for (let i = 0; i < ranges.length; i++) {
    if (seen.ranges[i] !== ranges[i] || seen.versions[i] !== ranges[i].alloc.version) return false;
  }
  return true;
}

export function updateAllPoolCounts(core: Core): void {
  // After a Service event only the pools whose allocators changed can have new counts; pool
  // events (generation, blocks) and restarts check every pool.
  const names = core.countsAll ? [...core.pools.keys()] : [...core.countsDirty];
  core.countsAll = false;
  core.countsDirty.clear();
  for (const name of names) {
    const rec = core.pools.get(name);
    if (rec) updatePoolCounts(core, rec);
  }
}

/**
 * updateAllPoolCounts after a Service event, with the writing of the three count conditions put
 * off until someone reads a pool status (flushPoolCounts). That is exact only where writing them
 * later cannot differ from writing them now: no pool event in between (pool events flush first),
 * and all three conditions already present with status Unknown, so lastTransitionTime cannot move
 * and only the message changes. Whether the counts changed is decided now, from the number of
 * addresses in use (the ranges are fixed between pool events, so the total is too), so the pool's
 * key joins the changed set at the same moment as if its conditions had been written.
 */
export function updatePoolCountsLazily(core: Core): void {
  if (core.countsAll) {
    updateAllPoolCounts(core);
    return;
  }
  for (const name of core.countsDirty) {
    const rec = core.pools.get(name);
    if (!rec) continue;
    if (rec.usedSeen === undefined || !countsSettled(rec)) {
      updatePoolCounts(core, rec);
      continue;
    }
    const used = usedInPool(core, name);
    if (used === rec.usedSeen) continue;
    rec.usedSeen = used;
    core.countsPending.add(name);
    core.patchPool(rec);
  }
  core.countsDirty.clear();
}

/** Writes the count conditions that updatePoolCountsLazily put off. */
export function flushPoolCounts(core: Core): void {
  if (core.countsPending.size === 0) return;
  for (const name of core.countsPending) {
    const rec = core.pools.get(name);
    if (rec) updatePoolCounts(core, rec);
  }
  core.countsPending.clear();
}

const COUNT_TYPES = [POOL_TOTAL, POOL_AVAILABLE, POOL_USED];

function countsSettled(rec: PoolRecord): boolean {
  const gen = rec.obj.metadata.generation ?? 0;
  let found = 0;
  for (const c of rec.status.conditions) {
    if (!COUNT_TYPES.includes(c.type)) continue;
    if (c.status !== 'Unknown' || (c.observedGeneration ?? 0) !== gen) return false;
    found++;
  }
  return found === COUNT_TYPES.length;
}

function usedInPool(core: Core, name: string): number {
  let used = 0;
  for (const r of core.ranges.forPool(name)) used += r.alloc.size;
  return used;
}

function updatePoolCounts(core: Core, rec: PoolRecord): void {
  core.countsPending.delete(rec.obj.metadata.name);
  rec.usedSeen = usedInPool(core, rec.obj.metadata.name);
  // Counts only move when an allocator of the pool changed; skip the BigInt sums otherwise.
  const ranges = core.ranges.forPool(rec.obj.metadata.name);
  const gen = rec.obj.metadata.generation ?? 0;
  const seen = rec.countsSeen;
  if (seen && seen.gen === gen && sameVersions(seen, ranges)) return;
  rec.countsSeen = { gen, ranges: [...ranges], versions: ranges.map((r) => r.alloc.version) };
  const c = poolCounts(core, rec.obj.metadata.name);
  const a = core.setPoolCondition(rec, POOL_TOTAL, 'Unknown', 'noreason', c.total.toString());
  const b = core.setPoolCondition(rec, POOL_AVAILABLE, 'Unknown', 'noreason', c.available.toString());
  const u = core.setPoolCondition(rec, POOL_USED, 'Unknown', 'noreason', c.used.toString());
  if (a || b || u) core.patchPool(rec);
}
