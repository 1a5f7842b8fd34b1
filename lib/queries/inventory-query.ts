import { queryOptions } from '@tanstack/react-query';
import type { Inventory } from '../inventory/types';
import { fetchInventory } from './fetch-inventory';
import { queryKeys } from './query-keys';

/**
 * The inventory query. The SSE stream keeps it current with setQueryData, so it never goes stale
 * by time and is never polled; a version gap invalidates it, which is the only refetch.
 */
export const inventoryQueryOptions = () =>
  queryOptions<Inventory>({
    queryKey: queryKeys.inventory,
    queryFn: ({ signal }) => fetchInventory(signal),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    // The server already waits for the first sync before answering 503, and the stream fills the
    // cache the moment the cluster answers: a retry here would only delay showing why.
    retry: false,
  });
