// Hierarchical query keys: everything the inventory feeds lives under ['inventory'], so one
// invalidation (a version gap on the stream) refetches every view derived from it.
export const queryKeys = {
  inventory: ['inventory'] as const,
} as const;
