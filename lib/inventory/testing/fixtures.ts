import { emptyClusterState, type ClusterState } from '../../cilium/cluster-state';
import type {
  CiliumLoadBalancerIPPool,
  Condition,
  Lease,
  PoolBlock,
  Service,
  ServicePort,
} from '../../cilium/objects';
import { buildInventory, type InventoryConfig } from '../build';
import type { Inventory } from '../types';
import { expandRows } from '../view/rows';

// Test data only: small builders for the objects the inventory reads, with statuses written the
// way Cilium writes them.

export const NOW = Date.parse('2026-01-10T12:00:00Z');

export const config = (over: Partial<InventoryConfig> = {}): InventoryConfig => ({
  cluster: { name: 'test', origin: 'embedded', server: 'https://127.0.0.1:1', readOnly: true },
  sources: [],
  version: 1,
  now: NOW,
  ...over,
});

export function pool(
  name: string,
  blocks: PoolBlock[],
  spec: Partial<CiliumLoadBalancerIPPool['spec']> = {},
  conditions?: Condition[],
): CiliumLoadBalancerIPPool {
  return {
    apiVersion: 'cilium.io/v2',
    kind: 'CiliumLoadBalancerIPPool',
    metadata: { name },
    spec: { blocks, ...spec },
    ...(conditions ? { status: { conditions } } : {}),
  };
}

export interface SvcOptions {
  ips?: string[];
  request?: string;
  /** [reason, message]; 'satisfied' writes status True. */
  cond?: [string, string];
  legacyCondition?: boolean;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ports?: ServicePort[];
  type?: string;
  loadBalancerClass?: string;
  externalTrafficPolicy?: string;
}

export function svc(namespace: string, name: string, o: SvcOptions = {}): Service {
  const annotations = { ...(o.annotations ?? {}) };
  if (o.request) annotations['lbipam.cilium.io/ips'] = o.request;
  const conditions: Condition[] = o.cond
    ? [
        {
          type: o.legacyCondition ? 'io.cilium/lb-ipam-request-satisfied' : 'cilium.io/IPAMRequestSatisfied',
          status: o.cond[0] === 'satisfied' ? 'True' : 'False',
          reason: o.cond[0],
          message: o.cond[1],
        },
      ]
    : [];
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace, labels: o.labels, annotations },
    spec: {
      type: o.type ?? 'LoadBalancer',
      ports: o.ports ?? [{ name: 'http', port: 80, protocol: 'TCP' }],
      loadBalancerClass: o.loadBalancerClass,
      externalTrafficPolicy: o.externalTrafficPolicy,
    },
    status: { loadBalancer: { ingress: (o.ips ?? []).map((ip) => ({ ip })) }, conditions },
  };
}

/** A Service holding `ip`, satisfied. */
export const holding = (namespace: string, name: string, ip: string, o: SvcOptions = {}) =>
  svc(namespace, name, { ips: [ip], cond: ['satisfied', ''], ...o });

export function lease(ns: string, name: string, holder: string, renewedSecondsAgo = 2, duration = 15): Lease {
  return {
    metadata: { name: `cilium-l2announce-${ns}-${name}`, namespace: 'kube-system' },
    spec: {
      holderIdentity: holder,
      leaseDurationSeconds: duration,
      renewTime: new Date(NOW - renewedSecondsAgo * 1000).toISOString(),
    },
  };
}

export const l2Policy = (name = 'policy', loadBalancerIPs = true): ClusterState['l2Policies'][number] => ({
  metadata: { name },
  spec: { loadBalancerIPs },
});

export function state(over: Partial<ClusterState> = {}): ClusterState {
  return { ...emptyClusterState(), l2Policies: [l2Policy()], ...over };
}

export const build = (s: Partial<ClusterState>, c: Partial<InventoryConfig> = {}): Inventory =>
  buildInventory(state(s), null, config(c));

export const alertById = (inv: Inventory, id: string) => inv.alerts.find((a) => a.id === id);

/** The allocation table's rows of an inventory, expanded as the browser expands them. */
export const rowsOf = (inv: Pick<Inventory, 'pools' | 'services'>) =>
  expandRows(inv.pools, inv.services).rows;
export const freeRangesOf = (inv: Pick<Inventory, 'pools' | 'services'>) =>
  expandRows(inv.pools, inv.services).freeRanges;
