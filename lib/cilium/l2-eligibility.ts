import type { EndpointSlice, Service } from './objects';
import { gatesLocalTraffic, type CiliumVersion } from './version';

// Which nodes may take a Service's L2 lease, written once for the embedded announcer and the
// inventory (reference ../shared/reference/cilium-lbipam.md D and F.1): the Ready nodes selected by
// the L2 policies that select the Service; for externalTrafficPolicy: Local on Cilium ≥ 1.20.2 only
// those of them with a ready local endpoint (an EndpointSlice endpoint whose nodeName is the node).

export const SLICE_SERVICE_LABEL = 'kubernetes.io/service-name';

/** "Cluster" unless the Service says Local (the API server's default for LoadBalancer Services). */
export const trafficPolicyOf = (svc: Service): 'Cluster' | 'Local' =>
  svc.spec?.externalTrafficPolicy === 'Local' ? 'Local' : 'Cluster';

/** An endpoint counts unless its ready condition is explicitly false (upstream: nil means ready). */
const isReady = (e: NonNullable<EndpointSlice['endpoints']>[number]) => e?.conditions?.ready !== false;

/**
 * Ready endpoints per node for every Service, keyed `namespace/service`; "" counts endpoints
 * without a nodeName (Cilium's Gateway API Services have one such synthetic endpoint).
 */
export function endpointsByService(slices: readonly EndpointSlice[]): Map<string, Record<string, number>> {
  const out = new Map<string, Record<string, number>>();
  for (const s of slices) {
    const svc = s?.metadata?.labels?.[SLICE_SERVICE_LABEL];
    if (!svc || !Array.isArray(s.endpoints)) continue;
    const key = `${s.metadata.namespace ?? 'default'}/${svc}`;
    let counts = out.get(key);
    if (!counts) out.set(key, (counts = {}));
    for (const e of s.endpoints) {
      if (!isReady(e)) continue;
      const node = typeof e?.nodeName === 'string' ? e.nodeName : '';
      counts[node] = (counts[node] ?? 0) + 1;
    }
  }
  return out;
}

/**
 * The nodes that may hold the lease, in name order. `policyNodes` are the Ready nodes the selecting
 * policies select; `endpoints` the Service's ready endpoints per node (undefined: not known, and
 * then no node is filtered out — the dashboard does not claim what it cannot see).
 */
export function l2EligibleNodes(
  svc: Service,
  policyNodes: readonly string[],
  endpoints: Record<string, number> | undefined,
  version: CiliumVersion | null,
): string[] {
  if (trafficPolicyOf(svc) !== 'Local' || !gatesLocalTraffic(version) || endpoints === undefined)
    return [...policyNodes];
  return policyNodes.filter((n) => (endpoints[n] ?? 0) > 0);
}
