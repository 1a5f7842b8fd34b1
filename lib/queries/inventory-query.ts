import { queryOptions } from '@tanstack/react-query';
import { CORE_COLLECTIONS, type CollectionName } from '../inventory/collections';
import { metaOf } from '../inventory/delta';
import type { InventoryMeta } from '../inventory/types';
import { fetchAlertMembers, fetchInventoryParts } from './fetch-inventory';
import { seedCache, type CollectionData } from './inventory-cache';
import { queryKeys } from './query-keys';

// One queryOptions factory per part of the inventory. The stream keeps every part current with
// setQueryData, so none goes stale by time and none is polled; a gap invalidates the part, which
// is the only refetch. The server already waits for the first sync before answering 503, and the
// stream's reset fills the cache the moment the cluster answers: retrying here would only delay
// showing why.

// No structural sharing: the delta applier already keeps unchanged items as the very same objects,
// and comparing 10,000 Services deeply on every update is what sharing would cost.
const live = {
  staleTime: Infinity,
  refetchOnWindowFocus: false,
  refetchOnReconnect: false,
  retry: false,
  structuralSharing: false,
} as const;

/** The meta (cluster, sources, version). Fetching it brings the core collections along. */
export const metaQueryOptions = () =>
  queryOptions<InventoryMeta>({
    queryKey: queryKeys.meta,
    queryFn: async ({ signal, client }) => {
      const parts = await fetchInventoryParts(CORE_COLLECTIONS, signal);
      seedCache(client, parts);
      return metaOf(parts);
    },
    ...live,
  });

export const collectionQueryOptions = <K extends CollectionName>(c: K) =>
  queryOptions<CollectionData<K>>({
    queryKey: queryKeys.collection(c),
    queryFn: async ({ signal, client }) => {
      // A delta the stream brought while this fetch was on its way found no cached part to advance:
      // an answer older than the meta has missed it for good, so ask again (the server is past it).
      for (let attempt = 0; ; attempt++) {
        const parts = await fetchInventoryParts([c], signal);
        const held = client.getQueryData<InventoryMeta>(queryKeys.meta)?.version ?? 0;
        if (parts.version >= held || attempt >= 2)
          return { version: parts.version, items: (parts[c] ?? []) as CollectionData<K>['items'] };
      }
    },
    ...live,
  });

/** Every member of one alert group; keyed by the group's revision, so it refetches when they change. */
export const alertMembersQueryOptions = (id: string, revision: string) =>
  queryOptions({
    queryKey: queryKeys.alertMembers(id, revision),
    queryFn: ({ signal }) => fetchAlertMembers(id, signal),
    ...live,
    gcTime: 60_000,
  });
