import type { ClusterInfo, SourceStatus } from '../cilium/cluster-state';

// The Inventory is the one view model every screen, export and metric reads (architecture: "One
// inventory"). It is plain JSON: the server builds it, the SSE stream ships it, the browser caches it.

export interface ObjectRef {
  kind: 'Service' | 'Gateway' | 'CiliumLoadBalancerIPPool' | 'CiliumL2AnnouncementPolicy' | 'Node' | 'Lease';
  namespace?: string;
  name: string;
}

export type RowStatus =
  | 'allocated' // held by one Service (or several sharing a key)
  | 'available' // free in an enabled pool
  | 'reserved' // first/last address withheld by allowFirstLastIPs: "No"
  | 'unallocatable' // free, but its pool is disabled or conflicting
  | 'contested'; // held, and at least one other Service is pending because it asked for it

export interface AllocationRow {
  /** Stable key: `${pool}/${ip}`. */
  key: string;
  ip: string;
  pool: string;
  status: RowStatus;
  /** Services holding the address (several when they share it with a sharing key). */
  holders: ObjectRef[];
  /** What the Service column shows: display-name annotation, else the owning Gateway, else the Service name. */
  service: string | null;
  namespace: string | null;
  type: string | null;
  notes: string | null;
  /** Node that answers ARP for it (holder of the cilium-l2announce lease), if any. */
  announcer: string | null;
  /** Services waiting for this address (requested it, did not get it). */
  waiting: ObjectRef[];
}

/** Free addresses of a pool too large to list one per row are summarised as ranges. */
export interface FreeRangeRow {
  key: string;
  pool: string;
  from: string;
  to: string;
  count: string;
  /** 'available' in an allocating pool; 'unallocatable' when the pool is disabled or conflicting. */
  status: 'available' | 'unallocatable';
}

export interface PoolView {
  name: string;
  disabled: boolean;
  conflicting: boolean;
  conflictMessage: string | null;
  /** Decimal strings: counts can exceed 2^53 (IPv6). */
  total: string;
  used: string;
  available: string;
  blocks: { from: string; to: string; label: string }[];
  /** True when addresses are summarised as FreeRangeRows instead of one row each. */
  summarised: boolean;
}

export interface ServiceView {
  namespace: string;
  name: string;
  displayName: string;
  type: string | null;
  notes: string | null;
  gateway: string | null;
  ips: string[];
  requestedIps: string[];
  /** null: LB-IPAM does not handle this Service (other class, or no pool yet). */
  satisfied: boolean | null;
  reason: string | null;
  message: string | null;
  announcer: string | null;
  ports: { name?: string; port: number; protocol: string }[];
}

export interface Alert {
  id: string;
  severity: 'error' | 'warning' | 'info';
  title: string;
  /** Why, in plain language. */
  detail: string;
  /** What to do about it, concretely. */
  fix: string | null;
  subject: ObjectRef;
}

export interface Inventory {
  version: number;
  generatedAt: string;
  cluster: ClusterInfo;
  sources: SourceStatus[];
  pools: PoolView[];
  rows: AllocationRow[];
  freeRanges: FreeRangeRow[];
  services: ServiceView[];
  alerts: Alert[];
}
