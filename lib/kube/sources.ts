import 'server-only';
import type { KubeConfig } from '@kubernetes/client-node';
import type { ClusterState } from '../cilium/cluster-state';
import { SLICE_SERVICE_LABEL } from '../cilium/l2-eligibility';
import { L2_LEASE_PREFIX } from '../cilium/l2-policy';
import type { KubeEvent, Lease } from '../cilium/objects';
import { CILIUM_OPERATOR } from '../cilium/version';
import { leaseExpiresAt } from '../inventory/announcer';
import { KubeApiError } from './errors';
import { kubeGetJson } from './http';
import {
  sameEndpoints,
  trimDeployment,
  trimEndpointSlice,
  trimEvent,
  trimGateway,
  trimHttpRoute,
  trimL2Policy,
  trimLease,
  trimNode,
  trimPool,
  trimService,
} from './trim';

// One row per ClusterState key: where to list and watch it, how to trim it, what to keep. Kinds are
// data (architecture: "Shapes worth keeping"); the supervisor is the same code for all of them.

export type SourceKey = keyof ClusterState;
export type SourceItem<K extends SourceKey> = ClusterState[K][number];

export interface SourceDef<K extends SourceKey = SourceKey> {
  key: K;
  /**
   * The inventory waits for this source's first list (or for it to be `missing`: a kind the server
   * does not serve has no objects). Without pools or Services every address would read as free or
   * orphaned; without L2 policies every Service as unannounced; without nodes the node page empty.
   * Optional sources only add detail (gateway names, announcing nodes, events): when they cannot be
   * read the dashboard is partial, not wrong.
   */
  required: boolean;
  /** Plural resource name, for "no permission to read <resource>". */
  resource: string;
  /** Its API group ('' for the core group): with `resource`, what deploy/'s ClusterRole grants
   * get/list/watch on — and nothing else (deploy/rbac.test.ts compares the two). */
  group: string;
  /** Shown when the API group or resource is not served (a CRD not installed). */
  missingMessage: string;
  /** The list/watch path; may ask the server which version it serves. */
  resolvePath(kc: KubeConfig, signal: AbortSignal): Promise<string>;
  trim(raw: unknown): SourceItem<K>;
  keep?(item: SourceItem<K>): boolean;
  /** Bound on kept items; the newest (by `timeOf`) win. */
  limit?: { max: number; timeOf(item: SourceItem<K>): string };
  /**
   * An update that changes nothing the inventory shows (at `now`, epoch ms): the new object is kept
   * (so the next build sees it) but nobody is told. Without this, every L2 lease renewal — each
   * announced Service, every couple of seconds — would rebuild the whole inventory for nothing.
   */
  quiet?(prev: SourceItem<K>, next: SourceItem<K>, now: number): boolean;
}

const fixed = (path: string) => () => Promise.resolve(path);

interface ApiResourceList {
  resources?: { name?: string }[];
}

/** Cilium 1.16+ serves the pool as v2 (and still v2alpha1); older releases only v2alpha1. */
export async function discoverPoolPath(kc: KubeConfig, signal: AbortSignal): Promise<string> {
  for (const version of ['v2', 'v2alpha1']) {
    let list: ApiResourceList;
    try {
      list = (await kubeGetJson(kc, `/apis/cilium.io/${version}`, {
        signal,
        timeoutMs: 15_000,
      })) as ApiResourceList;
    } catch (err) {
      if (err instanceof KubeApiError && err.isNotFound) continue;
      throw err;
    }
    if (list.resources?.some((r) => r.name === 'ciliumloadbalancerippools')) {
      return `/apis/cilium.io/${version}/ciliumloadbalancerippools`;
    }
  }
  throw new KubeApiError(404, 'NotFound', 'cilium.io serves no ciliumloadbalancerippools resource');
}

/**
 * Only spec.renewTime moved, and the lease had not expired yet: a holder renewing a lease it still
 * holds. The inventory carries no renewTime, and a lease that stays held changes nothing there; the
 * feed rebuilds on time alone once the (new) expiry passes. Renewing an expired lease is a change
 * (expired → held), and so is any other field (holder, acquireTime, transitions, duration, labels).
 */
export function isLeaseRenewal(prev: Lease, next: Lease, now: number): boolean {
  if (prev.spec?.renewTime === next.spec?.renewTime) return false;
  const expires = leaseExpiresAt(prev);
  if (expires === null || expires < now) return false;
  return withoutRenewal(prev) === withoutRenewal(next);
}

// resourceVersion and generation move with every write (the API server bumps generation on any spec change).
const withoutRenewal = (l: Lease) =>
  JSON.stringify({
    ...l,
    metadata: { ...l.metadata, resourceVersion: undefined, generation: undefined },
    spec: { ...l.spec, renewTime: undefined },
  });

// Gateways and HTTPRoutes come with the Gateway API or not at all: one message for both.
const GATEWAY_API_MISSING = 'Gateway API is not installed: gateway names and route hostnames are not shown';

const relevantEventKinds = new Set(['Service', 'CiliumLoadBalancerIPPool', 'Node']);
const eventTime = (e: KubeEvent) =>
  e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp ?? e.metadata.creationTimestamp ?? '';

export const maxEvents = 200;

export const sourceDefs: { [K in SourceKey]: SourceDef<K> } = {
  pools: {
    key: 'pools',
    required: true,
    resource: 'ciliumloadbalancerippools',
    group: 'cilium.io',
    missingMessage: 'Cilium LB-IPAM is not installed: no CiliumLoadBalancerIPPool resource is served',
    resolvePath: discoverPoolPath,
    trim: trimPool,
  },
  l2Policies: {
    key: 'l2Policies',
    required: true,
    resource: 'ciliuml2announcementpolicies',
    group: 'cilium.io',
    missingMessage: 'Cilium L2 announcements are not installed: announcement policies are not shown',
    resolvePath: fixed('/apis/cilium.io/v2alpha1/ciliuml2announcementpolicies'),
    trim: trimL2Policy,
  },
  services: {
    key: 'services',
    required: true,
    resource: 'services',
    group: '',
    missingMessage: 'this API server does not serve services',
    resolvePath: fixed('/api/v1/services'),
    trim: trimService,
  },
  gateways: {
    key: 'gateways',
    required: false,
    resource: 'gateways',
    group: 'gateway.networking.k8s.io',
    missingMessage: GATEWAY_API_MISSING,
    resolvePath: fixed('/apis/gateway.networking.k8s.io/v1/gateways'),
    trim: trimGateway,
  },
  leases: {
    key: 'leases',
    required: false,
    resource: 'leases',
    group: 'coordination.k8s.io',
    missingMessage: 'this API server does not serve leases: announcing nodes are not shown',
    resolvePath: fixed('/apis/coordination.k8s.io/v1/leases'),
    trim: trimLease,
    // Cilium names its L2 announcement leases cilium-l2announce-<namespace>-<service>.
    keep: (lease) => lease.metadata.name.startsWith(L2_LEASE_PREFIX),
    quiet: isLeaseRenewal,
  },
  nodes: {
    key: 'nodes',
    required: true,
    resource: 'nodes',
    group: '',
    missingMessage: 'this API server does not serve nodes',
    resolvePath: fixed('/api/v1/nodes'),
    trim: trimNode,
  },
  events: {
    key: 'events',
    required: false,
    resource: 'events',
    group: '',
    missingMessage: 'this API server does not serve events',
    resolvePath: fixed('/api/v1/events'),
    trim: trimEvent,
    keep: (e) => relevantEventKinds.has(e.involvedObject.kind ?? ''),
    limit: { max: maxEvents, timeOf: eventTime },
  },
  endpointSlices: {
    key: 'endpointSlices',
    required: false,
    resource: 'endpointslices',
    group: 'discovery.k8s.io',
    missingMessage:
      'this API server does not serve EndpointSlices: which nodes back each Service is not shown',
    resolvePath: fixed('/apis/discovery.k8s.io/v1/endpointslices'),
    trim: trimEndpointSlice,
    // Slices that belong to no Service (hand-made ones) back nothing the dashboard shows.
    keep: (s) => typeof s.metadata.labels?.[SLICE_SERVICE_LABEL] === 'string',
    // Pod IPs, ports and hints churn; which nodes have ready endpoints is what the rules read.
    quiet: (prev, next) => sameEndpoints(prev, next),
  },
  httpRoutes: {
    key: 'httpRoutes',
    required: false,
    resource: 'httproutes',
    group: 'gateway.networking.k8s.io',
    missingMessage: GATEWAY_API_MISSING,
    resolvePath: fixed('/apis/gateway.networking.k8s.io/v1/httproutes'),
    trim: trimHttpRoute,
  },
  ciliumOperator: {
    key: 'ciliumOperator',
    required: false,
    resource: 'deployments',
    group: 'apps',
    missingMessage:
      'the cilium-operator Deployment cannot be read: rules that depend on the Cilium version are not checked',
    // One Deployment, by name: a cluster's other Deployments are none of the dashboard's business.
    resolvePath: fixed(
      `/apis/apps/v1/namespaces/${CILIUM_OPERATOR.namespace}/deployments?fieldSelector=${encodeURIComponent(`metadata.name=${CILIUM_OPERATOR.name}`)}`,
    ),
    trim: trimDeployment,
  },
};

export const sourceKeys = Object.keys(sourceDefs) as SourceKey[];

export const requiredSourceKeys = sourceKeys.filter((k) => sourceDefs[k].required);
