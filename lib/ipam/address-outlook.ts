// What Cilium would do with one address, from the engine's state: the ranges (pool blocks) that
// contain it, in the order generic allocation tries them (allocate.ts), whether each would hand this
// address out next (HashAllocator: the first address of the smallest free block), and the pending
// Services that asked for it by name. Read-only: nothing is allocated.
import { formatAddr, formatRange, type IpAddr } from '../net';
import { SVC_CONDITION, type Core } from './core';
import type { LbRange } from './model';

export interface RangeOutlook {
  pool: string;
  /** "192.168.0.220 - 192.168.0.239" */
  range: string;
  /** free, held by Services, or reserved (allowFirstLastIPs: "No" withholds it, owned by nobody). */
  state: 'free' | 'held' | 'reserved';
  /** Why the range hands out nothing now; null when it allocates. */
  blocked: 'disabled' | 'conflicting' | null;
  /** `namespace/name` of the Services holding it (several when they share it). */
  holders: string[];
  /** The address this range hands out to the next generic request; null when it is full. */
  next: string | null;
  /** Free addresses left in the range (a decimal string: may exceed 2^53). */
  free: string;
  /**
   * Pools of the allocating, non-full ranges Cilium tries before this one: a new Service that one
   * of them selects too gets its address there first.
   */
  triedBefore: string[];
}

export interface WaitingService {
  service: string;
  /** Cilium's reason and message on the Service (IPAMRequestSatisfied False). */
  reason: string | null;
  message: string | null;
}

export interface AddressOutlook {
  ip: string;
  /** Ranges containing it (several when pools overlap), in Cilium's range order. */
  ranges: RangeOutlook[];
  /** Pending Services that requested this very address and do not hold it. */
  waiting: WaitingService[];
  /**
   * Pending Services (no requested address) that a blocked range's pool selects: they wait for an
   * address from it, in the order Cilium retries them. At most `limit` (see addressOutlook).
   */
  pendingSelected: string[];
  /** pendingSelected was cut at the limit. */
  morePending: number;
}

const rangeState = (r: LbRange, ip: IpAddr): Pick<RangeOutlook, 'state' | 'holders'> => {
  if (!r.alloc.has(ip.value)) return { state: 'free', holders: [] };
  const holders = r.alloc.get(ip.value);
  // A reserved first/last address is allocated with no owner (pools.ts newRange).
  if (holders === null || holders === undefined) return { state: 'reserved', holders: [] };
  return { state: 'held', holders: holders.map((h) => h.key) };
};

const blockedOf = (r: LbRange): RangeOutlook['blocked'] =>
  r.externallyDisabled ? 'disabled' : r.internallyDisabled ? 'conflicting' : null;

const contains = (r: LbRange, ip: IpAddr) =>
  r.alloc.range.family === ip.family && ip.value >= r.alloc.range.from && ip.value <= r.alloc.range.to;

export function addressOutlook(core: Core, ip: IpAddr, limit = 20): AddressOutlook {
  const ranges: RangeOutlook[] = [];
  const before: LbRange[] = [];
  const blockedPools = new Set<string>();
  for (const r of core.ranges.ranges) {
    if (r.alloc.range.family !== ip.family) continue;
    if (contains(r, ip)) {
      const next = r.disabled() ? null : r.alloc.peekAny();
      const blocked = blockedOf(r);
      if (blocked) blockedPools.add(r.originPool);
      ranges.push({
        pool: r.originPool,
        range: formatRange(r.alloc.range),
        ...rangeState(r, ip),
        blocked,
        next: next === null ? null : formatAddr({ family: ip.family, value: next }),
        free: r.alloc.stats().available.toString(10),
        triedBefore: [...new Set(before.map((b) => b.originPool))],
      });
    }
    if (!r.disabled() && !r.alloc.isFull) before.push(r);
  }
  const waiting: WaitingService[] = [];
  const pendingSelected: string[] = [];
  let morePending = 0;
  for (const sv of core.services.unsatisfied.values()) {
    const cond = sv.status.conditions?.find((c) => c.type === SVC_CONDITION);
    if (sv.requestedIPs.length > 0) {
      const asks = sv.requestedIPs.some((r) => r.family === ip.family && r.value === ip.value);
      const holds = sv.allocated.some((a) => a.ip.family === ip.family && a.ip.value === ip.value);
      if (asks && !holds)
        waiting.push({ service: sv.key, reason: cond?.reason ?? null, message: cond?.message ?? null });
      continue;
    }
    const family = ip.family === 4 ? sv.families.ipv4 : sv.families.ipv6;
    if (!family || blockedPools.size === 0) continue;
    const selected = [...blockedPools].some((name) => {
      const rec = core.pools.get(name);
      return rec !== undefined && core.poolSelects(rec, sv);
    });
    if (!selected) continue;
    if (pendingSelected.length < limit) pendingSelected.push(sv.key);
    else morePending++;
  }
  return { ip: formatAddr(ip), ranges, waiting, pendingSelected, morePending };
}
