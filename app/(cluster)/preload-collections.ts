import 'server-only';
import { headers } from 'next/headers';
import { preload } from 'react-dom';
import type { CollectionName } from '@/lib/inventory/collections';
import { inventoryPartsUrl } from '@/lib/queries';

/**
 * For a page whose screen fetches collections the shell does not hydrate: on a document load the
 * HTML asks for them in its <head>, while the scripts load and hydrate, instead of after (at
 * 10,000 Services the Service list is megabytes of JSON, a few hundred ms sooner). The screen's
 * own fetch takes the preloaded answer: same URL, and `crossOrigin: 'anonymous'` is the CORS mode
 * a same-origin fetch() with default credentials matches. Only on a document load (the browser's
 * Sec-Fetch-Dest; Next hides its own RSC header from pages): on a client-side navigation the tab's
 * cache holds the collection already, kept live by the stream, and a hint would download it again.
 */
export async function preloadCollections(collections: readonly CollectionName[]): Promise<void> {
  if ((await headers()).get('sec-fetch-dest') !== 'document') return;
  preload(inventoryPartsUrl(collections), { as: 'fetch', crossOrigin: 'anonymous' });
}
