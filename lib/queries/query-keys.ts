import type { CollectionName } from '../inventory/collections';

// Hierarchical query keys: everything the inventory feeds lives under ['inventory'], so a reset
// on the stream can invalidate every view derived from it at once.
export const queryKeys = {
  inventory: ['inventory'] as const,
  meta: ['inventory', 'meta'] as const,
  collection: (c: CollectionName) => ['inventory', 'collection', c] as const,
  alertMembers: (id: string, revision: string) => ['inventory', 'alert-members', id, revision] as const,
  /** GET /api/ips/<ip>, refetched when the address's revision (lib/inventory/view/ip-facts.ts) moves. */
  ip: (ip: string, revision: string) => ['inventory', 'ip', ip, revision] as const,
  /** GET /api/leases?holder=<node>, refetched when the node's announcements move. */
  nodeLeases: (node: string, revision: string) => ['inventory', 'node-leases', node, revision] as const,
} as const;
