import type { SourceStatus } from '../cilium/cluster-state';
import {
  endpointsByService,
  l2EligibleNodes,
  l2Selection,
  l2World,
  trafficPolicyOf,
  type L2World,
} from '../cilium/l2-eligibility';
import type { L2PolicyView } from '../cilium/l2-policy';
import type { CiliumL2AnnouncementPolicy, EndpointSlice, KubeNode, Service } from '../cilium/objects';
import type { CiliumVersion } from '../cilium/version';
import { mayHaveHostnames, serviceHostnames, type RouteIndex } from './hostnames';
import type { GatewayIndex } from './columns';
import { deepEqual } from './deep-equal';
import type { ServiceModel } from './service-model';
import type { ServiceView } from './types';
import { sameItems } from './view/same-items';

// Who may announce each Service and what backs it (issue 7 contract on ServiceView): the L2
// policies that select it, its endpoints per node from EndpointSlices, the nodes that may take its
// lease as Cilium decides (lib/cilium/l2-eligibility), and the hostnames that point at it.

export interface L2Inputs {
  /** The policies as stored (their identity keys the memo) and as read (same order), read once per build. */
  policies: readonly CiliumL2AnnouncementPolicy[];
  readPolicies: readonly L2PolicyView[];
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

// The world (policies × Ready nodes) and each Service's selection, kept while the policy and node
// objects are the same: at 10,000 Services a build then costs a lookup per Service, not a selector run.
interface WorldMemo {
  policies: readonly CiliumL2AnnouncementPolicy[];
  nodes: readonly KubeNode[];
  world: L2World;
  bySvc: WeakMap<Service, { policies: string[]; nodes: string[] } | null>;
}
let worldMemo: WorldMemo | null = null;

function worldFor(inputs: L2Inputs): WorldMemo {
  if (
    !worldMemo ||
    !sameItems(worldMemo.policies, inputs.policies) ||
    !sameItems(worldMemo.nodes, inputs.nodes)
  ) {
    worldMemo = {
      policies: [...inputs.policies],
      nodes: [...inputs.nodes],
      world: l2World(inputs.readPolicies, inputs.nodes),
      bySvc: new WeakMap(),
    };
  }
  return worldMemo;
}

function selectionOf(svc: Service, memo: WorldMemo) {
  let hit = memo.bySvc.get(svc);
  if (hit === undefined) {
    // Selected whether or not it has an address yet: a pending Service's policy is known too.
    hit = l2Selection(svc, memo.world, { lbIps: true, externalIps: false });
    memo.bySvc.set(svc, hit);
  }
  return hit;
}

// The enriched view of each base view, reused while its facts are equal (unchanged Services keep
// identical views, which the delta compares by identity first). Most facts are the very same
// objects from one build to the next (memoised selections, shared empties), so identity decides
// before any structural comparison.
const viewMemo = new WeakMap<ServiceView, ServiceView>();

function enrich(
  base: ServiceView,
  extra: Required<Pick<ServiceView, 'externalTrafficPolicy' | 'l2Policies' | 'eligibleNodes' | 'hostnames'>> &
    Pick<ServiceView, 'endpointsByNode'>,
): ServiceView {
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
  const view = withFacts(base, extra);
  viewMemo.set(base, view);
  return view;
}

/**
 * The view with its facts, written out field by field: a spread (or a delete) gave nearly every one
 * of 10,000 views its own hidden class, and every later read of them (the delta's keys and
 * comparisons, JSON) went megamorphic — the services diff took 15 ms instead of 2.
 */
function withFacts(b: ServiceView, x: Parameters<typeof enrich>[1]): ServiceView {
  const view: ServiceView = {
    key: b.key,
    namespace: b.namespace,
    name: b.name,
    displayName: b.displayName,
    displayNamespace: b.displayNamespace,
    type: b.type,
    notes: b.notes,
    gateway: b.gateway,
    ips: b.ips,
    requestedIps: b.requestedIps,
    satisfied: b.satisfied,
    reason: b.reason,
    message: b.message,
    announcer: b.announcer,
    sharingKey: b.sharingKey,
    ports: b.ports,
    externalTrafficPolicy: x.externalTrafficPolicy,
    l2Policies: x.l2Policies,
    eligibleNodes: x.eligibleNodes,
    hostnames: x.hostnames,
  };
  // Absent, not undefined, when EndpointSlices are not read (the wire omits it either way).
  if (x.endpointsByNode !== undefined) view.endpointsByNode = x.endpointsByNode;
  return view;
}

const NO_ENDPOINTS: Record<string, number> = Object.freeze({}) as Record<string, number>;
const NONE: string[] = Object.freeze([]) as unknown as string[];

/** What one Service's facts were made from, and what they were. */
interface Made {
  world: WorldMemo;
  endpoints: Record<string, number> | undefined;
  version: string | null;
  facts: L2Facts;
  view: ServiceView;
}
const made = new WeakMap<ServiceModel, Made>();

/** Each Service's L2 facts (by key) and its view with the contract fields filled. */
export function serviceL2Facts(
  services: readonly ServiceModel[],
  inputs: L2Inputs,
): { facts: Map<string, L2Facts>; views: ServiceView[] } {
  const endpoints = inputs.slicesKnown ? endpointsByService(inputs.slices) : null;
  const world = worldFor(inputs);
  const version = inputs.version?.text ?? null;
  const facts = new Map<string, L2Facts>();
  const views: ServiceView[] = new Array(services.length);
  for (let i = 0; i < services.length; i++) {
    const s = services[i];
    const ep = endpoints ? (endpoints.get(s.key) ?? NO_ENDPOINTS) : undefined;
    // The same model, world, endpoints and version make the same facts: most Services, most builds.
    // Names also depend on Gateways and routes, so a Service that may have some is always redone.
    const hit = made.get(s);
    if (
      hit &&
      hit.world === world &&
      hit.endpoints === ep &&
      hit.version === version &&
      !mayHaveHostnames(s.svc)
    ) {
      facts.set(s.key, hit.facts);
      views[i] = hit.view;
      continue;
    }
    const picked = selectionOf(s.svc, world);
    const policyNodes = picked?.nodes ?? NONE;
    const eligible = picked ? l2EligibleNodes(s.svc, policyNodes, ep, inputs.version) : NONE;
    const f: L2Facts = { policies: picked?.policies ?? NONE, policyNodes, endpoints: ep, eligible };
    const view = enrich(s.view, {
      externalTrafficPolicy: trafficPolicyOf(s.svc),
      l2Policies: f.policies,
      endpointsByNode: ep,
      eligibleNodes: eligible,
      hostnames: serviceHostnames(s.svc, inputs.gateways, inputs.routes),
    });
    made.set(s, { world, endpoints: ep, version, facts: f, view });
    facts.set(s.key, f);
    views[i] = view;
  }
  return { facts, views };
}
