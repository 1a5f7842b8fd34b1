import type { EventView } from '../types';
import type { IpFacts } from './ip-facts';

// What GET /api/ips/<ip> and GET /api/leases answer (docs/contracts.md): read on demand, not part of
// the inventory. Types only, so the browser can read them; the server fills them (lib/kube).

/** One L2 lease with its renewTime (lib/inventory/lease-reading.ts). */
export interface LeaseReading {
  namespace: string;
  name: string;
  holder: string | null;
  state: 'held' | 'expired' | 'unheld';
  acquireTime: string | null;
  renewTime: string | null;
  durationSeconds: number | null;
  transitions: number | null;
  /** renewTime (or acquireTime) + duration, as ISO; null when the lease does not say. */
  expiresAt: string | null;
}

/** A Service on the address, as read from the cluster at that moment. */
export interface IpServiceExtras {
  /** `namespace/name` */
  key: string;
  /** Its cilium-l2announce lease; null when it has none. */
  lease: LeaseReading | null;
  /** The Service as `kubectl get -o yaml` shows it, without managedFields and last-applied. */
  yaml: string | null;
  yamlError: string | null;
  /** Its most recent Events (any reason), newest first. */
  events: EventView[];
  /** How many Events it has in all (events lists at most a few). */
  eventsTotal: number;
  eventsError: string | null;
}

/** The engine's view of one range holding the address (lib/ipam/address-outlook.ts). */
export interface RangeOutlookWire {
  pool: string;
  range: string;
  state: 'free' | 'held' | 'reserved';
  blocked: 'disabled' | 'conflicting' | null;
  holders: string[];
  next: string | null;
  free: string;
  triedBefore: string[];
}

export interface AddressOutlookWire {
  ip: string;
  ranges: RangeOutlookWire[];
  waiting: { service: string; reason: string | null; message: string | null }[];
  pendingSelected: string[];
  morePending: number;
  /** Per disabled pool holding it: who would hold it if that pool were enabled. */
  ifEnabled: { pool: string; holders: string[] }[];
}

export interface IpDetailResponse {
  version: number;
  /** The server's clock when it answered (lease ages are judged against it). */
  now: string;
  ip: string;
  facts: IpFacts;
  /** Ids of alert groups with a member about its Services or pools (facts.alerts lists them). */
  alertIds: string[];
  services: IpServiceExtras[];
  /** What Cilium would do with it: only for an address inside a pool that nobody holds. */
  outlook: AddressOutlookWire | null;
}

/** One lease a node holds, and the Service it announces. */
export interface NodeLease extends LeaseReading {
  /** The announced Service's `namespace/name`, or null when no Service maps to the lease. */
  service: string | null;
  ips: string[];
}

export interface NodeLeasesResponse {
  version: number;
  now: string;
  holder: string;
  /** The node exists in the cluster (a lease may name a node that is gone). */
  known: boolean;
  leases: NodeLease[];
}
