import type { SourceStatus } from '../cilium/cluster-state';
import {
  endpointsByService,
  l2EligibleNodes,
  l2Selection,
  l2World,
  trafficPolicyOf,
  type L2World,
} from '../cilium/l2-eligibility';
import { readL2Policy } from '../cilium/l2-policy';
import type { CiliumL2AnnouncementPolicy, EndpointSlice, KubeNode, Service } from '../cilium/objects';
import type { CiliumVersion } from '../cilium/version';
import { serviceHostnames, type RouteIndex } from './hostnames';
import type { GatewayIndex } from './columns';
import { deepEqual } from './deep-equal';
import type { ServiceModel } from './service-model';
import type { ServiceView } from './types';

// Who may announce each Service and what backs it (issue 7 contract on ServiceView): the L2
// policies that select it, its endpoints per node from EndpointSlices, the nodes that may take its
// lease as Cilium decides (lib/cilium/l2-eligibility), and the hostnames that point at it.

export interface L2Inputs {
  policies: readonly CiliumL2AnnouncementPolicy[];
  nodes: readonly KubeNode[];
  slices: readonly EndpointSlice[];
  /** False when EndpointSlices cannot be read (yet): endpoints are then unknown, not zero. */
  slicesKnown: boolean;
  version: CiliumVersion | null;
  gateways: GatewayIndex;
  routes: RouteIndex;
}

/** What the rules read per Service, beside its view. */
export interface L2Facts {
  policies: string[];
  /** Ready nodes the selecting policies select, before eTP=Local is considered. */
  policyNodes: string[];
  endpoints: Record<string, number> | undefined;
  eligible: string[];
}

/** EndpointSlices are known once their source listed: starting, forbidden or missing means unknown. */
export const slicesKnownFrom = (sources: readonly SourceStatus[]): boolean =>
  !sources.some(
    (s) =>
      s.source === 'endpointSlices' &&
      (s.state === 'starting' || s.state === 'forbidden' || s.state === 'missing'),
  );

const sameItems = <T>(a: readonly T[], b: readonly T[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

// The world (policies × Ready nodes) and each Service's selection, kept while the policy and node
// objects are the same: at 10,000 Services a build then costs a lookup per Service, not a selector run.
let worldMemo: {
  policies: readonly CiliumL2AnnouncementPolicy[];
  nodes: readonly KubeNode[];
  world: L2World;
  bySvc: WeakMap<Service, { policies: string[]; nodes: string[] } | null>;
} | null = null;

function selectionOf(svc: Service, inputs: L2Inputs) {
  if (
    !worldMemo ||
    !sameItems(worldMemo.policies, inputs.policies) ||
    !sameItems(worldMemo.nodes, inputs.nodes)
  ) {
    worldMemo = {
      policies: [...inputs.policies],
      nodes: [...inputs.nodes],
      world: l2World(inputs.policies.map(readL2Policy), inputs.nodes),
      bySvc: new WeakMap(),
    };
  }
  let hit = worldMemo.bySvc.get(svc);
  if (hit === undefined) {
    // Selected whether or not it has an address yet: a pending Service's policy is known too.
    hit = l2Selection(svc, worldMemo.world, { lbIps: true, externalIps: false });
    worldMemo.bySvc.set(svc, hit);
  }
  return hit;
}

// The enriched view of each base view, reused while its facts are equal (unchanged Services keep
// identical views, which the delta compares by identity first).
const viewMemo = new WeakMap<ServiceView, ServiceView>();

function enrich(base: ServiceView, extra: Partial<ServiceView>): ServiceView {
  const prev = viewMemo.get(base);
  if (
    prev &&
    prev.externalTrafficPolicy === extra.externalTrafficPolicy &&
    deepEqual(prev.l2Policies, extra.l2Policies) &&
    deepEqual(prev.endpointsByNode, extra.endpointsByNode) &&
    deepEqual(prev.eligibleNodes, extra.eligibleNodes) &&
    deepEqual(prev.hostnames, extra.hostnames)
  )
    return prev;
  const view = { ...base, ...extra };
  if (extra.endpointsByNode === undefined) delete view.endpointsByNode;
  viewMemo.set(base, view);
  return view;
}

/** Each Service's L2 facts (by key) and its view with the contract fields filled. */
export function serviceL2Facts(
  services: readonly ServiceModel[],
  inputs: L2Inputs,
): { facts: Map<string, L2Facts>; views: ServiceView[] } {
  const endpoints = inputs.slicesKnown ? endpointsByService(inputs.slices) : null;
  const facts = new Map<string, L2Facts>();
  const views = services.map((s) => {
    const picked = selectionOf(s.svc, inputs);
    const ep = endpoints ? (endpoints.get(s.key) ?? {}) : undefined;
    const policyNodes = picked?.nodes ?? [];
    const eligible = picked ? l2EligibleNodes(s.svc, policyNodes, ep, inputs.version) : [];
    facts.set(s.key, { policies: picked?.policies ?? [], policyNodes, endpoints: ep, eligible });
    return enrich(s.view, {
      externalTrafficPolicy: trafficPolicyOf(s.svc),
      l2Policies: picked?.policies ?? [],
      endpointsByNode: ep,
      eligibleNodes: eligible,
      hostnames: serviceHostnames(s.svc, inputs.gateways, inputs.routes),
    });
  });
  return { facts, views };
}
