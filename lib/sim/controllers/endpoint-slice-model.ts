import { createHash } from 'node:crypto';
import type { EndpointSlice, Pod, Service } from '../../cilium/objects';
import { SLICE_SERVICE_LABEL } from '../../cilium/l2-eligibility';

// What Kubernetes' endpoint-slice controller keeps for a Service with a selector, as a pure
// function of the Service and its namespace's Pods: one IPv4 slice of the matching Pods that have
// an IP, each with its node and ready condition. Simplified: one slice per Service (upstream splits
// at 100 endpoints and by port mapping); a named targetPort is resolved on the first Pod naming it.

export const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by';
export const MANAGED_BY = 'endpointslice-controller.k8s.io';

const matches = (selector: Record<string, string>, labels: Record<string, string> | undefined) =>
  Object.entries(selector).every(([k, v]) => labels?.[k] === v);

/** The Pods a Service selects (a Service without a selector selects none: its slices are the user's). */
export function selectedPods(svc: Service, pods: readonly Pod[]): Pod[] {
  const selector = svc.spec?.selector;
  if (!selector || Object.keys(selector).length === 0) return [];
  const ns = svc.metadata.namespace ?? 'default';
  return pods.filter(
    (p) => (p.metadata.namespace ?? 'default') === ns && matches(selector, p.metadata.labels),
  );
}

export const managesSlices = (svc: Service): boolean =>
  svc.spec?.type !== 'ExternalName' && Object.keys(svc.spec?.selector ?? {}).length > 0;

/** Stable per Service (upstream uses generateName; a stable name keeps reconciles idempotent). */
export function sliceName(svc: Service): string {
  const id = svc.metadata.uid ?? `${svc.metadata.namespace}/${svc.metadata.name}`;
  return `${svc.metadata.name.slice(0, 57)}-${createHash('sha256').update(id).digest('hex').slice(0, 5)}`;
}

const podReady = (p: Pod) =>
  p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;

function targetPort(
  port: NonNullable<Service['spec']['ports']>[number],
  pods: readonly Pod[],
): number | null {
  const t = port.targetPort ?? port.port;
  if (typeof t === 'number') return t;
  if (/^\d+$/.test(t)) return Number(t);
  for (const p of pods)
    for (const c of p.spec?.containers ?? [])
      for (const cp of c.ports ?? [])
        if (cp.name === t && typeof cp.containerPort === 'number') return cp.containerPort;
  return null;
}

/** The slice the controller wants for this Service (metadata without server-set fields). */
export function desiredSlice(svc: Service, pods: readonly Pod[]): EndpointSlice {
  const ns = svc.metadata.namespace ?? 'default';
  const selected = selectedPods(svc, pods).filter(
    (p) => typeof p.status?.podIP === 'string' && p.status.podIP,
  );
  selected.sort((a, b) =>
    a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0,
  );
  const ports = (svc.spec.ports ?? []).flatMap((p) => {
    const port = targetPort(p, selected);
    return port === null ? [] : [{ name: p.name ?? '', port, protocol: p.protocol ?? 'TCP' }];
  });
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      name: sliceName(svc),
      namespace: ns,
      labels: { [SLICE_SERVICE_LABEL]: svc.metadata.name, [MANAGED_BY_LABEL]: MANAGED_BY },
      ownerReferences: svc.metadata.uid
        ? [
            {
              apiVersion: 'v1',
              kind: 'Service',
              name: svc.metadata.name,
              uid: svc.metadata.uid,
              controller: true,
              blockOwnerDeletion: true,
            },
          ]
        : undefined,
    },
    addressType: 'IPv4',
    endpoints: selected.map((p) => {
      const ready = podReady(p);
      return {
        addresses: [p.status?.podIP as string],
        conditions: { ready, serving: ready, terminating: false },
        ...(p.spec?.nodeName ? { nodeName: p.spec.nodeName } : {}),
        targetRef: {
          kind: 'Pod',
          namespace: ns,
          name: p.metadata.name,
          ...(p.metadata.uid ? { uid: p.metadata.uid } : {}),
        },
      };
    }),
    ports,
  };
}
