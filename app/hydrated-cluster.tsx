import 'server-only';
import { HydrationBoundary, dehydrate } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { CORE_COLLECTIONS } from '@/lib/inventory/collections';
import { inventoryBody } from '@/lib/kube/inventory-body';
import { getKubeRuntime } from '@/lib/kube/runtime';
import { makeQueryClient, seedCache, type InventoryParts } from '@/lib/queries';

/** How long the first render waits for the cluster's initial lists before handing over to the client. */
const firstSyncWaitMs = 3_000;

/**
 * The core collections hydrated into the page, from the server's feed in process, not over HTTP.
 * If the cluster is not readable yet, the client shows why and the stream fills the page when the
 * cluster answers.
 */
export async function HydratedCluster({ children }: { children: ReactNode }) {
  const client = makeQueryClient();
  const rt = getKubeRuntime();
  const inventory = rt.ok ? await rt.feed.ready(firstSyncWaitMs) : null;
  const body = rt.ok && inventory ? inventoryBody(rt.feed, CORE_COLLECTIONS) : null;
  // The feed's serialised JSON, parsed once: the hydrated state is exactly what the API serves.
  if (body) seedCache(client, JSON.parse(body) as InventoryParts);
  return <HydrationBoundary state={dehydrate(client)}>{children}</HydrationBoundary>;
}
