import type { ClusterInfo, SourceStatus } from '../cilium/cluster-state';
import { COLLECTION_NAMES, COLLECTIONS, type CollectionName, type ItemOf } from './collections';
import { deepEqual } from './deep-equal';
import type { Inventory, InventoryMeta } from './types';

// What the SSE stream sends between two inventory versions: keyed upserts and removals per
// collection, so one changed Service costs a few rows on the wire instead of the whole table.

/**
 * Changes to one keyed collection. Kept keys keep their relative order; new keys go at the end
 * unless `after` says which key each follows (null: first), so inserting one Service among 10,000
 * costs one entry, not the whole key list. `order` (every key, in order) is present only when kept
 * keys changed their relative order. `replace` is used instead when keys are not unique (should not
 * happen; never lose data if it does).
 */
export type CollectionDelta<T> =
  | { upserts: T[]; removals: string[]; after?: Record<string, string | null>; order?: string[] }
  | { replace: T[] };

export type InventoryDeltaCollections = { [K in CollectionName]?: CollectionDelta<ItemOf<K>> };

export interface InventoryDelta {
  fromVersion: number;
  toVersion: number;
  generatedAt: string;
  /** Present only when changed. */
  cluster?: ClusterInfo;
  sources?: SourceStatus[];
  cilium?: InventoryMeta['cilium'];
  /** Only the collections that changed. */
  collections: InventoryDeltaCollections;
}

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
  if (naive.length === nextKeys.length && naive.every((k, i) => k === nextKeys[i]))
    return { upserts, removals };
  const positions = insertPositions(prevKeys, removals, nextKeys, before);
  return positions ? { upserts, removals, after: positions } : { upserts, removals, order: nextKeys };
}

/**
 * Where each new key goes (the key before it in the new order, null for the first), when the kept
 * keys kept their relative order; null when they did not (a reorder needs the whole order).
 */
function insertPositions(
  prevKeys: string[],
  removals: string[],
  nextKeys: string[],
  before: Map<string, unknown>,
): Record<string, string | null> | null {
  const removed = new Set(removals);
  const kept = prevKeys.filter((k) => !removed.has(k));
  let i = 0;
  const positions: Record<string, string | null> = {};
  for (let j = 0; j < nextKeys.length; j++) {
    const k = nextKeys[j];
    if (before.has(k)) {
      if (kept[i] !== k) return null;
      i++;
    } else positions[k] = j === 0 ? null : nextKeys[j - 1];
  }
  return positions;
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
  // which is exactly the order diffCollection assumes when it sends neither `after` nor `order`.
  const items = new Map<string, T>();
  for (const it of prev) items.set(key(it), it);
  for (const k of delta.removals) items.delete(k);
  const known = new Set(items.keys());
  for (const u of delta.upserts) items.set(key(u), u);
  if (delta.order) return pick(items, delta.order);
  if (delta.after) return pick(items, placeInserted([...known], delta.after, items));
  return [...items.values()];
}

function pick<T>(items: Map<string, T>, order: string[]): T[] {
  const out: T[] = [];
  for (const k of order) {
    const it = items.get(k);
    if (it !== undefined) out.push(it);
  }
  return out;
}

/** The kept keys in their order with each new key placed after the key it follows. */
function placeInserted(
  kept: string[],
  after: Record<string, string | null>,
  items: Map<string, unknown>,
): string[] {
  const followers = new Map<string | null, string[]>();
  const placed = new Set<string>();
  for (const [k, prev] of Object.entries(after)) {
    if (!items.has(k)) continue;
    const list = followers.get(prev) ?? [];
    list.push(k);
    followers.set(prev, list);
  }
  const out: string[] = [];
  const emit = (k: string) => {
    // A new key and the new keys that follow it, depth first (each follows the one before it).
    const stack = [k];
    while (stack.length) {
      const cur = stack.pop()!;
      if (placed.has(cur)) continue;
      placed.add(cur);
      out.push(cur);
      const next = followers.get(cur);
      if (next) for (let i = next.length - 1; i >= 0; i--) stack.push(next[i]);
    }
  };
  for (const k of followers.get(null) ?? []) emit(k);
  for (const k of kept) emit(k);
  // Anything whose predecessor is unknown (a malformed delta): at the end rather than lost.
  for (const k of items.keys()) if (!placed.has(k)) out.push(k);
  return out;
}

/** True when a collection delta changes nothing. */
export const isEmptyCollectionDelta = (c: CollectionDelta<unknown> | undefined): boolean =>
  c === undefined ||
  (!('replace' in c) && c.upserts.length === 0 && c.removals.length === 0 && !c.order && !c.after);

function diffOne<K extends CollectionName>(
  c: K,
  prev: Inventory,
  next: Inventory,
): CollectionDelta<ItemOf<K>> {
  return diffCollection(prev[c] as ItemOf<K>[], next[c] as ItemOf<K>[], COLLECTIONS[c].key);
}

export function diffInventory(prev: Inventory, next: Inventory): InventoryDelta {
  const collections: Record<string, CollectionDelta<unknown>> = {};
  for (const c of COLLECTION_NAMES) {
    const d = diffOne(c, prev, next);
    if (!isEmptyCollectionDelta(d)) collections[c] = d;
  }
  const delta: InventoryDelta = {
    fromVersion: prev.version,
    toVersion: next.version,
    generatedAt: next.generatedAt,
    collections: collections as InventoryDeltaCollections,
  };
  if (!deepEqual(prev.cluster, next.cluster)) delta.cluster = next.cluster;
  if (!deepEqual(prev.sources, next.sources)) delta.sources = next.sources;
  if (!deepEqual(prev.cilium, next.cilium) && next.cilium) delta.cilium = next.cilium;
  return delta;
}

/** The meta of an inventory (or of fetched parts): written once, for the server and the browser. */
export function metaOf(m: InventoryMeta): InventoryMeta {
  return {
    version: m.version,
    generatedAt: m.generatedAt,
    cluster: m.cluster,
    sources: m.sources,
    ...(m.cilium !== undefined && { cilium: m.cilium }),
  };
}

/** The meta after a delta. */
export function applyDeltaToMeta(meta: InventoryMeta, delta: InventoryDelta): InventoryMeta {
  return metaOf({
    version: delta.toVersion,
    generatedAt: delta.generatedAt,
    cluster: delta.cluster ?? meta.cluster,
    sources: delta.sources ?? meta.sources,
    cilium: delta.cilium ?? meta.cilium,
  });
}

/** True when a delta changes nothing a screen shows (generatedAt alone does not count). */
export function isEmptyDelta(d: InventoryDelta): boolean {
  return (
    d.cluster === undefined &&
    d.sources === undefined &&
    d.cilium === undefined &&
    COLLECTION_NAMES.every((c) =>
      isEmptyCollectionDelta(d.collections[c] as CollectionDelta<unknown> | undefined),
    )
  );
}

/** One collection of a delta applied to that collection's items (unchanged: the same array). */
export function applyCollectionDelta<K extends CollectionName>(
  c: K,
  prev: ItemOf<K>[],
  delta: InventoryDelta,
): ItemOf<K>[] {
  const d = delta.collections[c] as CollectionDelta<ItemOf<K>> | undefined;
  return d ? applyCollection(prev, d, COLLECTIONS[c].key) : prev;
}

/** The next inventory, or null when `prev` is not the version the delta starts from (refetch). */
export function applyInventoryDelta(prev: Inventory, delta: InventoryDelta): Inventory | null {
  if (prev.version !== delta.fromVersion) return null;
  const next: Inventory = { ...prev, ...applyDeltaToMeta(prev, delta) };
  for (const c of COLLECTION_NAMES)
    (next as unknown as Record<string, unknown>)[c] = applyCollectionDelta(c, prev[c] as never, delta);
  return next;
}
