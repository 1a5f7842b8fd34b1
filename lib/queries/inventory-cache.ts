import type { QueryClient } from '@tanstack/react-query';
import { COLLECTION_NAMES, type CollectionName, type ItemOf } from '../inventory/collections';
import { applyCollectionDelta, applyDeltaToMeta, metaOf, type InventoryDelta } from '../inventory/delta';
import type { InventoryMeta } from '../inventory/types';
import type { InventoryParts } from './fetch-inventory';
import { queryKeys } from './query-keys';

// The browser's copy of the inventory: the meta and each collection a screen has asked for, each
// in its own query with the version it holds. The stream's deltas advance each cached part on its
// own; a part that missed a version is refetched alone. Pure functions over the cache (tested);
// the EventSource hook and the query options are thin layers over them.

export interface CollectionData<K extends CollectionName> {
  version: number;
  items: ItemOf<K>[];
}

/** Writes what a fetch (or the server's prefetch) brought: the meta and each collection in it. */
export function seedCache(client: QueryClient, parts: InventoryParts): void {
  const meta: InventoryMeta = metaOf(parts);
  const held = client.getQueryData<InventoryMeta>(queryKeys.meta);
  // Never step the meta back: a slow fetch must not undo a delta the stream already applied.
  if (!held || held.version <= meta.version) client.setQueryData(queryKeys.meta, meta);
  for (const c of COLLECTION_NAMES) {
    const items = parts[c];
    if (!Array.isArray(items)) continue;
    const cached = client.getQueryData<CollectionData<typeof c>>(queryKeys.collection(c));
    if (cached && cached.version > parts.version) continue;
    client.setQueryData(queryKeys.collection(c), { version: parts.version, items });
  }
}

/** What a delta means for a part holding `version`. */
export type DeltaPlan = 'apply' | 'skip' | 'refetch';

export function planDelta(
  version: number,
  delta: Pick<InventoryDelta, 'fromVersion' | 'toVersion'>,
): DeltaPlan {
  if (version === delta.fromVersion) return 'apply';
  // Fetched after the stream's delta was made: already includes it.
  if (version >= delta.toVersion) return 'skip';
  return 'refetch';
}

export { applyDeltaToMeta };

export function applyDeltaToCollection<K extends CollectionName>(
  c: K,
  data: CollectionData<K>,
  delta: InventoryDelta,
): CollectionData<K> {
  return { version: delta.toVersion, items: applyCollectionDelta(c, data.items, delta) };
}

export interface DeltaOutcome {
  applied: string[];
  refetched: string[];
}

/** Applies one delta to every part of the cache; parts that cannot take it are refetched. */
export function applyDelta(client: QueryClient, delta: InventoryDelta): DeltaOutcome {
  const out: DeltaOutcome = { applied: [], refetched: [] };
  const meta = client.getQueryData<InventoryMeta>(queryKeys.meta);
  if (meta) {
    const plan = planDelta(meta.version, delta);
    if (plan === 'apply') {
      client.setQueryData(queryKeys.meta, applyDeltaToMeta(meta, delta));
      out.applied.push('meta');
    } else if (plan === 'refetch') {
      void client.invalidateQueries({ queryKey: queryKeys.meta, exact: true });
      out.refetched.push('meta');
    }
  }
  for (const c of COLLECTION_NAMES) {
    const key = queryKeys.collection(c);
    const data = client.getQueryData<CollectionData<typeof c>>(key);
    if (!data) continue;
    const plan = planDelta(data.version, delta);
    if (plan === 'apply') {
      client.setQueryData(key, applyDeltaToCollection(c, data, delta));
      out.applied.push(c);
    } else if (plan === 'refetch') {
      void client.invalidateQueries({ queryKey: key, exact: true });
      out.refetched.push(c);
    }
  }
  return out;
}

/** The server does not know our version (or we missed a delta): refetch every part not at `version`. */
export function applyReset(client: QueryClient, version: number): string[] {
  const refetched: string[] = [];
  const meta = client.getQueryData<InventoryMeta>(queryKeys.meta);
  if (!meta || meta.version !== version) {
    void client.invalidateQueries({ queryKey: queryKeys.meta, exact: true });
    refetched.push('meta');
  }
  for (const c of COLLECTION_NAMES) {
    const key = queryKeys.collection(c);
    const data = client.getQueryData<CollectionData<typeof c>>(key);
    if (data && data.version !== version) {
      void client.invalidateQueries({ queryKey: key, exact: true });
      refetched.push(c);
    }
  }
  // Alert member lists are keyed by their group's revision; the groups' refetch renews them.
  return refetched;
}
