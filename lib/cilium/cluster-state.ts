import type {
  CiliumL2AnnouncementPolicy,
  CiliumLoadBalancerIPPool,
  Deployment,
  EndpointSlice,
  Gateway,
  HTTPRoute,
  KubeEvent,
  KubeNode,
  Lease,
  Service,
} from './objects';

/**
 * Everything lib/kube keeps of a cluster, trimmed. The inventory is a pure function of this
 * (plus ARP evidence and config), so the same state always renders the same screens.
 */
export interface ClusterState {
  pools: CiliumLoadBalancerIPPool[];
  l2Policies: CiliumL2AnnouncementPolicy[];
  services: Service[];
  gateways: Gateway[];
  leases: Lease[];
  nodes: KubeNode[];
  events: KubeEvent[];
  /** Which nodes back each Service (eTP=Local decides who may announce it on Cilium ≥ 1.20.2). */
  endpointSlices: EndpointSlice[];
  /** Hostnames attached to Gateways. */
  httpRoutes: HTTPRoute[];
  /** kube-system/cilium-operator (at most one): its image tag is the Cilium version. */
  ciliumOperator: Deployment[];
}

export const emptyClusterState = (): ClusterState => ({
  pools: [],
  l2Policies: [],
  services: [],
  gateways: [],
  leases: [],
  nodes: [],
  events: [],
  endpointSlices: [],
  httpRoutes: [],
  ciliumOperator: [],
});

/** One informer's health, as the header shows it. */
export type SourceState = 'starting' | 'live' | 'reconnecting' | 'stale' | 'forbidden' | 'missing';

export interface SourceStatus {
  /** ClusterState key, e.g. "services", "leases". */
  source: keyof ClusterState;
  state: SourceState;
  /**
   * No inventory is built until this source has listed once (or is `missing`: a kind the server
   * does not serve has no objects). Optional sources (gateway names, leases, events) only make the
   * picture partial when they cannot be read.
   */
  required: boolean;
  /** ISO time of the last change of state (for "stale since"). */
  since: string;
  /** e.g. "no permission to read leases" or "Gateway API is not installed". */
  message?: string;
  /** The last error, as the API client reported it (what lib/cilium/source-summary words). */
  error?: SourceError;
}

/** Why a source is not live, structured enough to group and word it without parsing prose. */
export interface SourceError {
  /** HTTP status; 0 when no response came back (refused, DNS, TLS, timeout). */
  status: number;
  /** Kubernetes Status reason ("Forbidden", "NotFound") or the client's ("Unreachable", "Timeout"). */
  reason: string;
  /** The errno / TLS code when there was one: ECONNREFUSED, ENOTFOUND, CERT_HAS_EXPIRED, … */
  code?: string;
  /** The raw text, for a tooltip. */
  text: string;
}

export interface ClusterInfo {
  /** What the header shows: the context name, or "embedded demo" / "embedded scale" / "embedded <folder>". */
  name: string;
  origin: 'embedded' | 'kubeconfig' | 'in-cluster';
  server: string;
  context?: string;
  /** The embedded cluster's seed: demo, empty, scale, or the folder's name. */
  seed?: string;
  /** Writing to the cluster is off unless the operator enables it. */
  readOnly: boolean;
  /** Set when what is shown is a snapshot file, not the cluster itself: frozen, never live. */
  snapshot?: { takenAt: string };
}
