// Public types of the engine (see docs/contracts.md).
import type { CiliumLoadBalancerIPPool, Service } from '../cilium/objects';

export interface EngineOptions {
  ipv4: boolean;
  ipv6: boolean;
  defaultLBServiceIPAM: 'lbipam' | 'nodeipam' | 'none';
  l2Announcements: boolean;
  bgpControlPlane: boolean;
}

/** Cilium's defaults for a cluster that uses LB-IPAM with L2 and BGP: everything on, 'lbipam'. */
export const defaultEngineOptions: EngineOptions = {
  ipv4: true,
  ipv6: true,
  defaultLBServiceIPAM: 'lbipam',
  l2Announcements: true,
  bgpControlPlane: true,
};

export type EngineEvent =
  | { op: 'upsert'; object: CiliumLoadBalancerIPPool }
  | { op: 'delete'; object: CiliumLoadBalancerIPPool }
  | { op: 'upsert'; object: Service }
  | { op: 'delete'; object: Service };

export type ServiceStatus = NonNullable<Service['status']>;
export type PoolStatus = NonNullable<CiliumLoadBalancerIPPool['status']>;

export type DiagnosisState = 'unknown' | 'not-handled' | 'dormant' | 'satisfied' | 'pending';

export interface FreeRuns {
  pool: string;
  /** e.g. ["192.168.0.223–225", "192.168.0.232–237"] (at most a few; `more` counts the rest). */
  runs: string[];
  more: number;
}

export interface Diagnosis {
  namespace: string;
  name: string;
  state: DiagnosisState;
  /** Addresses LB-IPAM has given it. */
  ips: string[];
  /** Cilium's own reason/message on the Service (absent when it writes none). */
  reason?: string;
  message?: string;
  /** Worded by lib/explain (the words alerts and `lbipam plan` show): a title, the cause, a fix. */
  title: string;
  cause: string;
  /** null when nothing needs doing (satisfied, or Cilium will give it the address on its next retry). */
  fix: string | null;
  /** Pools that select the Service, with their free addresses, when that helps the fix. */
  free?: FreeRuns[];
}

export interface WhatIfChange<S> {
  before: S | undefined;
  after: S | undefined;
}

export interface WhatIfOutcome {
  services: ({ namespace: string; name: string } & WhatIfChange<ServiceStatus>)[];
  pools: ({ name: string } & WhatIfChange<PoolStatus>)[];
  /** `service/<ns>/<name>` and `pool/<name>` keys whose status differs from now. */
  changed: string[];
}
