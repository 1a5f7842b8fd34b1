// The serialized body of an unfiltered list, kept until the next write. Listing 10,000 Services
// then costs one Buffer write instead of joining six megabytes of JSON per request; any write
// moves the store's resourceVersion and so misses the cache. A body nobody asked for in
// LIST_CACHE_IDLE_MS is dropped: informers list once and then watch, so an idle body (8 MB at the
// scale seed, stale after the first write) would otherwise stay for the life of the process.
import type { Store } from './store';

export const LIST_CACHE_IDLE_MS = 5_000;

interface Entry {
  rv: string;
  body: Buffer;
  expiry: NodeJS.Timeout;
}

const caches = new WeakMap<Store, Map<string, Entry>>();

export function cachedListBody(store: Store, key: string, build: () => string): Buffer {
  let cache = caches.get(store);
  if (!cache) caches.set(store, (cache = new Map()));
  const rv = store.resourceVersion();
  const hit = cache.get(key);
  if (hit && hit.rv === rv) {
    hit.expiry.refresh();
    return hit.body;
  }
  if (hit) clearTimeout(hit.expiry);
  const body = Buffer.from(build(), 'utf8');
  const entries = cache;
  const entry: Entry = {
    rv,
    body,
    expiry: setTimeout(() => {
      if (entries.get(key) === entry) entries.delete(key);
    }, LIST_CACHE_IDLE_MS).unref(),
  };
  entries.set(key, entry);
  return body;
}
