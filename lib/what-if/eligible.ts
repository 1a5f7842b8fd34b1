import {
  l2PolicySelectsNode,
  l2PolicySelectsService,
  readL2Policy,
  type L2PolicyView,
} from '../cilium/l2-policy';
import { nodeIsReady } from '../cilium/node';
import type { CiliumL2AnnouncementPolicy, KubeNode, Service } from '../cilium/objects';

// Which nodes may announce a Service (reference section D): a Service with a LoadBalancer address,
// of no class or io.cilium/l2-announcer, selected by an L2 policy that announces LB IPs; the Ready
// nodes that policy's nodeSelector selects (minus the nodes the proposal drains) contend for its lease.

export interface EligibilityWorld {
  policies: L2PolicyView[];
  /** Per policy, the names of the Ready, undrained nodes it selects. */
  nodesByPolicy: string[][];
}

export function eligibilityWorld(
  policies: CiliumL2AnnouncementPolicy[],
  nodes: KubeNode[],
  drained: ReadonlySet<string>,
): EligibilityWorld {
  const live = nodes.filter((n) => nodeIsReady(n) && !drained.has(n.metadata.name));
  // A policy with an invalid selector selects nothing (the agents say so in its status).
  const views = policies.map(readL2Policy).filter((p) => p.errors.length === 0 && p.loadBalancerIPs);
  return {
    policies: views,
    nodesByPolicy: views.map((p) =>
      live.filter((n) => l2PolicySelectsNode(p, n)).map((n) => n.metadata.name),
    ),
  };
}

/** null: no policy selects it (or it has no class Cilium's L2 announcer serves); else the eligible nodes, sorted. */
export function eligibleNodes(svc: Service, world: EligibilityWorld): string[] | null {
  const cls = svc.spec.loadBalancerClass;
  if (cls && cls !== 'io.cilium/l2-announcer') return null;
  const eligible = new Set<string>();
  let selected = false;
  world.policies.forEach((p, i) => {
    if (!l2PolicySelectsService(p, svc)) return;
    selected = true;
    for (const n of world.nodesByPolicy[i]) eligible.add(n);
  });
  return selected ? [...eligible].sort() : null;
}
