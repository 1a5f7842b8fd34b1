// Why a Service has what it has, from the engine's state: the facts (which range holds a
// requested address, who holds it, which pools select the Service), worded by lib/explain, the
// module alerts and `lbipam plan` share, so the engine and the dashboard never disagree.
import { POOL_CONDITION } from '../cilium/conditions';
import { describeSelector } from '../cilium/selector';
import { whyNotHandled } from '../cilium/service';
import {
  explainDormant,
  explainNotHandled,
  explainPending,
  explainSatisfied,
  explainUnknownService,
  type Explanation,
  type FreeIn,
  type GenericFacts,
  type Holder,
  type PoolNote,
  type RequestedSituation,
} from '../explain';
import { addrEquals, formatRun, mergeRanges, rangeContains, type IpAddr } from '../net';
import { SVC_CONDITION, type Core, type PoolRecord } from './core';
import type { ServiceView } from './model';
import type { Diagnosis, FreeRuns } from './types';

const MAX_RUNS = 6;

const poolDisabled = (rec: PoolRecord) => rec.obj.spec?.disabled === true;

/** Free addresses, per pool that selects the Service and can allocate (enabled, not conflicting). */
function freeIn(core: Core, sv: ServiceView): FreeIn[] {
  const out: FreeIn[] = [];
  for (const [name, rec] of core.pools) {
    if (!core.poolSelects(rec, sv)) continue;
    const runs = core.ranges
      .forPool(name)
      .filter((r) => !r.disabled())
      .flatMap((r) => r.alloc.freeRuns());
    if (runs.length > 0) out.push({ pool: name, runs: mergeRanges(runs) });
  }
  return out;
}

const freeRuns = (free: FreeIn[]): FreeRuns[] =>
  free.map((f) => ({
    pool: f.pool,
    runs: f.runs.slice(0, MAX_RUNS).map(formatRun),
    more: Math.max(0, f.runs.length - MAX_RUNS),
  }));

const holderOf = (h: ServiceView): Holder => ({
  name: h.key,
  namespace: h.namespace,
  sharingKey: h.sharingKey,
  sharingCrossNamespace: h.sharingCrossNamespace,
  ports: h.ports,
  externalTrafficPolicy: h.externalTrafficPolicy,
  selector: h.selector,
});

const conflictMessage = (rec: PoolRecord | undefined): string | null =>
  rec?.status.conditions.find((c) => c.type === POOL_CONDITION.conflict && c.status === 'True')?.message ??
  null;

/** What stands in the way of one requested address, found as satisfySpecificIPRequests finds it (C.5). */
function situation(core: Core, sv: ServiceView, ip: IpAddr): RequestedSituation {
  const containing = core.ranges.ranges.filter((r) => rangeContains(r.alloc.range, ip));
  const enabled = containing.filter((r) => !r.disabled());
  if (enabled.length === 0) {
    const inactive = containing[0];
    if (!inactive) return { reason: 'no_pool' };
    const rec = core.pools.get(inactive.originPool);
    return {
      reason: 'no_pool',
      pool: {
        name: inactive.originPool,
        state: inactive.externallyDisabled ? 'disabled' : 'conflicting',
        conflictMessage: conflictMessage(rec),
      },
    };
  }
  const selecting = enabled.find((r) => {
    const rec = core.pools.get(r.originPool);
    return rec !== undefined && core.poolSelects(rec, sv);
  });
  if (!selecting) {
    const pool = enabled[0].originPool;
    return {
      reason: 'pool_selector_mismatch',
      pool,
      selector: describeSelector(core.pools.get(pool)?.obj.spec?.serviceSelector),
    };
  }
  const pool = selecting.originPool;
  const holders = selecting.alloc.get(ip.value);
  // A reserved first/last address is allocated with no owner (null).
  if (holders === null) return { reason: 'already_allocated', pool, holders: [], reserved: true };
  const others = (holders ?? []).filter((h) => h !== sv);
  if (others.length === 0) return { reason: 'free', pool };
  if (sv.sharingKey === '') return { reason: 'already_allocated', pool, holders: others.map((h) => h.key) };
  const why = others.map((h) => h.incompatibility(sv)).find((r) => r !== undefined);
  return {
    reason: 'already_allocated_incompatible_service',
    pool,
    holders: others.map(holderOf),
    requester: sv,
    why,
  };
}

/** Why no pool serves a generic request: each pool in turn, or the full ones (C.6). */
function generic(core: Core, sv: ServiceView, reason: string | undefined): GenericFacts {
  const notes: PoolNote[] = [];
  const full: string[] = [];
  for (const [name, rec] of core.pools) {
    const conflicting = core.ranges.forPool(name).some((r) => r.internallyDisabled);
    const allocates = !poolDisabled(rec) && !conflicting;
    if (!core.poolSelects(rec, sv)) {
      notes.push({
        pool: name,
        why: 'selector',
        selector: describeSelector(rec.obj.spec?.serviceSelector),
        allocates,
      });
      continue;
    }
    if (allocates) full.push(name);
    notes.push({ pool: name, why: poolDisabled(rec) ? 'disabled' : conflicting ? 'conflicting' : 'family' });
  }
  return reason === 'out_of_ips' ? { reason, pools: full } : { reason: 'no_pool', pools: notes };
}

const asDiagnosis = (
  base: Pick<Diagnosis, 'namespace' | 'name' | 'ips' | 'reason' | 'message'>,
  state: Diagnosis['state'],
  e: Explanation,
): Diagnosis => ({ ...base, state, title: e.title, cause: e.detail, fix: e.fix });

export function diagnoseService(core: Core, namespace: string, name: string): Diagnosis {
  const key = `${namespace}/${name}`;
  const svc = core.known.get(key);
  const base = { namespace, name, ips: [] as string[] };
  const subject = { name: key };
  if (!svc) return asDiagnosis(base, 'unknown', explainUnknownService(key));
  const notHandled = whyNotHandled(svc, core.options);
  if (notHandled) {
    return asDiagnosis(
      base,
      'not-handled',
      explainNotHandled(subject, {
        why: notHandled,
        type: svc.spec?.type,
        loadBalancerClass: svc.spec?.loadBalancerClass,
      }),
    );
  }
  if (!core.initialized) return asDiagnosis(base, 'dormant', explainDormant(subject));
  const sv = core.services.get(key);
  const status = core.written.get(key);
  const ips = (status?.loadBalancer.ingress ?? []).flatMap((i) => (i.ip ? [i.ip] : []));
  const cond = status?.conditions?.find((c) => c.type === SVC_CONDITION);
  const d = { ...base, ips, reason: cond?.reason, message: cond?.message };
  if (!sv || sv.isSatisfied()) return asDiagnosis(d, 'satisfied', explainSatisfied(subject, ips));
  const free = freeIn(core, sv);
  const missing = sv.requestedIPs.filter((r) => !sv.allocated.some((a) => addrEquals(a.ip, r)));
  const e = explainPending({
    subject,
    message: cond?.message || null,
    requested: missing.map((ip) => ({ ip, situation: situation(core, sv, ip) })),
    generic: missing.length === 0 ? generic(core, sv, cond?.reason) : undefined,
    free,
  });
  return { ...asDiagnosis(d, 'pending', e), free: freeRuns(free) };
}
