import type {
  CiliumL2AnnouncementPolicy,
  CiliumLoadBalancerIPPool,
  Gateway,
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
}

export const emptyClusterState = (): ClusterState => ({
  pools: [],
  l2Policies: [],
  services: [],
  gateways: [],
  leases: [],
  nodes: [],
  events: [],
});

/** One informer's health, as the header shows it. */
export type SourceState = 'starting' | 'live' | 'reconnecting' | 'stale' | 'forbidden' | 'missing';

export interface SourceStatus {
  /** ClusterState key, e.g. "services", "leases". */
  source: keyof ClusterState;
  state: SourceState;
  /** ISO time of the last change of state (for "stale since"). */
  since: string;
  /** e.g. "no permission to read leases" or "Gateway API is not installed". */
  message?: string;
}

export interface ClusterInfo {
  /** What the header shows: context name, or "embedded demo". */
  name: string;
  origin: 'embedded' | 'kubeconfig' | 'in-cluster';
  server: string;
  context?: string;
  /** Writing to the cluster is off unless the operator enables it. */
  readOnly: boolean;
}
