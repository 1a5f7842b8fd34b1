import type { InventoryCollections } from './types';

// Every collection of the Inventory, declared once: its key (which drives diff and apply) and its
// tier. Adding a collection is adding a row here and a field to InventoryCollections; the delta,
// the stream, the browser cache and the empty check follow from this table.
//
// `core` collections are small (bounded by pools, rules, nodes and policies, not by Services) and
// are hydrated into every page by the shell; `on-demand` ones grow with the number of Services and
// are fetched by the screens that show them, then kept live by the same stream.

export type CollectionName = keyof InventoryCollections;
export type ItemOf<K extends CollectionName> = InventoryCollections[K][number];
export type CollectionTier = 'core' | 'on-demand';

export interface CollectionDef<K extends CollectionName> {
  key: (item: ItemOf<K>) => string;
  tier: CollectionTier;
}

export const COLLECTIONS: { [K in CollectionName]: CollectionDef<K> } = {
  pools: { key: (p) => p.name, tier: 'core' },
  alerts: { key: (a) => a.id, tier: 'core' },
  nodes: { key: (n) => n.name, tier: 'core' },
  l2Policies: { key: (p) => p.name, tier: 'core' },
  services: { key: (s) => s.key, tier: 'on-demand' },
  announcers: { key: (a) => a.key, tier: 'on-demand' },
  events: { key: (e) => e.key, tier: 'on-demand' },
  arp: { key: (v) => v.ip, tier: 'on-demand' },
  probers: { key: (p) => p.name, tier: 'core' },
};

export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as CollectionName[];

export const CORE_COLLECTIONS = COLLECTION_NAMES.filter((c) => COLLECTIONS[c].tier === 'core');

export const isCollectionName = (v: string): v is CollectionName =>
  Object.prototype.hasOwnProperty.call(COLLECTIONS, v);

/** The key of one item of collection `c` (typed, so callers never repeat the key rule). */
export const itemKey = <K extends CollectionName>(c: K, item: ItemOf<K>): string => COLLECTIONS[c].key(item);
