import {
  describeSelector,
  matchesSelector,
  readServiceRequest,
  serviceSelectorLabels,
  sharingIncompatibility,
} from '../../cilium';
import type { FreeIn, GenericFacts, Holder, PoolNote, RequestedSituation } from '../../explain';
import { formatAddr, rangeContains, type IpAddr } from '../../net';
import { poolAllocates, type PoolModel } from '../pool-model';
import type { ServiceModel } from '../service-model';
import { holderText, type AlertContext } from './context';

// The facts lib/explain words, found in the inventory's state: pools and their blocks as the
// cluster defines them, holders from the ingress Cilium wrote. Cilium's message is never read.

/** Families play no part in sharing; the reader wants them anyway. */
const BOTH = { ipv4: true, ipv6: true };

const contains = (p: PoolModel, addr: IpAddr) => p.blocks.some((b) => rangeContains(b.range, addr));

// A Service's selector labels, built once: every pool is checked against them, several times.
const labels = new WeakMap<ServiceModel, Record<string, string>>();
function labelsOf(s: ServiceModel): Record<string, string> {
  let l = labels.get(s);
  if (!l) labels.set(s, (l = serviceSelectorLabels(s.svc)));
  return l;
}

// Which pools select a Service, found once per Service and pool list: several facts ask, and a
// cluster may have a thousand pools. One flag per pool, by the pool's place in the list.
const poolIndex = new WeakMap<PoolModel, number>();
const selecting = new WeakMap<ServiceModel, { pools: readonly PoolModel[]; flags: Uint8Array }>();
function selects(p: PoolModel, s: ServiceModel, pools: readonly PoolModel[]): boolean {
  let hit = selecting.get(s);
  if (!hit || hit.pools !== pools) {
    hit = { pools, flags: new Uint8Array(pools.length) };
    selecting.set(s, hit);
  }
  let i = poolIndex.get(p);
  if (i === undefined || pools[i] !== p) {
    pools.forEach((q, k) => poolIndex.set(q, k));
    i = poolIndex.get(p);
    if (i === undefined) return matchesSelector(p.view.serviceSelector, labelsOf(s));
  }
  // 0: not judged yet, 1: selects, 2: does not.
  if (hit.flags[i] === 0) hit.flags[i] = matchesSelector(p.view.serviceSelector, labelsOf(s)) ? 1 : 2;
  return hit.flags[i] === 1;
}

// The note of a pool that selects other Services is the same for every Service: made once per pool.
const selectorNotes = new WeakMap<PoolModel, PoolNote>();
function selectorNote(p: PoolModel): PoolNote {
  let n = selectorNotes.get(p);
  if (!n) {
    n = {
      pool: p.name,
      why: 'selector',
      selector: describeSelector(p.view.serviceSelector),
      allocates: poolAllocates(p),
    };
    selectorNotes.set(p, n);
  }
  return n;
}

const holderOf = (h: ServiceModel): Holder => ({ ...readServiceRequest(h.svc, BOTH), name: holderText(h) });

/** What stands in the way of one requested address, in the order Cilium checks (C.5). */
export function requestedSituation(ctx: AlertContext, s: ServiceModel, addr: IpAddr): RequestedSituation {
  const enabled = ctx.pools.filter((p) => poolAllocates(p) && contains(p, addr));
  if (enabled.length === 0) {
    const inactive = ctx.pools.find((p) => contains(p, addr));
    if (!inactive) return { reason: 'no_pool' };
    return {
      reason: 'no_pool',
      pool: {
        name: inactive.name,
        state: inactive.disabled ? 'disabled' : 'conflicting',
        conflictMessage: inactive.conflictMessage,
      },
    };
  }
  const selecting = enabled.find((p) => selects(p, s, ctx.pools));
  if (!selecting) {
    const pool = enabled[0];
    return {
      reason: 'pool_selector_mismatch',
      pool: pool.name,
      selector: describeSelector(pool.view.serviceSelector),
    };
  }
  const pool = selecting.name;
  const holders = (ctx.holders.get(formatAddr(addr)) ?? []).filter((h) => h !== s);
  if (holders.length === 0) {
    const reserved = selecting.blocks.some(
      (b) => rangeContains(b.range, addr) && b.reserved.includes(addr.value),
    );
    return reserved ? { reason: 'already_allocated', pool, holders: [], reserved } : { reason: 'free', pool };
  }
  if (!s.view.sharingKey) return { reason: 'already_allocated', pool, holders: holders.map(holderText) };
  const requester = readServiceRequest(s.svc, BOTH);
  const all = holders.map(holderOf);
  const why = all.map((h) => sharingIncompatibility(h, requester)).find((r) => r !== undefined);
  return { reason: 'already_allocated_incompatible_service', pool, holders: all, requester, why };
}

/** Why no pool serves a generic request (C.6): each pool in turn, or the full ones. */
export function genericFacts(ctx: AlertContext, s: ServiceModel): GenericFacts {
  if (s.view.reason === 'out_of_ips') {
    return {
      reason: 'out_of_ips',
      pools: ctx.pools.filter((p) => poolAllocates(p) && selects(p, s, ctx.pools)).map((p) => p.name),
    };
  }
  const pools = ctx.pools.map((p): PoolNote => {
    if (!selects(p, s, ctx.pools)) return selectorNote(p);
    return { pool: p.name, why: p.disabled ? 'disabled' : p.conflicting ? 'conflicting' : 'family' };
  });
  // ctx.pools is in natural name order (poolModels sorts it), as every explanation lists pools.
  return { reason: 'no_pool', pools, inNameOrder: true };
}

/** Free addresses of every pool that selects the Service and allocates. */
export const freeFor = (ctx: AlertContext, s: ServiceModel): FreeIn[] =>
  ctx.pools.flatMap((p) => {
    if (!poolAllocates(p) || !selects(p, s, ctx.pools)) return [];
    const runs = ctx.stats.get(p.name)?.freeRuns ?? [];
    return runs.length ? [{ pool: p.name, runs }] : [];
  });
