import type { ClusterInfo, SourceStatus } from '../cilium/cluster-state';
import { deepEqual } from './deep-equal';
import type { Alert, AllocationRow, FreeRangeRow, Inventory, PoolView, ServiceView } from './types';

// What the SSE stream sends between two inventory versions: keyed upserts and removals per
// collection, so one changed Service costs a few rows on the wire instead of the whole table.

/**
 * Changes to one keyed collection. `order` (every key of the new collection, in order) is present
 * only when keeping the old order and appending new keys would not reproduce the new order.
 * `replace` is used instead when keys are not unique (should not happen; never lose data if it does).
 */
export type CollectionDelta<T> = { upserts: T[]; removals: string[]; order?: string[] } | { replace: T[] };

export interface InventoryDelta {
  fromVersion: number;
  toVersion: number;
  generatedAt: string;
  /** Present only when changed. */
  cluster?: ClusterInfo;
  sources?: SourceStatus[];
  pools: CollectionDelta<PoolView>;
  rows: CollectionDelta<AllocationRow>;
  freeRanges: CollectionDelta<FreeRangeRow>;
  services: CollectionDelta<ServiceView>;
  alerts: CollectionDelta<Alert>;
}

export const poolKey = (p: PoolView) => p.name;
export const rowKey = (r: AllocationRow) => r.key;
export const freeRangeKey = (r: FreeRangeRow) => r.key;
export const serviceKey = (s: ServiceView) => `${s.namespace}/${s.name}`;
export const alertKey = (a: Alert) => a.id;

function byKey<T>(items: T[], keys: string[]): Map<string, T> | null {
  const m = new Map<string, T>();
  for (let i = 0; i < items.length; i++) {
    if (m.has(keys[i])) return null;
    m.set(keys[i], items[i]);
  }
  return m;
}

const allUnique = (keys: string[]) => new Set(keys).size === keys.length;

export function diffCollection<T>(prev: T[], next: T[], key: (t: T) => string): CollectionDelta<T> {
  const prevKeys = prev.map(key);
  const nextKeys = next.map(key);
  // Fast path, the usual case of a change: the same keys in the same order, compare in place.
  if (prevKeys.length === nextKeys.length && prevKeys.every((k, i) => k === nextKeys[i])) {
    if (!allUnique(nextKeys)) return { replace: next };
    const upserts: T[] = [];
    for (let i = 0; i < next.length; i++) if (!deepEqual(prev[i], next[i])) upserts.push(next[i]);
    return { upserts, removals: [] };
  }
  const before = byKey(prev, prevKeys);
  const after = byKey(next, nextKeys);
  if (!before || !after) return { replace: next };
  const upserts: T[] = [];
  for (const [k, v] of after) {
    const old = before.get(k);
    if (old === undefined || !deepEqual(old, v)) upserts.push(v);
  }
  const removals = prevKeys.filter((k) => !after.has(k));
  const naive = naiveOrder(prevKeys, removals, nextKeys);
  const sameOrder = naive.length === nextKeys.length && naive.every((k, i) => k === nextKeys[i]);
  return sameOrder ? { upserts, removals } : { upserts, removals, order: nextKeys };
}

/** Old keys that remain, in their old order, then new keys in the order the new collection has them. */
function naiveOrder(prevKeys: string[], removals: string[], nextKeys: string[]): string[] {
  const removed = new Set(removals);
  const kept = prevKeys.filter((k) => !removed.has(k));
  const known = new Set(prevKeys);
  return kept.concat(nextKeys.filter((k) => !known.has(k)));
}

export function applyCollection<T>(prev: T[], delta: CollectionDelta<T>, key: (t: T) => string): T[] {
  if ('replace' in delta) return delta.replace;
  // Nothing changed: keep the same array, so the browser's memoised views of it hold.
  if (delta.upserts.length === 0 && delta.removals.length === 0 && !delta.order) return prev;
  // A Map keeps insertion order: surviving old keys stay in place, new keys land at the end,
  // which is exactly the order diffCollection assumes when it omits `order`.
  const items = new Map<string, T>();
  for (const it of prev) items.set(key(it), it);
  for (const k of delta.removals) items.delete(k);
  for (const u of delta.upserts) items.set(key(u), u);
  if (!delta.order) return [...items.values()];
  const out: T[] = [];
  for (const k of delta.order) {
    const it = items.get(k);
    if (it !== undefined) out.push(it);
  }
  return out;
}

export function diffInventory(prev: Inventory, next: Inventory): InventoryDelta {
  const delta: InventoryDelta = {
    fromVersion: prev.version,
    toVersion: next.version,
    generatedAt: next.generatedAt,
    pools: diffCollection(prev.pools, next.pools, poolKey),
    rows: diffCollection(prev.rows, next.rows, rowKey),
    freeRanges: diffCollection(prev.freeRanges, next.freeRanges, freeRangeKey),
    services: diffCollection(prev.services, next.services, serviceKey),
    alerts: diffCollection(prev.alerts, next.alerts, alertKey),
  };
  if (!deepEqual(prev.cluster, next.cluster)) delta.cluster = next.cluster;
  if (!deepEqual(prev.sources, next.sources)) delta.sources = next.sources;
  return delta;
}

/** The next inventory, or null when `prev` is not the version the delta starts from (refetch). */
export function applyInventoryDelta(prev: Inventory, delta: InventoryDelta): Inventory | null {
  if (prev.version !== delta.fromVersion) return null;
  return {
    version: delta.toVersion,
    generatedAt: delta.generatedAt,
    cluster: delta.cluster ?? prev.cluster,
    sources: delta.sources ?? prev.sources,
    pools: applyCollection(prev.pools, delta.pools, poolKey),
    rows: applyCollection(prev.rows, delta.rows, rowKey),
    freeRanges: applyCollection(prev.freeRanges, delta.freeRanges, freeRangeKey),
    services: applyCollection(prev.services, delta.services, serviceKey),
    alerts: applyCollection(prev.alerts, delta.alerts, alertKey),
  };
}
