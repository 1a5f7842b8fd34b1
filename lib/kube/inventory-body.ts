import 'server-only';
import { COLLECTION_NAMES, isCollectionName, type CollectionName } from '../inventory/collections';
import type { InventoryFeed } from './inventory-feed';

// The body of GET /api/inventory: the inventory's meta and the collections asked for, composed
// from JSON the feed serialised once per version (a thousand page loads never re-serialise the
// Service list).

export type ParsedCollections = { ok: true; value: CollectionName[] } | { ok: false; error: string };

/** `?collections=pools,alerts` → the names, checked; absent or empty → every collection. */
export function parseCollections(param: string | null): ParsedCollections {
  if (param === null || param.trim() === '') return { ok: true, value: COLLECTION_NAMES };
  const names = param.split(',').map((s) => s.trim());
  const unknown = names.filter((n) => !isCollectionName(n));
  if (unknown.length > 0) {
    return {
      ok: false,
      error: `unknown collection '${unknown[0]}' (known: ${COLLECTION_NAMES.join(', ')})`,
    };
  }
  return { ok: true, value: [...new Set(names)] as CollectionName[] };
}

export function inventoryBody(
  feed: Pick<InventoryFeed, 'serialised'>,
  collections: readonly CollectionName[],
): string | null {
  const meta = feed.serialised('meta');
  if (meta === null) return null;
  const parts = [meta.slice(0, -1)];
  for (const c of collections) parts.push(`,${JSON.stringify(c)}:${feed.serialised(c) ?? '[]'}`);
  parts.push('}');
  return parts.join('');
}
