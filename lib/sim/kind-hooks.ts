// Kind-specific defaulting and validation, named from the KINDS table. Services get what the
// real API server gives them (type, protocol, targetPort, clusterIP, nodePorts, policies) so
// client-side `kubectl apply` sees the same live object shape as against a real cluster.
import { Allocator, inServiceCidr, NODE_PORT_MAX, NODE_PORT_MIN, SERVICE_CIDR } from './allocator';
import type { StatusCause } from './errors';
import type { KindDef } from './kinds';

type Draft = Record<string, unknown>;

export interface HookContext {
  old?: Draft;
  alloc: Allocator;
}

const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const PROTOCOLS = ['TCP', 'UDP', 'SCTP'];

function asObject(v: unknown): Draft {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Draft) : {};
}

/** Fills defaults into `draft` (a mutable copy) and returns the validation causes. */
export function applyKindHooks(def: KindDef, draft: Draft, ctx: HookContext): StatusCause[] {
  if (def.specDefaults) {
    const spec = { ...asObject(draft.spec) };
    for (const [k, v] of Object.entries(def.specDefaults))
      if (spec[k] === undefined || spec[k] === null) spec[k] = v;
    draft.spec = spec;
  }
  if (def.hooks === 'namespace') {
    const status = asObject(draft.status);
    draft.status = { ...status, phase: status.phase ?? 'Active' };
    return [];
  }
  if (def.hooks === 'service') return serviceHooks(draft, ctx);
  return [];
}

function serviceHooks(draft: Draft, ctx: HookContext): StatusCause[] {
  const causes: StatusCause[] = [];
  const spec = { ...asObject(draft.spec) };
  draft.spec = spec;
  const oldSpec = asObject(ctx.old?.spec);
  const type = spec.type ?? 'ClusterIP';
  spec.type = type;
  if (typeof type !== 'string' || !SERVICE_TYPES.includes(type)) {
    causes.push({
      reason: 'FieldValueNotSupported',
      field: 'spec.type',
      message: `Unsupported value: ${JSON.stringify(type)}: supported values: ${SERVICE_TYPES.map((t) => `"${t}"`).join(', ')}`,
    });
    return causes;
  }
  if (type === 'ExternalName') {
    if (typeof spec.externalName !== 'string' || spec.externalName === '') {
      causes.push({ reason: 'FieldValueRequired', field: 'spec.externalName', message: 'Required value' });
    }
  }
  // Like upstream, a LoadBalancer with allocateLoadBalancerNodePorts=false gets no node ports
  // (large seeds need this: the range only holds 2,768 ports).
  const wantsNodePorts =
    type === 'NodePort' || (type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== false);
  const ports = Array.isArray(spec.ports) ? spec.ports : [];
  if (ports.length === 0 && type !== 'ExternalName' && spec.clusterIP !== 'None') {
    causes.push({ reason: 'FieldValueRequired', field: 'spec.ports', message: 'Required value' });
  }
  const oldPorts = Array.isArray(oldSpec.ports) ? (oldSpec.ports as Draft[]) : [];
  const taken = new Set<number>();
  const oldNodePorts = new Set(
    oldPorts.map((p) => p.nodePort).filter((n): n is number => typeof n === 'number'),
  );
  const requested = new Set(
    ports.map((p) => asObject(p).nodePort).filter((n): n is number => typeof n === 'number' && n !== 0),
  );
  spec.ports = ports.map((raw, i) => {
    const p: Draft = { ...asObject(raw) };
    const f = `spec.ports[${i}]`;
    if (!Number.isInteger(p.port) || (p.port as number) < 1 || (p.port as number) > 65535) {
      causes.push({
        reason: 'FieldValueInvalid',
        field: `${f}.port`,
        message: `Invalid value: ${JSON.stringify(p.port ?? null)}: must be between 1 and 65535, inclusive`,
      });
    }
    p.protocol = p.protocol ?? 'TCP';
    if (!PROTOCOLS.includes(p.protocol as string)) {
      causes.push({
        reason: 'FieldValueNotSupported',
        field: `${f}.protocol`,
        message: `Unsupported value: ${JSON.stringify(p.protocol)}: supported values: "SCTP", "TCP", "UDP"`,
      });
    }
    // Upstream defaults an unset, 0 or "" targetPort to the port.
    if (p.targetPort === undefined || p.targetPort === null || p.targetPort === 0 || p.targetPort === '')
      p.targetPort = p.port;
    if (!wantsNodePorts) {
      if (type !== 'LoadBalancer') delete p.nodePort;
      return p;
    }
    if (p.nodePort === undefined || p.nodePort === 0) {
      const carried = carriedNodePort(p, oldPorts, requested, taken);
      const next = carried ?? ctx.alloc.nextPort(taken);
      if (next === undefined) {
        causes.push({
          reason: 'InternalError',
          field: `${f}.nodePort`,
          message: `Internal error: failed to allocate a nodePort: range ${NODE_PORT_MIN}-${NODE_PORT_MAX} is full`,
        });
      } else {
        p.nodePort = next;
      }
    } else if (
      !Number.isInteger(p.nodePort) ||
      (p.nodePort as number) < NODE_PORT_MIN ||
      (p.nodePort as number) > NODE_PORT_MAX
    ) {
      causes.push({
        reason: 'FieldValueInvalid',
        field: `${f}.nodePort`,
        message: `Invalid value: ${JSON.stringify(p.nodePort)}: provided port is not in the valid range. The range of valid ports is ${NODE_PORT_MIN}-${NODE_PORT_MAX}`,
      });
    } else if (
      (ctx.alloc.portInUse(p.nodePort as number) && !oldNodePorts.has(p.nodePort as number)) ||
      taken.has(p.nodePort as number)
    ) {
      causes.push({
        reason: 'FieldValueInvalid',
        field: `${f}.nodePort`,
        message: `Invalid value: ${p.nodePort}: provided port is already allocated`,
      });
    }
    if (typeof p.nodePort === 'number') taken.add(p.nodePort);
    return p;
  });
  if (type === 'ExternalName') {
    delete spec.clusterIP;
    delete spec.clusterIPs;
  } else {
    causes.push(...assignClusterIP(spec, oldSpec, ctx));
  }
  spec.sessionAffinity = spec.sessionAffinity ?? 'None';
  if (type !== 'ExternalName') {
    spec.ipFamilies = spec.ipFamilies ?? ['IPv4'];
    spec.ipFamilyPolicy = spec.ipFamilyPolicy ?? 'SingleStack';
    spec.internalTrafficPolicy = spec.internalTrafficPolicy ?? 'Cluster';
  }
  if (wantsNodePorts) spec.externalTrafficPolicy = spec.externalTrafficPolicy ?? 'Cluster';
  if (type === 'LoadBalancer')
    spec.allocateLoadBalancerNodePorts = spec.allocateLoadBalancerNodePorts ?? true;
  draft.status = draft.status ?? { loadBalancer: {} };
  return causes;
}

/**
 * The node port an update without one keeps: upstream (patchAllocatedValues) carries the old
 * port's nodePort by port *name*, so `kubectl apply` changing 3000→3001 on port "http" keeps its
 * node port; we also match port+protocol. Never one another port asked for or already took.
 */
function carriedNodePort(
  p: Draft,
  oldPorts: Draft[],
  requested: Set<number>,
  taken: Set<number>,
): number | undefined {
  const byName = oldPorts.find((o) => (o.name ?? '') === (p.name ?? ''));
  const byPort = oldPorts.find((o) => o.port === p.port && (o.protocol ?? 'TCP') === p.protocol);
  for (const cand of [byName?.nodePort, byPort?.nodePort]) {
    if (typeof cand === 'number' && !requested.has(cand) && !taken.has(cand)) return cand;
  }
  return undefined;
}

function assignClusterIP(spec: Draft, oldSpec: Draft, ctx: HookContext): StatusCause[] {
  const old =
    typeof oldSpec.clusterIP === 'string' && oldSpec.clusterIP !== '' ? oldSpec.clusterIP : undefined;
  const asked = typeof spec.clusterIP === 'string' && spec.clusterIP !== '' ? spec.clusterIP : undefined;
  if (old && asked && asked !== old) {
    return [
      {
        reason: 'FieldValueInvalid',
        field: 'spec.clusterIPs[0]',
        message: `Invalid value: ${JSON.stringify([asked])}: may not change once set`,
      },
    ];
  }
  let ip = asked ?? old;
  if (!ip) ip = ctx.alloc.nextIP();
  if (!ip)
    return [
      {
        reason: 'InternalError',
        field: 'spec.clusterIPs',
        message: `Internal error: failed to allocate a serviceIP: range ${SERVICE_CIDR} is full`,
      },
    ];
  else if (ip !== 'None' && ip !== old) {
    if (!inServiceCidr(ip)) {
      return [
        {
          reason: 'FieldValueInvalid',
          field: 'spec.clusterIPs',
          message: `Invalid value: ${JSON.stringify([ip])}: failed to allocate IP ${ip}: the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${SERVICE_CIDR}`,
        },
      ];
    }
    if (ctx.alloc.ipInUse(ip)) {
      return [
        {
          reason: 'FieldValueInvalid',
          field: 'spec.clusterIPs',
          message: `Invalid value: ${JSON.stringify([ip])}: failed to allocate IP ${ip}: provided IP is already allocated`,
        },
      ];
    }
  }
  spec.clusterIP = ip;
  spec.clusterIPs = [ip];
  return [];
}

/** What a committed Service holds, for the allocator. */
export function serviceAllocations(obj: Draft | undefined): { ips: string[]; ports: number[] } {
  const spec = asObject(obj?.spec);
  const ip = spec.clusterIP;
  const ports = (Array.isArray(spec.ports) ? (spec.ports as Draft[]) : [])
    .map((p) => p.nodePort)
    .filter((n): n is number => typeof n === 'number');
  return { ips: typeof ip === 'string' && ip !== 'None' && ip !== '' ? [ip] : [], ports };
}
