import { emptyClusterState, type ClusterState } from '../cilium/cluster-state';
import type { Store } from './store';

/**
 * What LB-IPAM reasons about, read straight from a store: its pools, Services, L2 policies and
 * nodes (no Gateways, leases or Events). For `lbipam reserve --seed` and tests that check against
 * the embedded cluster without a dashboard's watch in between.
 */
export function storeClusterState(store: Store): ClusterState {
  const list = <T>(apiVersion: string, kind: string) =>
    store.list({ apiVersion, kind }).items as unknown as T[];
  return {
    ...emptyClusterState(),
    pools: list('cilium.io/v2', 'CiliumLoadBalancerIPPool'),
    services: list('v1', 'Service'),
    l2Policies: list('cilium.io/v2alpha1', 'CiliumL2AnnouncementPolicy'),
    nodes: list('v1', 'Node'),
  };
}
