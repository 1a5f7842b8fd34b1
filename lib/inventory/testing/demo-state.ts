import { emptyClusterState, type ClusterState } from '../../cilium/cluster-state';
import type {
  CiliumL2AnnouncementPolicy,
  CiliumLoadBalancerIPPool,
  Deployment,
  Gateway,
  KubeNode,
  KubeObject,
  Service,
} from '../../cilium/objects';
import { LbIpamEngine } from '../../ipam';
import { demoObjects } from '../../sim/seeds/demo';

// Test data only: the demo seed through the real engine, the way the embedded cluster's LB-IPAM
// controller does it (start empty, apply upserts in seed order, write each status back). No
// controllers run, so there are no leases, events or EndpointSlices.

export function demoState(): ClusterState {
  const engine = new LbIpamEngine();
  engine.start([], []);
  const state = emptyClusterState();
  for (const o of demoObjects() as KubeObject[]) {
    switch (o.kind) {
      case 'CiliumLoadBalancerIPPool':
        engine.apply({ op: 'upsert', object: o as CiliumLoadBalancerIPPool });
        state.pools.push(o as CiliumLoadBalancerIPPool);
        break;
      case 'Service':
        engine.apply({ op: 'upsert', object: o as Service });
        state.services.push(o as Service);
        break;
      case 'CiliumL2AnnouncementPolicy':
        state.l2Policies.push(o as CiliumL2AnnouncementPolicy);
        break;
      case 'Gateway':
        state.gateways.push(o as Gateway);
        break;
      case 'Node':
        state.nodes.push(o as KubeNode);
        break;
      case 'Deployment':
        state.ciliumOperator.push(o as Deployment);
        break;
    }
  }
  state.services = state.services.map((s) => ({
    ...s,
    status: engine.serviceStatus(s.metadata.namespace ?? 'default', s.metadata.name) ?? s.status,
  }));
  state.pools = state.pools.map((p) => ({ ...p, status: engine.poolStatus(p.metadata.name) ?? p.status }));
  return state;
}
