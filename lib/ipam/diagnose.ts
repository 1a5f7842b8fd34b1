// Plain-language cause and fix for one Service, from the engine's state (never from guesses).
import { describeSelector } from '../cilium/selector';
import { whyNotHandled } from '../cilium/service';
import { addrEquals, formatAddr, formatRun, parseAddr, rangeContains, type IpAddr } from '../net';
import { SVC_CONDITION, type Core } from './core';
import type { ServiceView } from './model';
import type { Diagnosis, FreeRuns } from './types';

const MAX_RUNS = 6;

/** Free addresses, per pool that selects the Service and can allocate (enabled, not conflicting). */
export function freeRunsFor(core: Core, sv: ServiceView, family?: 4 | 6): FreeRuns[] {
  const out: FreeRuns[] = [];
  for (const [name, rec] of core.pools) {
    if (!core.poolSelects(rec, sv)) continue;
    const runs = core.ranges
      .forPool(name)
      .filter((r) => !r.disabled() && (family === undefined || r.alloc.range.family === family))
      .flatMap((r) => r.alloc.freeRuns());
    if (runs.length === 0) continue;
    out.push({
      pool: name,
      runs: runs.slice(0, MAX_RUNS).map(formatRun),
      more: Math.max(0, runs.length - MAX_RUNS),
    });
  }
  return out;
}

const freeText = (free: FreeRuns[]): string =>
  free.length === 0
    ? 'no pool that selects it has a free address'
    : free
        .map((f) => `free in pool '${f.pool}': ${f.runs.join(', ')}${f.more ? ` and ${f.more} more` : ''}`)
        .join('; ');

function holderText(core: Core, ip: IpAddr): string {
  for (const r of core.ranges.ranges) {
    if (!rangeContains(r.alloc.range, ip) || !r.alloc.has(ip.value)) continue;
    const holders = r.alloc.get(ip.value);
    if (holders === null || holders === undefined || holders.length === 0) {
      return `${formatAddr(ip)} is the reserved first or last address of pool '${r.originPool}' (allowFirstLastIPs: "No")`;
    }
    return `${formatAddr(ip)} is held by ${holders.map((h) => h.key).join(', ')}`;
  }
  return `${formatAddr(ip)} is already allocated`;
}

function inactivePoolsContaining(core: Core, ip: IpAddr): string[] {
  return core.ranges.ranges
    .filter((r) => r.disabled() && rangeContains(r.alloc.range, ip))
    .map((r) => `'${r.originPool}' (${r.internallyDisabled ? 'in conflict with another pool' : 'disabled'})`);
}

function explainGeneric(core: Core, sv: ServiceView, reason: string): { cause: string; fix: string } {
  if (reason === 'out_of_ips') {
    return {
      cause: 'Every enabled pool that selects this Service is full.',
      fix: 'Add a block to one of those pools, widen a block, or delete a Service that no longer needs its address.',
    };
  }
  const notes: string[] = [];
  for (const [name, rec] of core.pools) {
    const ranges = core.ranges.forPool(name);
    if (!core.poolSelects(rec, sv))
      notes.push(`'${name}' selects only ${describeSelector(rec.obj.spec?.serviceSelector)}`);
    else if (ranges.length > 0 && ranges.every((r) => r.disabled())) {
      notes.push(
        `'${name}' is ${ranges[0].internallyDisabled ? 'in conflict with another pool' : 'disabled'}`,
      );
    } else notes.push(`'${name}' has no block of the family it asks for`);
  }
  return {
    cause: `No enabled pool can serve it: ${notes.join('; ') || 'there are no pools'}.`,
    fix: "Give the Service labels that a pool's serviceSelector matches, or create/enable a pool whose selector matches it and that has a block of the requested family.",
  };
}

export function diagnoseService(core: Core, namespace: string, name: string): Diagnosis {
  const key = `${namespace}/${name}`;
  const svc = core.known.get(key);
  const base = { namespace, name, ips: [] as string[] };
  if (!svc)
    return {
      ...base,
      state: 'unknown',
      cause: `There is no Service ${key}.`,
      fix: 'Check the namespace and name.',
    };
  const notHandled = whyNotHandled(svc, core.options);
  if (notHandled) {
    return {
      ...base,
      state: 'not-handled',
      cause: `LB-IPAM ignores this Service: ${notHandled}.`,
      fix: notHandledFix(svc.spec?.type),
    };
  }
  if (!core.initialized) {
    return {
      ...base,
      state: 'dormant',
      cause: 'No CiliumLoadBalancerIPPool exists, so LB-IPAM is dormant and writes nothing to any Service.',
      fix: 'Create a CiliumLoadBalancerIPPool whose serviceSelector matches this Service.',
    };
  }
  const sv = core.services.get(key);
  const status = core.written.get(key);
  const ips = (status?.loadBalancer.ingress ?? []).flatMap((i) => (i.ip ? [i.ip] : []));
  const cond = status?.conditions?.find((c) => c.type === SVC_CONDITION);
  const d = { ...base, ips, reason: cond?.reason, message: cond?.message };
  if (!sv || sv.isSatisfied()) {
    return {
      ...d,
      state: 'satisfied',
      cause: ips.length
        ? `LB-IPAM gave it ${ips.join(', ')}.`
        : 'It requests no address family this cluster serves, so it is satisfied with none.',
      fix: 'Nothing to do.',
    };
  }
  const free = freeRunsFor(core, sv);
  if (sv.requestedIPs.length > 0) {
    const missing = sv.requestedIPs.filter((r) => !sv.allocated.some((a) => addrEquals(a.ip, r)));
    const causes = missing.map((ip) => explainSpecific(core, sv, ip));
    return {
      ...d,
      state: 'pending',
      cause: causes.map((c) => c.cause).join(' '),
      fix: `${[...new Set(causes.map((c) => c.fix))].join(' ')} ${free.length ? `(${freeText(free)})` : ''}`.trim(),
      free,
    };
  }
  const g = explainGeneric(core, sv, cond?.reason ?? 'no_pool');
  return { ...d, state: 'pending', ...g, free };
}

function explainSpecific(core: Core, sv: ServiceView, ip: IpAddr): { cause: string; fix: string } {
  const why = explainRequested(core, sv, ip);
  if (ip.zone === undefined) return why;
  // Go's netip keeps the zone, so Cilium looks for fe80::1%eth0, never fe80::1.
  const plain = formatAddr({ family: ip.family, value: ip.value });
  return {
    cause: `${why.cause} Cilium keeps the IPv6 zone '%${ip.zone}' as part of the requested address, so it is not ${plain}.`,
    fix: `Request ${plain} without the zone.`,
  };
}

function explainRequested(core: Core, sv: ServiceView, ip: IpAddr): { cause: string; fix: string } {
  const text = formatAddr(ip);
  const containing = core.ranges.ranges.filter((r) => !r.disabled() && rangeContains(r.alloc.range, ip));
  if (containing.length === 0) {
    const inactive = inactivePoolsContaining(core, ip);
    return inactive.length
      ? {
          cause: `${text} is only in pool ${inactive.join(', ')}, which allocates nothing new.`,
          fix: `Enable that pool or resolve its conflict, or request a free address.`,
        }
      : {
          cause: `${text} is in no pool.`,
          fix: `Add a block containing ${text} to a pool that selects this Service, or request an address from a pool.`,
        };
  }
  const selecting = containing.find((r) => {
    const rec = core.pools.get(r.originPool);
    return rec !== undefined && core.poolSelects(rec, sv);
  });
  if (!selecting) {
    const rec = core.pools.get(containing[0].originPool);
    return {
      cause: `${text} is in pool '${containing[0].originPool}', which selects only ${describeSelector(rec?.obj.spec?.serviceSelector)}.`,
      fix: `Label the Service so pool '${containing[0].originPool}' selects it, or change that pool's serviceSelector.`,
    };
  }
  const holders = selecting.alloc.get(ip.value) ?? [];
  const why = holders.map((h) => h.incompatibility(sv)).find((r) => r !== undefined);
  const holder = holderText(core, ip);
  if (sv.sharingKey === '' || holders.length === 0) {
    const shareHint = holders.some((h) => h.sharingKey !== '')
      ? ` To share it, give this Service the sharing key '${holders[0].sharingKey}' and distinct ports.`
      : '';
    return { cause: `${holder}.`, fix: `Request a free address instead.${shareHint}` };
  }
  return { cause: `${holder}, and they cannot share it: ${why ?? 'incompatible'}.`, fix: sharingFix(why) };
}

function sharingFix(why: string | undefined): string {
  switch (why) {
    case 'different sharing key':
      return 'Use the same lbipam.cilium.io/sharing-key on both Services.';
    case 'different and not permitted namespace':
      return 'Set lbipam.cilium.io/sharing-cross-namespace on BOTH Services, each naming the other\'s namespace (or "*").';
    case 'same port and protocol':
      return 'Use a different port (or protocol) on one of the Services, or request another address.';
    case 'different ExternalTrafficPolicy':
      return 'Give both Services the same externalTrafficPolicy.';
    default:
      return 'With externalTrafficPolicy: Local both Services need the same non-empty pod selector; use Cluster or align the selectors.';
  }
}

function notHandledFix(type: string | undefined): string {
  if (type !== 'LoadBalancer') return 'Set spec.type: LoadBalancer if it should get an address from a pool.';
  return 'Remove spec.loadBalancerClass (it cannot be changed in place: recreate the Service), or enable the operator feature that owns that class.';
}

export const parseIp = parseAddr;
