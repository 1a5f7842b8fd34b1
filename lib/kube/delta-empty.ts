import 'server-only';
import type { CollectionDelta, InventoryDelta } from '../inventory/delta';

const emptyCollection = <T>(c: CollectionDelta<T>): boolean =>
  !('replace' in c) && c.upserts.length === 0 && c.removals.length === 0 && !c.order;

/** True when a delta changes nothing a screen shows (generatedAt alone does not count). */
export function isEmptyDelta(d: InventoryDelta): boolean {
  return (
    d.cluster === undefined &&
    d.sources === undefined &&
    emptyCollection(d.pools) &&
    emptyCollection(d.rows) &&
    emptyCollection(d.freeRanges) &&
    emptyCollection(d.services) &&
    emptyCollection(d.alerts)
  );
}
