import 'server-only';
import { HydrationBoundary, dehydrate } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Shell } from '@/components/shell/shell';
import { CORE_COLLECTIONS } from '@/lib/inventory/collections';
import { inventoryBody } from '@/lib/kube/inventory-body';
import { getKubeRuntime } from '@/lib/kube/runtime';
import { makeQueryClient, seedCache, type InventoryParts } from '@/lib/queries';

export const dynamic = 'force-dynamic';

/** How long the first render waits for the cluster's initial lists before handing over to the client. */
const firstSyncWaitMs = 3_000;

/**
 * The shell of every cluster screen. It hydrates the core collections once per visit (a layout is
 * not rendered again on client-side navigation between its pages), from the server's feed in
 * process, not over HTTP. Collections that grow with the number of Services are fetched by the
 * screens that show them. If the cluster is not readable yet, the client shows why and the stream
 * fills the page when the cluster answers.
 */
export default async function ClusterLayout({ children }: { children: ReactNode }) {
  const client = makeQueryClient();
  const rt = getKubeRuntime();
  const inventory = rt.ok ? await rt.feed.ready(firstSyncWaitMs) : null;
  const body = rt.ok && inventory ? inventoryBody(rt.feed, CORE_COLLECTIONS) : null;
  // The feed's serialised JSON, parsed once: the hydrated state is exactly what the API serves.
  if (body) seedCache(client, JSON.parse(body) as InventoryParts);
  return (
    <HydrationBoundary state={dehydrate(client)}>
      <Shell>{children}</Shell>
    </HydrationBoundary>
  );
}
