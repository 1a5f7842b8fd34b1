import type { KubeNode } from '../../cilium/objects';

// Node liveness as the simulated agents see it: a node whose kubelet stopped posting Ready (or that
// is being deleted) has no running agent to renew its leases.

export function nodeIsReady(node: KubeNode): boolean {
  if (node.metadata.deletionTimestamp) return false;
  return node.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}
