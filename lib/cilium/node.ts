import type { KubeNode } from './objects';

/**
 * A node that can announce: its kubelet posts Ready=True and it is not being deleted. One rule for
 * the embedded agents (lib/sim) and for what-if (lib/what-if).
 */
export function nodeIsReady(node: KubeNode): boolean {
  if (node.metadata?.deletionTimestamp) return false;
  const conditions = node.status?.conditions;
  // Malformed input (conditions not a list) reads as not Ready, never as a crash.
  return Array.isArray(conditions) && conditions.some((c) => c?.type === 'Ready' && c.status === 'True');
}
