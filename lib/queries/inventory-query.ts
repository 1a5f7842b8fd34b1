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
  });
