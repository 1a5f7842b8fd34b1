import 'server-only';
import { HydrationBoundary, dehydrate } from '@tanstack/react-query';
import { Suspense } from 'react';
import { Dashboard } from '@/components/dashboard/dashboard';
import { DashboardSkeleton } from '@/components/dashboard/dashboard-skeleton';
import { getKubeRuntime } from '@/lib/kube/runtime';
import { inventoryQueryOptions, makeQueryClient } from '@/lib/queries';

export const dynamic = 'force-dynamic';

/** How long the first render waits for the cluster's initial lists before handing over to the client. */
const firstSyncWaitMs = 3_000;

/**
 * Prefetches the inventory from the server's feed (in-process, not over HTTP) and hands it to the
 * client cache. If the cluster is not readable yet, the client takes over: it shows why and the
 * stream fills the page when the cluster answers.
 */
export default async function HomePage() {
  const client = makeQueryClient();
  const rt = getKubeRuntime();
  const inventory = rt.ok ? await rt.feed.ready(firstSyncWaitMs) : null;
  if (inventory) await client.prefetchQuery({ ...inventoryQueryOptions(), queryFn: () => inventory });
  return (
    <HydrationBoundary state={dehydrate(client)}>
      <Suspense fallback={<DashboardSkeleton />}>
        <Dashboard />
      </Suspense>
    </HydrationBoundary>
  );
}
