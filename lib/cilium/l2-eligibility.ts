import { l2PolicySelectsNode, l2PolicySelectsService, type L2PolicyView } from './l2-policy';
import { nodeIsReady } from './node';
import type { EndpointSlice, KubeNode, Service } from './objects';
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

// Each slice's counts, worked out once per slice object (the watch keeps an object until it
// changes): a Service with one slice then gets the very same counts object every build.
const perSlice = new WeakMap<EndpointSlice, { key: string; counts: Record<string, number> } | null>();

function sliceCounts(s: EndpointSlice): { key: string; counts: Record<string, number> } | null {
  let hit = perSlice.get(s);
  if (hit !== undefined) return hit;
  const svc = s?.metadata?.labels?.[SLICE_SERVICE_LABEL];
  if (!svc || !Array.isArray(s.endpoints)) hit = null;
  else {
    const counts: Record<string, number> = {};
    for (const e of s.endpoints) {
      if (!isReady(e)) continue;
      const node = typeof e?.nodeName === 'string' ? e.nodeName : '';
      counts[node] = (counts[node] ?? 0) + 1;
    }
    hit = { key: `${s.metadata.namespace ?? 'default'}/${svc}`, counts };
  }
  perSlice.set(s, hit);
  return hit;
}

/**
 * Ready endpoints per node for every Service, keyed `namespace/service`; "" counts endpoints
 * without a nodeName (Cilium's Gateway API Services have one such synthetic endpoint). The counts
 * are shared with later calls: read them, never change them.
 */
export function endpointsByService(slices: readonly EndpointSlice[]): Map<string, Record<string, number>> {
  const out = new Map<string, Record<string, number>>();
  const merged = new Set<string>();
  for (const s of slices) {
    const c = sliceCounts(s);
    if (!c) continue;
    const seen = out.get(c.key);
    if (!seen) {
      out.set(c.key, c.counts);
      continue;
    }
    // A second slice of one Service (upstream splits at 100 endpoints): sum into a fresh object.
    const sum = merged.has(c.key) ? seen : { ...seen };
    merged.add(c.key);
    for (const [node, n] of Object.entries(c.counts)) sum[node] = (sum[node] ?? 0) + n;
    out.set(c.key, sum);
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
  // The same list when nothing is filtered out: callers may keep and compare it, never mutate it.
  if (trafficPolicyOf(svc) !== 'Local' || !gatesLocalTraffic(version) || endpoints === undefined)
    return policyNodes as string[];
  return policyNodes.filter((n) => (endpoints[n] ?? 0) > 0);
}

/** The policies that can announce, each with the Ready nodes it selects: built once per round. */
export interface L2World {
  policies: L2PolicyView[];
  /** Per policy (same index), the names of the Ready nodes it selects, minus any drained ones. */
  nodesByPolicy: string[][];
}

export function l2World(
  policies: readonly L2PolicyView[],
  nodes: readonly KubeNode[],
  drained: ReadonlySet<string> = new Set(),
): L2World {
  const live = nodes.filter((n) => nodeIsReady(n) && !drained.has(n.metadata.name));
  // A policy with an invalid selector selects nothing (the agents say so in its status instead).
  const valid = policies.filter((p) => p.errors.length === 0);
  return {
    policies: valid,
    nodesByPolicy: valid.map((p) =>
      live.filter((n) => l2PolicySelectsNode(p, n)).map((n) => n.metadata.name),
    ),
  };
}

/** Which kinds of address the Service has for a policy to announce. */
export interface AnnouncedKinds {
  lbIps: boolean;
  externalIps: boolean;
}

/** A class the L2 announcer serves: none, or io.cilium/l2-announcer (BGP-class Services are routed). */
export const announcedByL2 = (svc: Service): boolean => {
  const cls = svc.spec?.loadBalancerClass;
  return cls === undefined || cls === null || cls === '' || cls === 'io.cilium/l2-announcer';
};

/**
 * The policies that announce one of the Service's address kinds and select it, and the union of
 * their Ready nodes (sorted): who contends for its lease before eTP=Local is considered. null: no
 * policy announces it (or its class is not the L2 announcer's).
 */
export function l2Selection(
  svc: Service,
  world: L2World,
  kinds: AnnouncedKinds,
): { policies: string[]; nodes: string[] } | null {
  if (!announcedByL2(svc) || (!kinds.lbIps && !kinds.externalIps)) return null;
  const names: string[] = [];
  const nodes = new Set<string>();
  world.policies.forEach((p, i) => {
    const announces = (p.loadBalancerIPs && kinds.lbIps) || (p.externalIPs && kinds.externalIps);
    if (!announces || !l2PolicySelectsService(p, svc)) return;
    names.push(p.name);
    for (const n of world.nodesByPolicy[i]) nodes.add(n);
  });
  return names.length > 0 ? { policies: names, nodes: [...nodes].sort() } : null;
}
