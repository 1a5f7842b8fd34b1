// Generic allocation, ported from Cilium's lbipam.go (S1): share an address of the sharing key
// when compatible, else take the first free address of the first enabled range (in range order)
// whose pool selects the Service. Pending Services are retried on every event, so a failed
// attempt remembers which ranges select the Service and retries walk only those.
import type { Family } from '../net';
import type { Core } from './core';
import { ERR_FULL, ERR_IN_USE } from './hash-allocator';
import type { AllocatedIP, CandidateRanges, LbRange, ServiceView } from './model';

export function satisfyFamily(core: Core, sv: ServiceView, family: Family): boolean {
  if (sv.sharingKey !== '') {
    for (const shared of core.ranges.sharingKeyIPs.get(sv.sharingKey) ?? []) {
      if (shared.ip.family !== family) continue;
      const holders = shared.origin.alloc.get(shared.ip.value);
      if (!holders || holders.length === 0) continue;
      if (holders.every((h) => h.incompatibility(sv) === undefined)) {
        sv.allocated.push({ ip: shared.ip, origin: shared.origin });
        shared.origin.alloc.update(shared.ip.value, [...holders, sv]);
        return false;
      }
    }
  }
  const got = allocateIPAddress(core, sv, family);
  if (typeof got === 'object') {
    sv.allocated.push(got);
    return false;
  }
  if (got) {
    return core.setSvcCondition(
      sv,
      false,
      'out_of_ips',
      'All enabled CiliumLoadBalancerIPPools that match this service ran out of allocatable IPs',
    );
  }
  return core.setSvcCondition(
    sv,
    false,
    'no_pool',
    'There are no enabled CiliumLoadBalancerIPPools that match this service',
  );
}

/** The first enabled range of the family whose pool selects sv, allocated from; else whether one was full. */
function allocateIPAddress(core: Core, sv: ServiceView, family: Family): AllocatedIP | boolean {
  const slot = family === 4 ? 0 : 1;
  const known = sv.candidates[slot];
  if (
    known &&
    known.store === core.ranges &&
    known.version === core.ranges.version &&
    known.poolEpoch === core.poolEpoch
  ) {
    return allocateFrom(known.ranges, sv, family);
  }
  let full = false;
  // Every range in order, cheap tests first, nothing allocated until an address is taken.
  for (const r of core.ranges.ranges) {
    if (r.alloc.range.family !== family) continue;
    const pool = core.pools.get(r.originPool);
    if (!pool || !core.poolSelects(pool, sv)) continue;
    const got = allocateIn(r, sv, family);
    if (typeof got === 'object') return got;
    if (got) full = true;
  }
  // It failed, so it will be retried on every event: remember which ranges select it.
  const selecting = core.ranges.ranges.filter((r) => {
    const pool = r.alloc.range.family === family ? core.pools.get(r.originPool) : undefined;
    return pool !== undefined && core.poolSelects(pool, sv);
  });
  const entry: CandidateRanges = {
    store: core.ranges,
    version: core.ranges.version,
    poolEpoch: core.poolEpoch,
    ranges: selecting,
  };
  sv.candidates = slot === 0 ? [entry, sv.candidates[1]] : [sv.candidates[0], entry];
  return full;
}

function allocateFrom(ranges: LbRange[], sv: ServiceView, family: Family): AllocatedIP | boolean {
  let full = false;
  for (const r of ranges) {
    const got = allocateIn(r, sv, family);
    if (typeof got === 'object') return got;
    if (got) full = true;
  }
  return full;
}

/** One selecting range: skipped when disabled, true when full, else the address taken from it. */
function allocateIn(r: LbRange, sv: ServiceView, family: Family): AllocatedIP | boolean {
  if (r.disabled()) return false;
  // What allocAny would throw (ERR_FULL), without the cost of a throw per retry.
  if (r.alloc.isFull) return true;
  try {
    const value = r.alloc.allocAny([sv]);
    // Frozen, so formatAddr can keep this very object in the parse cache.
    return { ip: Object.freeze({ family, value }), origin: r };
  } catch (err) {
    if (err === ERR_FULL) return true;
    if (err !== ERR_IN_USE) throw err;
    return false;
  }
}
