// Computed table cells for the built-in kinds whose kubectl columns are code upstream
// (pkg/printers/internalversion): Service PORT(S)/EXTERNAL-IP, Node STATUS/ROLES, Event OBJECT.
import type { SimObject } from './types';

type Obj = Record<string, unknown>;

function o(v: unknown): Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {};
}
function arr(v: unknown): Obj[] {
  return Array.isArray(v) ? (v as Obj[]) : [];
}

function serviceExternalIP(svc: SimObject): string {
  const spec = o(svc.spec);
  const external = (Array.isArray(spec.externalIPs) ? spec.externalIPs : []).map(String);
  switch (spec.type) {
    case 'ClusterIP':
    case 'NodePort':
      return external.length > 0 ? external.join(',') : '<none>';
    case 'ExternalName':
      return String(spec.externalName ?? '');
    case 'LoadBalancer': {
      const ingress = arr(o(o(svc.status).loadBalancer).ingress).map((i) => String(i.ip ?? i.hostname ?? ''));
      const all = [...ingress, ...external].filter((s) => s !== '');
      return all.length > 0 ? all.join(',') : '<pending>';
    }
    default:
      return '<unknown>';
  }
}

function servicePorts(svc: SimObject): string {
  const ports = arr(o(svc.spec).ports);
  if (ports.length === 0) return '<none>';
  return ports.map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`).join(',');
}

function nodeStatus(node: SimObject): string {
  const ready = arr(o(node.status).conditions).find((c) => c.type === 'Ready');
  const parts = [ready?.status === 'True' ? 'Ready' : ready ? 'NotReady' : 'Unknown'];
  if (o(node.spec).unschedulable === true) parts.push('SchedulingDisabled');
  return parts.join(',');
}

function nodeRoles(node: SimObject): string {
  const roles = Object.keys(node.metadata.labels ?? {})
    .filter((k) => k.startsWith('node-role.kubernetes.io/'))
    .map((k) => k.slice('node-role.kubernetes.io/'.length))
    .filter((r) => r !== '');
  return roles.length > 0 ? roles.sort().join(',') : '<none>';
}

function nodeAddress(node: SimObject, type: string): string {
  return String(arr(o(node.status).addresses).find((a) => a.type === type)?.address ?? '<none>');
}

/** OS-IMAGE, KERNEL-VERSION, CONTAINER-RUNTIME print `<unknown>` when the kubelet did not say. */
function nodeInfo(node: SimObject, key: string): string {
  const v = o(o(node.status).nodeInfo)[key];
  return typeof v === 'string' && v !== '' ? v : '<unknown>';
}

/** READY: ready containers of all containers, as `kubectl get pods` counts them. */
function podReady(pod: SimObject): string {
  const statuses = arr(o(pod.status).containerStatuses);
  const total = Math.max(arr(o(pod.spec).containers).length, statuses.length);
  return `${statuses.filter((c) => c.ready === true).length}/${total}`;
}

/** ENDPOINTS of `kubectl get endpointslices`: the first three addresses, then "+ N more...". */
function sliceEndpoints(slice: SimObject): string {
  const addrs = arr(slice.endpoints).flatMap((e) =>
    Array.isArray(e.addresses) ? e.addresses.map(String) : [],
  );
  if (addrs.length === 0) return '<unset>';
  const shown = addrs.slice(0, 3).join(',');
  return addrs.length > 3 ? `${shown} + ${addrs.length - 3} more...` : shown;
}

/** PORTS of `kubectl get endpointslices`. */
function slicePorts(slice: SimObject): string {
  const ports = arr(slice.ports).map((p) => String(p.port ?? ''));
  return ports.length > 0 ? ports.join(',') : '<unset>';
}

/** READY of `kubectl get deploy`: ready replicas of desired. */
function deploymentReady(d: SimObject): string {
  const replicas = o(d.spec).replicas;
  const want = typeof replicas === 'number' ? replicas : 1;
  const ready = o(d.status).readyReplicas;
  return `${typeof ready === 'number' ? ready : 0}/${want}`;
}

/** CONTAINERS / IMAGES of `kubectl get deploy -o wide`. */
const containers = (d: SimObject) => arr(o(o(o(d.spec).template).spec).containers);

export const CELLS = {
  podReady,
  sliceEndpoints,
  slicePorts,
  deploymentReady,
  deploymentContainers: (d: SimObject) =>
    containers(d)
      .map((c) => String(c.name ?? ''))
      .join(',') || '<none>',
  deploymentImages: (d: SimObject) =>
    containers(d)
      .map((c) => String(c.image ?? ''))
      .join(',') || '<none>',
  configMapData: (c: SimObject) =>
    String(Object.keys(o(c.data)).length + Object.keys(o(c.binaryData)).length),
  podStatus: (p: SimObject) => String(o(p.status).reason ?? o(p.status).phase ?? 'Pending'),
  podRestarts: (p: SimObject) =>
    String(
      arr(o(p.status).containerStatuses).reduce(
        (n, c) => n + (typeof c.restartCount === 'number' ? c.restartCount : 0),
        0,
      ),
    ),
  podIP: (p: SimObject) => String(o(p.status).podIP ?? '<none>'),
  podNode: (p: SimObject) => String(o(p.spec).nodeName ?? '<none>'),
  serviceClusterIP: (s: SimObject) => String(o(s.spec).clusterIP ?? '') || '<none>',
  serviceExternalIP,
  servicePorts,
  serviceSelector: (s: SimObject) => {
    // labels.FormatLabels: keys sorted.
    const sel = Object.entries(o(o(s.spec).selector)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return sel.length > 0 ? sel.map(([k, v]) => `${k}=${String(v)}`).join(',') : '<none>';
  },
  nodeStatus,
  nodeRoles,
  nodeInternalIP: (n: SimObject) => nodeAddress(n, 'InternalIP'),
  nodeExternalIP: (n: SimObject) => nodeAddress(n, 'ExternalIP'),
  nodeOSImage: (n: SimObject) => nodeInfo(n, 'osImage'),
  nodeKernelVersion: (n: SimObject) => nodeInfo(n, 'kernelVersion'),
  nodeContainerRuntime: (n: SimObject) => nodeInfo(n, 'containerRuntimeVersion'),
  /** A timestamp; the table renders it as an age. */
  eventLastSeen: (e: SimObject) =>
    String(
      e.lastTimestamp ??
        o(e.series).lastObservedTime ??
        e.eventTime ??
        e.firstTimestamp ??
        e.metadata.creationTimestamp ??
        '',
    ),
  eventObject: (e: SimObject) => {
    const inv = o(e.involvedObject);
    return `${String(inv.kind ?? '').toLowerCase()}/${String(inv.name ?? '')}`;
  },
} satisfies Record<string, (obj: SimObject) => string>;

export type CellName = keyof typeof CELLS;

/** Kubernetes' duration.HumanDuration, which is what an AGE column shows. */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10) return seconds % 60 === 0 ? `${minutes}m` : `${minutes}m${seconds % 60}s`;
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 8) return minutes % 60 === 0 ? `${hours}h` : `${hours}h${minutes % 60}m`;
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8)
    return hours % 24 === 0 ? `${Math.floor(hours / 24)}d` : `${Math.floor(hours / 24)}d${hours % 24}h`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const days = Math.floor(hours / 24) % 365;
    return days === 0 ? `${Math.floor(hours / 24 / 365)}y` : `${Math.floor(hours / 24 / 365)}y${days}d`;
  }
  return `${Math.floor(hours / 24 / 365)}y`;
}
