import 'server-only';
import { SLICE_SERVICE_LABEL } from '../cilium/l2-eligibility';
import type {
  CiliumL2AnnouncementPolicy,
  CiliumLoadBalancerIPPool,
  Deployment,
  EndpointSlice,
  Gateway,
  HTTPRoute,
  KubeEvent,
  KubeNode,
  KubeObject,
  Lease,
  ObjectMeta,
  Service,
} from '../cilium/objects';

// Trimming keeps only what lib/cilium/objects.ts describes. managedFields and the last-applied
// annotation are often most of an object's bytes, and raw objects must never reach the browser.

type Loose = Record<string, unknown>;
const isRecord = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);
const lastApplied = 'kubectl.kubernetes.io/last-applied-configuration';

/** Copies only the listed keys that are present (undefined stays absent, so JSON stays small). */
function pick(source: unknown, keys: readonly string[]): Loose {
  const out: Loose = {};
  if (!isRecord(source)) return out;
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  return out;
}

const metaKeys = [
  'name',
  'namespace',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'labels',
  'annotations',
  'ownerReferences',
] as const;

export function trimMeta(meta: unknown): ObjectMeta {
  const out = pick(meta, metaKeys) as unknown as ObjectMeta;
  if (out.annotations && lastApplied in out.annotations) {
    const { [lastApplied]: _dropped, ...rest } = out.annotations;
    out.annotations = Object.keys(rest).length > 0 ? rest : undefined;
    if (!out.annotations) delete out.annotations;
  }
  if (typeof out.name !== 'string') out.name = '';
  return out;
}

function base(raw: unknown): KubeObject & Loose {
  const r = isRecord(raw) ? raw : {};
  return { ...pick(r, ['apiVersion', 'kind']), metadata: trimMeta(r.metadata) };
}

function part(raw: unknown, key: string, keys: readonly string[]): Loose | undefined {
  return isRecord(raw) && isRecord(raw[key]) ? pick(raw[key], keys) : undefined;
}

function withParts<T>(raw: unknown, parts: Record<string, readonly string[]>): T {
  const out: Loose = base(raw);
  for (const [key, keys] of Object.entries(parts)) {
    const value = part(raw, key, keys);
    if (value) out[key] = value;
  }
  return out as T;
}

export function trimPool(raw: unknown): CiliumLoadBalancerIPPool {
  const pool = withParts<CiliumLoadBalancerIPPool>(raw, {
    spec: ['blocks', 'cidrs', 'allowFirstLastIPs', 'serviceSelector', 'disabled'],
    status: ['conditions'],
  });
  pool.spec ??= {};
  return pool;
}

export function trimL2Policy(raw: unknown): CiliumL2AnnouncementPolicy {
  const policy = withParts<CiliumL2AnnouncementPolicy>(raw, {
    spec: ['nodeSelector', 'serviceSelector', 'loadBalancerIPs', 'externalIPs', 'interfaces'],
    status: ['conditions'],
  });
  policy.spec ??= {};
  return policy;
}

export function trimService(raw: unknown): Service {
  const svc = withParts<Service>(raw, {
    spec: [
      'type',
      'ports',
      'selector',
      'clusterIP',
      'loadBalancerIP',
      'loadBalancerClass',
      'ipFamilies',
      'ipFamilyPolicy',
      'externalTrafficPolicy',
      'externalIPs',
    ],
    status: ['loadBalancer', 'conditions'],
  });
  svc.spec ??= {};
  return svc;
}

export function trimGateway(raw: unknown): Gateway {
  const gw = withParts<Gateway>(raw, {
    spec: ['gatewayClassName', 'infrastructure', 'listeners', 'addresses'],
    status: ['addresses', 'conditions'],
  });
  gw.spec ??= { gatewayClassName: '' };
  if (gw.spec.listeners) {
    gw.spec.listeners = gw.spec.listeners.map((l) =>
      pick(l, ['name', 'protocol', 'port', 'hostname']),
    ) as unknown as typeof gw.spec.listeners;
  }
  return gw;
}

export function trimLease(raw: unknown): Lease {
  const lease = withParts<Lease>(raw, {
    spec: ['holderIdentity', 'leaseDurationSeconds', 'acquireTime', 'renewTime', 'leaseTransitions'],
  });
  lease.spec ??= {};
  return lease;
}

export function trimNode(raw: unknown): KubeNode {
  return withParts<KubeNode>(raw, {
    spec: ['unschedulable', 'podCIDR'],
    status: ['conditions', 'addresses', 'nodeInfo'],
  });
}

export function trimEvent(raw: unknown): KubeEvent {
  const ev: Loose = base(raw);
  const r = isRecord(raw) ? raw : {};
  Object.assign(
    ev,
    pick(r, ['reason', 'message', 'type', 'count', 'firstTimestamp', 'lastTimestamp', 'eventTime']),
  );
  ev.involvedObject = pick(r.involvedObject, ['kind', 'namespace', 'name', 'uid', 'apiVersion']);
  const source = pick(r.source, ['component', 'host']);
  if (Object.keys(source).length > 0) ev.source = source;
  return ev as unknown as KubeEvent;
}

/**
 * Only what says which nodes back the Service: its name label and each endpoint's node and
 * readiness. A cluster has a slice per Service (and more), so addresses, ports, hints and most
 * metadata are dropped — a Pod IP changing is then no change at all.
 */
export function trimEndpointSlice(raw: unknown): EndpointSlice {
  const r = isRecord(raw) ? raw : {};
  const meta = trimMeta(r.metadata);
  const service = meta.labels?.[SLICE_SERVICE_LABEL];
  const out: EndpointSlice = {
    metadata: {
      name: meta.name,
      ...(meta.namespace !== undefined && { namespace: meta.namespace }),
      ...(meta.resourceVersion !== undefined && { resourceVersion: meta.resourceVersion }),
      ...(service !== undefined && { labels: { [SLICE_SERVICE_LABEL]: service } }),
    },
  };
  if (Array.isArray(r.endpoints)) {
    out.endpoints = r.endpoints.map((e) => {
      const ep: NonNullable<EndpointSlice['endpoints']>[number] = {};
      if (isRecord(e) && typeof e.nodeName === 'string') ep.nodeName = e.nodeName;
      const ready = isRecord(e) && isRecord(e.conditions) ? e.conditions.ready : undefined;
      if (typeof ready === 'boolean') ep.conditions = { ready };
      return ep;
    });
  }
  return out;
}

/** Equal but for resourceVersion: nothing the inventory reads changed (e.g. a Pod IP moved). */
export function sameEndpoints(a: EndpointSlice, b: EndpointSlice): boolean {
  return (
    JSON.stringify(a.endpoints ?? []) === JSON.stringify(b.endpoints ?? []) &&
    a.metadata.labels?.[SLICE_SERVICE_LABEL] === b.metadata.labels?.[SLICE_SERVICE_LABEL]
  );
}

export function trimHttpRoute(raw: unknown): HTTPRoute {
  const route = withParts<HTTPRoute>(raw, { spec: ['hostnames', 'parentRefs'], status: ['parents'] });
  route.spec ??= {};
  return route;
}

/** The containers' images only (the operator's tag is the Cilium version). */
export function trimDeployment(raw: unknown): Deployment {
  const d: Deployment = base(raw) as Deployment;
  const r = isRecord(raw) ? raw : {};
  const spec = isRecord(r.spec) && isRecord(r.spec.template) ? r.spec.template.spec : undefined;
  const containers = isRecord(spec) && Array.isArray(spec.containers) ? spec.containers : [];
  d.spec = {
    template: {
      spec: {
        containers: containers.map((c) => pick(c, ['name', 'image']) as { name?: string; image?: string }),
      },
    },
  };
  return d;
}
