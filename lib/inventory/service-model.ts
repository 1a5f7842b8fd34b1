import { ANNOTATION, getAnnotation, requestedIPs, serviceSatisfiedCondition } from '../cilium';
import type { Service } from '../cilium/objects';
import { canonicalAddr, formatAddr } from '../net';
import { announcerOf, serviceLease, type LeaseIndex, type LeaseState } from './announcer';
import { owningGatewayRef, serviceColumns, type GatewayIndex, type ServiceColumns } from './columns';
import type { ObjectRef, ServiceView } from './types';
import { refText } from './view/format';

export { refText };

// One Service as the inventory sees it. Its addresses come from status.loadBalancer.ingress, what
// Cilium actually wrote, never from re-running the allocator.

export interface ServiceModel {
  svc: Service;
  key: string;
  ref: ObjectRef;
  columns: ServiceColumns;
  /** Its L2 announcement lease, judged once per build (the announcer column and lease alerts read it). */
  lease: LeaseState;
  view: ServiceView;
}

export const serviceRef = (svc: Service): ObjectRef => ({
  kind: 'Service',
  namespace: svc.metadata.namespace ?? 'default',
  name: svc.metadata.name,
});

/** Ingress IPs in Cilium's canonical form, in status order, without duplicates. */
export function ingressIps(svc: Service): string[] {
  const out: string[] = [];
  for (const ing of svc.status?.loadBalancer?.ingress ?? []) {
    if (typeof ing?.ip !== 'string' || !ing.ip) continue;
    // Only IPv6 text can differ from its canonical form (IPv4 parsing is strict dotted-quad, so a
    // valid IPv4 string is canonical, and an invalid one is kept as written either way).
    const ip = ing.ip.includes(':') ? canonicalAddr(ing.ip) : ing.ip.trim();
    if (!out.includes(ip)) out.push(ip);
  }
  return out;
}

/** Services the inventory lists: LoadBalancer ones, and any other that holds or once held an LB address. */
export function isListed(svc: Service): boolean {
  return (
    svc.spec?.type === 'LoadBalancer' ||
    (svc.status?.loadBalancer?.ingress ?? []).some((i) => i?.ip) ||
    serviceSatisfiedCondition(svc.status?.conditions) !== undefined
  );
}

export function serviceModel(
  svc: Service,
  gateways: GatewayIndex,
  leases: LeaseIndex,
  now: number,
): ServiceModel {
  const ref = serviceRef(svc);
  const namespace = ref.namespace ?? 'default';
  const columns = serviceColumns(svc, gateways);
  const cond = serviceSatisfiedCondition(svc.status?.conditions);
  const satisfied = cond ? (cond.status === 'True' ? true : cond.status === 'False' ? false : null) : null;
  const lease = serviceLease(leases, namespace, svc.metadata.name, now);
  return {
    svc,
    key: `${namespace}/${svc.metadata.name}`,
    ref,
    columns,
    lease,
    view: {
      key: `${namespace}/${svc.metadata.name}`,
      namespace,
      name: svc.metadata.name,
      displayName: columns.service,
      displayNamespace: columns.namespace,
      type: columns.type,
      notes: columns.notes,
      gateway: columns.gateway,
      ips: ingressIps(svc),
      requestedIps: requestedIPs(svc).ips.map(formatAddr),
      satisfied,
      reason: cond?.reason || null,
      message: cond?.message || null,
      announcer: announcerOf(lease),
      sharingKey:
        getAnnotation(svc.metadata.annotations, ANNOTATION.sharingKey, ANNOTATION.sharingKeyAlias).value ||
        null,
      // No object spread: it is the costliest line of a 10,000-Service build.
      ports: (svc.spec?.ports ?? []).map((p) =>
        p.name
          ? { name: p.name, port: Number(p.port), protocol: p.protocol || 'TCP' }
          : { port: Number(p.port), protocol: p.protocol || 'TCP' },
      ),
    },
  };
}

/**
 * serviceModel is pure, and on a large cluster most Services are the very same objects from one
 * build to the next (lib/kube keeps an object until the API server changes it): remember each
 * Service's model with the inputs it was made from, so a build costs what changed, and unchanged
 * Services keep identical views (the diff then compares them by identity).
 */
interface Memo {
  gateway: unknown;
  lease: unknown;
  leaseKind: LeaseState['kind'];
  model: ServiceModel;
}
const memo = new WeakMap<Service, Memo>();

export function memoServiceModel(
  svc: Service,
  gateways: GatewayIndex,
  leases: LeaseIndex,
  now: number,
): ServiceModel {
  const ref = owningGatewayRef(svc);
  const gateway = ref ? gateways.get(`${ref.namespace}/${ref.name}`) : undefined;
  const namespace = svc.metadata.namespace ?? 'default';
  const state = serviceLease(leases, namespace, svc.metadata.name, now);
  const lease = state.kind === 'none' ? undefined : state.lease;
  const hit = memo.get(svc);
  if (hit && hit.gateway === gateway && hit.lease === lease && hit.leaseKind === state.kind) return hit.model;
  const model = serviceModel(svc, gateways, leases, now);
  memo.set(svc, { gateway, lease, leaseKind: state.kind, model });
  return model;
}

/** An object the inventory could not read (malformed input); it is left out and reported. */
export interface ReadError {
  ref: ObjectRef;
  error: string;
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Services sorted by namespace then name (the order of ServiceView[] and of holders). */
export function serviceModels(
  services: Service[],
  gateways: GatewayIndex,
  leases: LeaseIndex,
  now: number,
  errors: ReadError[] = [],
): ServiceModel[] {
  const out: ServiceModel[] = [];
  const keys = new Set<string>();
  for (const s of services) {
    if (typeof s?.metadata?.name !== 'string') continue;
    // The same Service twice (a stale copy) would repeat keys; the first one wins.
    const key = `${s.metadata.namespace ?? 'default'}/${s.metadata.name}`;
    if (keys.has(key)) continue;
    keys.add(key);
    try {
      if (isListed(s)) out.push(memoServiceModel(s, gateways, leases, now));
    } catch (err) {
      errors.push({ ref: serviceRef(s), error: errorText(err) });
    }
  }
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Who holds each address (several Services when they share it), in service order. */
export function holdersByIp(services: ServiceModel[]): Map<string, ServiceModel[]> {
  const m = new Map<string, ServiceModel[]>();
  for (const s of services) {
    for (const ip of s.view.ips) {
      const list = m.get(ip);
      if (list) list.push(s);
      else m.set(ip, [s]);
    }
  }
  return m;
}

/** Pending Services waiting for an address they requested and do not hold. */
export function waitersByIp(services: ServiceModel[]): Map<string, ServiceModel[]> {
  const m = new Map<string, ServiceModel[]>();
  for (const s of services) {
    if (s.view.satisfied !== false) continue;
    for (const ip of s.view.requestedIps) {
      if (s.view.ips.includes(ip)) continue;
      const list = m.get(ip);
      // Listed twice (Cilium collapses only adjacent repeats): still one waiter.
      if (list) {
        if (list[list.length - 1] !== s) list.push(s);
      } else m.set(ip, [s]);
    }
  }
  return m;
}
