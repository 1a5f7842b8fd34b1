// Service-side handlers, ported from Cilium's operator/pkg/lbipam/lbipam.go (S1): upsert/delete,
// stripping and importing ingress IPs, and satisfying specific and generic requests.
import type { LoadBalancerIngress, Service } from '../cilium/objects';
import { readServiceRequest } from '../cilium/service';
import { addrEquals, formatAddr, parseAddrZoned, type IpAddr } from '../net';
import { cloneStatus, SVC_CONDITION, type Core } from './core';
import { satisfyFamily } from './allocate';
import { NO_CANDIDATES, NO_STATUS, ServiceView, type AllocatedIP, type LbRange } from './model';
import { updatePoolCountsLazily } from './pool-counts';

const ingressHas = (sv: ServiceView, ip: IpAddr): boolean =>
  sv.ingressAddrs().some((a) => a !== null && addrEquals(a, ip));

/** key: the Service's `<namespace>/<name>`, passed in so maps hash one string per event. */
export function viewFromService(core: Core, svc: Service, key: string): ServiceView {
  const req = readServiceRequest(svc, core.readerOpts);
  const sv = core.services.get(key) ?? new ServiceView(key, req.namespace, req.name);
  sv.generation = svc.metadata.generation ?? 0;
  sv.labels = req.labels;
  sv.candidates = NO_CANDIDATES; // the labels may select other pools now
  sv.families = req.families;
  sv.requestedIPs = req.requestedIPs;
  sv.sharingKey = req.sharingKey;
  sv.sharingCrossNamespace = req.sharingCrossNamespace;
  sv.externalTrafficPolicy = req.externalTrafficPolicy;
  sv.ports = req.ports;
  sv.selector = req.selector;
  // The status the informer would show: what we last wrote, else what the object carries.
  const written = core.written.get(key);
  if (written) {
    sv.status = written; // never edited, only replaced: no copy needed
  } else {
    // A status from outside (the informer's object) is deep-copied once; a new Service has none.
    const incoming = svc.status ?? {};
    const lb = incoming.loadBalancer ?? {};
    const empty =
      !(lb.ingress && lb.ingress.length > 0) && !(incoming.conditions && incoming.conditions.length > 0);
    sv.status = empty ? NO_STATUS : cloneStatus({ loadBalancer: lb, conditions: incoming.conditions });
    // From now on the object's status is LB-IPAM's business, even if it never needs a patch.
    core.written.set(key, sv.status);
  }
  return sv;
}

/** Removes sv from the holders of one allocation, freeing it when nobody is left. */
function release(core: Core, sv: ServiceView, alloc: AllocatedIP): void {
  const holders = alloc.origin.alloc.get(alloc.ip.value) ?? [];
  const rest = holders.filter((h) => h !== sv);
  if (rest.length === 0) {
    alloc.origin.alloc.free(alloc.ip.value);
    core.ranges.deleteSharingIP(sv.sharingKey, alloc);
  } else {
    alloc.origin.alloc.update(alloc.ip.value, rest);
  }
}

function sharingGroupsCompatible(sv: ServiceView): boolean {
  for (const a of sv.allocated) {
    const holders = a.origin.alloc.get(a.ip.value) ?? [];
    if (holders.length === 1) continue;
    for (const h of holders) if (h !== sv && h.incompatibility(sv) !== undefined) return false;
  }
  return true;
}

export function stripInvalidAllocations(core: Core, sv: ServiceView): void {
  for (let i = sv.allocated.length - 1; i >= 0; i--) {
    const alloc = sv.allocated[i];
    const drop = (): void => {
      release(core, sv, alloc);
      sv.allocated.splice(i, 1);
    };
    const pool = core.pools.get(alloc.origin.originPool);
    if (!pool) {
      drop();
      continue;
    }
    if (!core.poolSelects(pool, sv)) {
      drop();
      continue;
    }
    if (!sharingGroupsCompatible(sv)) {
      drop();
      continue;
    }
    if (sv.requestedIPs.length > 0) {
      if (!sv.requestedIPs.some((r) => addrEquals(r, alloc.ip))) drop();
    } else if (alloc.ip.family === 6 ? !sv.families.ipv6 : !sv.families.ipv4) {
      drop();
    }
  }
}

export function findRangeOfIP(
  core: Core,
  sv: ServiceView,
  ip: IpAddr,
): { range?: LbRange; foundPool: boolean } {
  let foundPool = false;
  for (const r of core.ranges.ranges) {
    if (r.disabled()) continue;
    const { family, from, to } = r.alloc.range;
    if (ip.family !== family || ip.value < from || ip.value > to) continue;
    // netip.Addr.Compare sorts fe80::5%eth0 just after fe80::5, so a zoned address equal to a
    // range's last address is past the range (equal to its first, it is inside).
    // Inside, Cilium grants the zoned address, but a real API server refuses that status
    // (ValidateLoadBalancerStatus: net.ParseIP, "must be a valid IP address"); see the tests.
    if (ip.zone !== undefined && ip.value === to) continue;
    const pool = core.pools.get(r.originPool);
    if (!pool) continue;
    foundPool = true;
    if (!core.poolSelects(pool, sv)) continue;
    return { range: r, foundPool: false };
  }
  return { foundPool };
}

/** stripOrImportIngresses: keep ingress IPs we allocated, import valid foreign ones, drop the rest. */
export function stripOrImportIngresses(core: Core, sv: ServiceView): boolean {
  const before = sv.status.loadBalancer.ingress ?? [];
  if (before.length === 0) return false; // nothing to keep, import or drop
  const kept: LoadBalancerIngress[] = [];
  for (const ingress of before) {
    if (!ingress.ip) continue;
    const ip = parseAddrZoned(ingress.ip); // netip.ParseAddr: a zone parses
    if (!ip) continue;
    if (!sv.allocated.some((a) => addrEquals(a.ip, ip))) {
      if (sv.requestedIPs.length > 0 && !sv.requestedIPs.some((r) => addrEquals(r, ip))) continue;
      if (ip.family === 6 ? !sv.families.ipv6 : !sv.families.ipv4) continue;
      const { range } = findRangeOfIP(core, sv, ip);
      if (!range) continue;
      if (range.alloc.has(ip.value)) continue; // held by someone else: regular allocation decides
      range.alloc.alloc(ip.value, [sv]);
      const a: AllocatedIP = { ip, origin: range };
      sv.allocated.push(a);
      if (sv.sharingKey !== '') core.ranges.addSharingIP(sv.sharingKey, a);
    }
    kept.push(ingress);
  }
  const compact = kept.filter((x, i) => i === 0 || x.ip !== kept[i - 1].ip);
  // compact is a subsequence of before: the same length means the same entries, so the status
  // (and the parsed form memoised on its array) stays as it is.
  if (before.length === compact.length) return false;
  sv.setIngress(compact.length > 0 ? compact : undefined);
  return true;
}

export function handleDeletedService(core: Core, key: string): void {
  const sv = core.services.get(key);
  if (!sv) return;
  for (const a of sv.allocated) {
    const holders = a.origin.alloc.get(a.ip.value);
    if (holders === undefined) continue;
    const rest = (holders ?? []).filter((h) => h !== sv);
    if (rest.length > 0) a.origin.alloc.update(a.ip.value, rest);
    else {
      a.origin.alloc.free(a.ip.value);
      if (sv.sharingKey !== '') core.ranges.deleteSharingIP(sv.sharingKey, a);
    }
  }
  core.services.delete(key);
}

export function satisfyServices(core: Core): void {
  if (core.services.unsatisfied.size === 0) return;
  for (const sv of [...core.services.unsatisfied.values()]) {
    if (satisfyService(core, sv)) core.patchSvc(sv);
    core.services.upsert(sv);
  }
}

export function satisfyAndUpdateCounts(core: Core): void {
  satisfyServices(core);
  updatePoolCountsLazily(core);
}

export function satisfyService(core: Core, sv: ServiceView): boolean {
  let modified = sv.requestedIPs.length > 0 ? satisfySpecific(core, sv) : satisfyGeneric(core, sv);
  for (const a of sv.allocated) {
    if (ingressHas(sv, a.ip)) continue;
    sv.appendIngress(a.ip, formatAddr(a.ip));
    modified = true;
    if (sv.sharingKey !== '') core.ranges.addSharingIP(sv.sharingKey, a);
  }
  if (sv.isSatisfied() && core.setSvcCondition(sv, true, 'satisfied', '')) modified = true;
  core.services.upsert(sv);
  return modified;
}

function satisfySpecific(core: Core, sv: ServiceView): boolean {
  let modified = false;
  const fail = (reason: string, message: string): void => {
    if (core.setSvcCondition(sv, false, reason, message)) modified = true;
  };
  for (const req of sv.requestedIPs) {
    if (sv.allocated.some((a) => addrEquals(a.ip, req))) continue;
    const text = formatAddr(req);
    const { range, foundPool } = findRangeOfIP(core, sv, req);
    if (!range) {
      if (foundPool)
        fail(
          'pool_selector_mismatch',
          `The pool with the CIDR containing '${text}', doesn't select this service`,
        );
      else fail('no_pool', `No pool exists with a CIDR containing '${text}'`);
      continue;
    }
    if (range.alloc.has(req.value)) {
      const holders = range.alloc.get(req.value);
      // Behaviour change vs S1 (reference E.17 granted it): Cilium #48804 (issue 48779) refuses a reserved (nil-holder) IP even with a sharing key.
      if (sv.sharingKey === '' || holders === null || holders === undefined) {
        fail('already_allocated', `The IP '${text}' is already allocated to another service`);
        continue;
      }
      const why = holders.map((h) => h.incompatibility(sv)).find((r) => r !== undefined);
      if (why !== undefined) {
        fail(
          'already_allocated_incompatible_service',
          `The IP '${text}' is already allocated to an incompatible service. Reason: ${why}`,
        );
        continue;
      }
      range.alloc.update(req.value, [...holders, sv]);
    } else {
      range.alloc.alloc(req.value, [sv]);
    }
    sv.allocated.push({ ip: req, origin: range });
  }
  return modified;
}

function satisfyGeneric(core: Core, sv: ServiceView): boolean {
  const has4 = sv.allocated.some((a) => a.ip.family === 4);
  const has6 = sv.allocated.some((a) => a.ip.family === 6);
  let modified = false;
  // As in Cilium, the IPv6 attempt's result overwrites the IPv4 one's "modified" flag.
  if (sv.families.ipv4 && !has4) modified = satisfyFamily(core, sv, 4);
  if (sv.families.ipv6 && !has6) modified = satisfyFamily(core, sv, 6);
  return modified;
}

/** handleUpsertService (init: load only, as during the controller's initial sync). */
export function handleUpsertService(
  core: Core,
  svc: Service,
  init: boolean,
  key = `${svc.metadata.namespace ?? 'default'}/${svc.metadata.name}`,
): void {
  if (!core.isResponsible(svc)) {
    const sv = core.services.get(key);
    if (!sv) return;
    handleDeletedService(core, key);
    if (!init) satisfyAndUpdateCounts(core);
    // Leaving LB-IPAM's responsibility: ingress cleared and our condition removed.
    sv.setIngress(undefined);
    sv.setConditions(sv.status.conditions?.filter((c) => c.type !== SVC_CONDITION));
    core.patchSvc(sv);
    return;
  }
  const sv = viewFromService(core, svc, key);
  if (init) {
    core.services.upsert(sv);
    return;
  }
  stripInvalidAllocations(core, sv);
  let modified = stripOrImportIngresses(core, sv);
  if (!sv.isSatisfied() && satisfyService(core, sv)) modified = true;
  if (modified) core.patchSvc(sv);
  core.services.upsert(sv);
}
