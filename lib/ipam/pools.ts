// Pool-side handlers, ported from Cilium's lbipam.go (S1): new/modified/deleted pools, service
// revalidation, conflict settling and the three count conditions.
import type { CiliumLoadBalancerIPPool, PoolBlock } from '../cilium/objects';
import { blockRange } from '../cilium/pool';
import { formatRange, rangeEquals, rangesOverlap, type IpRange } from '../net';
import { POOL_CONFLICT, type Core, type PoolRecord } from './core';
import { HashAllocator } from './hash-allocator';
import { flushPoolCounts } from './pool-counts';
import { LbRange, type Holders, type ServiceView } from './model';
import {
  satisfyAndUpdateCounts,
  satisfyService,
  stripInvalidAllocations,
  stripOrImportIngresses,
} from './services';

export class PoolBlockError extends Error {
  constructor(
    readonly pool: string,
    readonly index: number,
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** Cilium reads only spec.blocks (spec.cidrs left the CRD in 1.16 and is pruned). */
const blocksOf = (pool: CiliumLoadBalancerIPPool): PoolBlock[] => pool.spec?.blocks ?? [];

function parseBlocks(pool: CiliumLoadBalancerIPPool): { range: IpRange; fromCidr: boolean }[] {
  const out: { range: IpRange; fromCidr: boolean }[] = [];
  for (const [i, b] of blocksOf(pool).entries()) {
    const r = blockRange(b ?? {});
    if (!r.ok) throw new PoolBlockError(pool.metadata.name, i, r.field, `error parsing ip block: ${r.error}`);
    out.push({ range: r.range, fromCidr: r.fromCidr });
  }
  return out;
}

function newRange(core: Core, range: IpRange, fromCidr: boolean, pool: CiliumLoadBalancerIPPool): LbRange {
  const r = core.watchRange(
    new LbRange(new HashAllocator<Holders>(range), pool.metadata.name, pool.spec?.disabled === true),
  );
  // allowFirstLastIPs: "No" reserves first and last of cidr blocks of three or more addresses.
  if (fromCidr && pool.spec?.allowFirstLastIPs === 'No' && range.to - range.from >= 2n) {
    r.alloc.alloc(range.from, null);
    r.alloc.alloc(range.to, null);
  }
  return r;
}

export function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${stableJson(x)}`).join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}

export function handleNewPool(core: Core, pool: CiliumLoadBalancerIPPool): void {
  const name = pool.metadata.name;
  if (core.pools.has(name)) return;
  const rec: PoolRecord = {
    obj: pool,
    status: { conditions: (pool.status?.conditions ?? []).map((c) => ({ ...c })) },
    seq: core.poolSeq++,
  };
  core.pools.set(name, rec);
  core.poolEpoch++;
  // Block by block, as Cilium: blocks before a bad one stay loaded, the rest of the event is lost.
  for (const [i, b] of blocksOf(pool).entries()) {
    const r = blockRange(b ?? {});
    if (!r.ok) throw new PoolBlockError(name, i, r.field, `error parsing ip block: ${r.error}`);
    core.ranges.add(newRange(core, r.range, r.fromCidr, pool));
  }
  // "Unmark new pools so they get a conflict: False condition set, otherwise kubectl will report a blank field."
  unmarkPool(core, rec);
}

export function handlePoolModified(core: Core, pool: CiliumLoadBalancerIPPool): void {
  const rec = core.pools.get(pool.metadata.name) as PoolRecord;
  const wasNo = rec.obj.spec?.allowFirstLastIPs === 'No';
  const isNo = pool.spec?.allowFirstLastIPs === 'No';
  rec.obj = pool;
  core.poolEpoch++;
  const fresh = parseBlocks(pool);
  const existing = [...core.ranges.forPool(pool.metadata.name)];
  for (const ext of existing) {
    const match = fresh.find((n) => rangeEquals(n.range, ext.alloc.range));
    if (match) {
      const { from, to } = ext.alloc.range;
      if (match.fromCidr && wasNo !== isNo && to - from >= 2n) {
        if (!isNo) {
          for (const ip of [from, to]) if (ext.alloc.has(ip)) ext.alloc.free(ip);
        } else {
          // Reserve only if free: an address a Service holds is not revoked.
          for (const ip of [from, to]) if (!ext.alloc.has(ip)) ext.alloc.alloc(ip, null);
        }
      }
      continue;
    }
    core.ranges.delete(ext);
    deleteRangeAllocations(core, ext);
  }
  for (const n of fresh) {
    if (existing.some((ext) => rangeEquals(n.range, ext.alloc.range))) continue;
    core.ranges.add(newRange(core, n.range, n.fromCidr, pool));
  }
  for (const r of core.ranges.forPool(pool.metadata.name))
    r.externallyDisabled = pool.spec?.disabled === true;
  revalidateAllServices(core);
}

function revalidate(core: Core, sv: ServiceView): void {
  stripInvalidAllocations(core, sv);
  let modified = stripOrImportIngresses(core, sv);
  if (!sv.isSatisfied() && satisfyService(core, sv)) modified = true;
  if (modified) core.patchSvc(sv);
  core.services.upsert(sv);
}

/** Satisfied Services first, so they keep their addresses (S1; S2 re-imports everyone first). */
export function revalidateAllServices(core: Core): void {
  for (const sv of [...core.services.satisfied.values()]) revalidate(core, sv);
  for (const sv of [...core.services.unsatisfied.values()]) revalidate(core, sv);
}

function deleteRangeAllocations(core: Core, del: LbRange): ServiceView[] {
  const modified: ServiceView[] = [];
  for (const sv of [...core.services.unsatisfied.values(), ...core.services.satisfied.values()]) {
    const before = sv.allocated.length;
    sv.allocated = sv.allocated.filter((a) => a.origin !== del);
    if (sv.allocated.length !== before) modified.push(sv);
  }
  return modified;
}

export function handlePoolDeleted(core: Core, pool: CiliumLoadBalancerIPPool): void {
  const name = pool.metadata.name;
  const touched: ServiceView[] = [];
  for (const r of [...core.ranges.forPool(name)]) {
    core.ranges.delete(r);
    touched.push(...deleteRangeAllocations(core, r));
  }
  core.pools.delete(name);
  core.poolEpoch++;
  for (const sv of touched) {
    let modified = stripOrImportIngresses(core, sv);
    if (!sv.isSatisfied() && satisfyService(core, sv)) modified = true;
    if (modified) core.patchSvc(sv);
    core.services.upsert(sv);
  }
}

function internalConflict(ranges: LbRange[]): [LbRange, LbRange] | undefined {
  for (const [i, a] of ranges.entries()) {
    for (const [j, b] of ranges.entries())
      if (i !== j && rangesOverlap(a.alloc.range, b.alloc.range)) return [a, b];
  }
  return undefined;
}

function crossConflict(outer: LbRange[], inner: LbRange[]): [LbRange, LbRange] | undefined {
  for (const a of outer)
    for (const b of inner) if (rangesOverlap(a.alloc.range, b.alloc.range)) return [a, b];
  return undefined;
}

const created = (p: PoolRecord): number => {
  const t = Date.parse(p.obj.metadata.creationTimestamp ?? '');
  return Number.isNaN(t) ? 0 : Math.floor(t / 1000);
};

/** Older = earlier creationTimestamp (1 s resolution); a tie goes to the pool seen first. */
const olderThan = (a: PoolRecord, b: PoolRecord): boolean =>
  created(a) < created(b) || (created(a) === created(b) && a.seq < b.seq);

export function settleConflicts(core: Core): void {
  for (const outer of core.pools.values()) {
    if (core.isPoolConflicting(outer)) continue;
    const outerRanges = core.ranges.forPool(outer.obj.metadata.name);
    const internal = internalConflict(outerRanges);
    if (internal) {
      markPoolConflicting(core, outer, outer, internal[0], internal[1]);
      continue;
    }
    for (const inner of core.pools.values()) {
      if (inner === outer || core.isPoolConflicting(inner)) continue;
      const hit = crossConflict(outerRanges, core.ranges.forPool(inner.obj.metadata.name));
      if (!hit) continue;
      if (olderThan(outer, inner)) markPoolConflicting(core, inner, outer, hit[1], hit[0]);
      else markPoolConflicting(core, outer, inner, hit[0], hit[1]);
      break;
    }
  }
  for (const outer of core.pools.values()) {
    if (!core.isPoolConflicting(outer)) continue;
    const outerRanges = core.ranges.forPool(outer.obj.metadata.name);
    if (internalConflict(outerRanges)) continue;
    let conflict = false;
    for (const inner of core.pools.values()) {
      if (inner === outer) continue;
      if (crossConflict(outerRanges, core.ranges.forPool(inner.obj.metadata.name))) {
        conflict = true;
        break;
      }
    }
    if (!conflict) unmarkPool(core, outer);
  }
}

function markPoolConflicting(
  core: Core,
  target: PoolRecord,
  collision: PoolRecord,
  tr: LbRange,
  cr: LbRange,
): void {
  if (core.isPoolConflicting(target)) return;
  const message = `Pool conflicts since range '${formatRange(tr.alloc.range)}' overlaps range '${formatRange(cr.alloc.range)}' from IP Pool '${collision.obj.metadata.name}'`;
  for (const r of core.ranges.forPool(target.obj.metadata.name)) r.internallyDisabled = true;
  if (core.setPoolCondition(target, POOL_CONFLICT, 'True', 'cidr_overlap', message)) core.patchPool(target);
}

function unmarkPool(core: Core, target: PoolRecord): void {
  for (const r of core.ranges.forPool(target.obj.metadata.name)) r.internallyDisabled = false;
  if (core.setPoolCondition(target, POOL_CONFLICT, 'False', 'resolved', '')) core.patchPool(target);
}

/** poolOnUpsert: a spec-identical upsert is a no-op; bad blocks abort the event (Cilium logs and retries). */
export function poolOnUpsert(core: Core, pool: CiliumLoadBalancerIPPool): void {
  flushPoolCounts(core);
  core.countsAll = true;
  const existing = core.pools.get(pool.metadata.name);
  try {
    if (existing) {
      if (stableJson(existing.obj.spec ?? {}) === stableJson(pool.spec ?? {})) return;
      handlePoolModified(core, pool);
    } else {
      handleNewPool(core, pool);
    }
  } catch (err) {
    if (err instanceof PoolBlockError) {
      core.poolErrors.set(pool.metadata.name, err);
      return;
    }
    throw err;
  }
  core.poolErrors.delete(pool.metadata.name);
  settleConflicts(core);
  satisfyAndUpdateCounts(core);
}

export function poolOnDelete(core: Core, pool: CiliumLoadBalancerIPPool): void {
  flushPoolCounts(core);
  core.countsAll = true;
  core.poolErrors.delete(pool.metadata.name);
  handlePoolDeleted(core, pool);
  settleConflicts(core);
  satisfyAndUpdateCounts(core);
}
