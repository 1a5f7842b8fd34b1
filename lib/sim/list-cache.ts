// The serialized body of an unfiltered list, kept until the next write. Listing 10,000 Services
// then costs one Buffer write instead of joining six megabytes of JSON per request; any write
// moves the store's resourceVersion and so misses the cache.
import type { Store } from './store';

const caches = new WeakMap<Store, Map<string, { rv: string; body: Buffer }>>();

export function cachedListBody(store: Store, key: string, build: () => string): Buffer {
  let cache = caches.get(store);
  if (!cache) caches.set(store, (cache = new Map()));
  const rv = store.resourceVersion();
  const hit = cache.get(key);
  if (hit && hit.rv === rv) return hit.body;
  const body = Buffer.from(build(), 'utf8');
  cache.set(key, { rv, body });
  return body;
}
