'use client';

import { useMeta } from '@/lib/queries/use-inventory';
import { useNow } from './use-now';

/**
 * The time the data is read at, for "renewed 2 s ago": now, ticking — or, when the dashboard shows a
 * snapshot, the moment it was taken, standing still (a lease renewed then is not hours old now).
 */
export function useDataNow(everyMs = 1000): number {
  const takenAt = useMeta().data?.cluster.snapshot?.takenAt;
  const now = useNow(takenAt === undefined, everyMs);
  return takenAt === undefined ? now : Date.parse(takenAt);
}
