import type { ClusterInfo, SourceStatus } from '../cilium/cluster-state';
import type { ProberStatus } from './arp/evidence';
export type { ProberStatus } from './arp/evidence';
import type { ArpVerdict } from './arp/verdict';
export type { ArpVerdict, ArpVerdictKind } from './arp/verdict';

// The Inventory is the one view model every screen, export and metric reads (architecture: "One
// inventory"). It is facts, not expanded views: pools with their blocks, Services with what they
// hold, grouped alerts, nodes, L2 policies, announcers and events. Rows of the allocation table are
// expanded from pools and Services where they are drawn (lib/inventory/view/rows.ts), so a pool of
// 65,536 addresses costs one PoolView on the wire, and disabling it is one upsert in a delta.
// The collections and their keys are declared once, in ./collections.ts.

export interface ObjectRef {
  kind:
    | 'Service'
    | 'Gateway'
    | 'CiliumLoadBalancerIPPool'
    | 'CiliumL2AnnouncementPolicy'
    | 'Node'
    | 'Lease'
    | 'Deployment'
    | 'Address'
    | 'Prober';
  namespace?: string;
  name: string;
}

export type RowStatus =
  | 'allocated' // held by one Service (or several sharing a key)
  | 'available' // free in an enabled pool
  | 'reserved' // first/last address withheld by allowFirstLastIPs: "No"
  | 'unallocatable' // free, but its pool is disabled or conflicting
  | 'contested'; // held, and at least one other Service is pending because it asked for it

/** One address of the allocation table (expanded in the browser from pools and Services). */
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

/** Free addresses of a block too large to list one per row, summarised as a range. */
export interface FreeRangeRow {
  key: string;
  pool: string;
  from: string;
  to: string;
  count: string;
  /** 'available' in an allocating pool; 'unallocatable' when the pool is disabled or conflicting. */
  status: 'available' | 'unallocatable';
}

export interface PoolBlockView {
  from: string;
  to: string;
  /** "192.168.0.220 – 192.168.0.239" */
  label: string;
  /** Decimal string: may exceed 2^53. */
  size: string;
  /** First and last address withheld by allowFirstLastIPs: "No" (cidr blocks of ≥ 3 addresses). */
  reserved: string[];
  /** Too large to list one row per address: held addresses are rows, the rest free ranges. */
  summarised: boolean;
}

/** Pool counts as decimal strings: IPv6 counts exceed 2^53. */
export interface PoolCounts {
  total: string;
  used: string;
  available: string;
}

export interface PoolView extends PoolCounts {
  name: string;
  disabled: boolean;
  conflicting: boolean;
  conflictMessage: string | null;
  /** Hands out new addresses: neither disabled nor conflicting. */
  allocates: boolean;
  /** Cilium's own counts from the pool's status conditions, when it wrote all three (else null). */
  reported: PoolCounts | null;
  /** In Cilium's order (spec.blocks, or the legacy spec.cidrs). */
  blocks: PoolBlockView[];
  /** True when some block is summarised (free stretches as ranges instead of one row each). */
  summarised: boolean;
  /** "all Services", or the serviceSelector in words. */
  serviceSelector: string;
}

export interface ServiceView {
  /** `${namespace}/${name}` */
  key: string;
  namespace: string;
  name: string;
  displayName: string;
  /** The Namespace column: the owning Gateway's namespace for a gateway Service, else its own. */
  displayNamespace: string;
  type: string | null;
  notes: string | null;
  gateway: string | null;
  ips: string[];
  requestedIps: string[];
  /** null: LB-IPAM does not handle this Service (other class, or no pool yet). */
  satisfied: boolean | null;
  reason: string | null;
  /** Cilium's condition message, shown as Cilium wrote it (never parsed for meaning). */
  message: string | null;
  announcer: string | null;
  sharingKey: string | null;
  ports: { name?: string; port: number; protocol: string }[];
  // Issue 7 contract (filled by the data path; screens show them when present).
  /** spec.externalTrafficPolicy as written ("Cluster" when unset on a LoadBalancer Service). */
  externalTrafficPolicy?: 'Cluster' | 'Local';
  /** L2 announcement policies whose serviceSelector selects this Service (and that announce LB IPs). */
  l2Policies?: string[];
  /** Ready endpoints per node name, from its EndpointSlices; "" counts endpoints without a nodeName. Absent when EndpointSlices are not read. */
  endpointsByNode?: Record<string, number>;
  /** Nodes that may take its L2 lease, as Cilium decides (policy-selected, Ready; for eTP=Local on Cilium ≥ 1.20.2 only nodes with a local endpoint). */
  eligibleNodes?: string[];
  /** Hostnames that point at its addresses. */
  hostnames?: HostnameView[];
}

/** A DNS name people use for an address. */
export interface HostnameView {
  name: string;
  /** external-dns.alpha.kubernetes.io/hostname on the Service (or its Gateway); a Gateway listener; an attached HTTPRoute. */
  source: 'external-dns' | 'gateway-listener' | 'httproute';
  gateway?: { namespace: string; name: string; programmed: boolean | null };
  route?: { namespace: string; name: string };
}

export type Severity = 'error' | 'warning' | 'info';

/** One finding about one object. Alerts sharing `rule` and `cause` form one AlertGroup. */
export interface Alert {
  id: string;
  /** The rule that raised it ("pending", "no-l2-policy", …). */
  rule: string;
  /** Within a rule, alerts with the same cause have one explanation and one fix. */
  cause: string;
  severity: Severity;
  title: string;
  /** Why, in plain language. */
  detail: string;
  /** What to do about it, concretely. */
  fix: string | null;
  subject: ObjectRef;
  /**
   * What every alert of its cause shares, without naming its subject: a group of them reads
   * "<count> Services <headline>" with this detail and fix (see alerts/index.ts GROUP_WORDINGS).
   */
  shared?: { headline: string; detail: string; fix: string | null };
}

/**
 * What the wire carries: alerts grouped by cause (like Alertmanager). A group of one is the alert
 * itself (its id, its words); a larger group says how many and what they share, and its members are
 * listed on demand (GET /api/alerts/<id>).
 */
export interface AlertGroup {
  /** Stable: the alert's id for a group of one, `${rule}:${cause}` for a larger group. */
  id: string;
  rule: string;
  cause: string;
  severity: Severity;
  title: string;
  detail: string;
  fix: string | null;
  count: number;
  /** The first few members' subjects (all of them for small groups). */
  subjects: ObjectRef[];
  /** Changes whenever the member list changes (a members query refetches on it). */
  revision: string;
}

export interface NodeView {
  name: string;
  /** null: the node reports no Ready condition yet. */
  ready: boolean | null;
  notReadyReason: string | null;
  addresses: { type: string; address: string }[];
  /** L2 announcement policies whose nodeSelector selects it. */
  l2Policies: string[];
  /** How many Services' addresses it announces (holds a live lease for). */
  announcing: number;
}

export interface L2PolicyView {
  name: string;
  serviceSelector: string;
  nodeSelector: string;
  interfaces: string[];
  externalIPs: boolean;
  loadBalancerIPs: boolean;
  /** Nodes its nodeSelector selects. */
  nodes: string[];
}

/** One Service's L2 announcement lease (cilium-l2announce-<ns>-<name>). */
export interface AnnouncerView {
  /** The Service's `${namespace}/${name}`. */
  key: string;
  service: ObjectRef;
  lease: { namespace: string; name: string };
  holder: string | null;
  /** held: renewed within its duration; expired: not renewed in time; unheld: nobody holds it. */
  state: 'held' | 'expired' | 'unheld';
  /** When the holder took it (changes on failover, not on renewal). */
  acquireTime: string | null;
  /**
   * No renewTime: holders renew every few seconds, and carrying it would make every renewal a
   * change on the wire. `state` says whether it was renewed within its duration.
   */
  durationSeconds: number | null;
  transitions: number | null;
  /** The Service's addresses this lease announces. */
  ips: string[];
}

export interface EventView {
  key: string;
  type: string;
  reason: string;
  message: string;
  object: { kind: string; namespace: string | null; name: string };
  count: number;
  /** ISO time it was last seen. */
  lastSeen: string | null;
}

export interface InventoryMeta {
  version: number;
  generatedAt: string;
  cluster: ClusterInfo;
  sources: SourceStatus[];
  /** The Cilium version the rules judge by, and where it was read (issue 7); absent or null when unknown. */
  cilium?: { version: string | null; source: 'config' | 'deployment' | 'configmap' | 'embedded' | null };
}

export interface InventoryCollections {
  pools: PoolView[];
  services: ServiceView[];
  alerts: AlertGroup[];
  nodes: NodeView[];
  l2Policies: L2PolicyView[];
  announcers: AnnouncerView[];
  events: EventView[];
  /** ARP/NDP verdicts per address (lib/inventory/arp); empty while no prober publishes evidence. */
  arp: ArpVerdict[];
  /** The probers whose evidence is judged, with their state (an embedded prober, standalone agents, the demo's simulation). */
  probers: ProberStatus[];
}

export type Inventory = InventoryMeta & InventoryCollections;
