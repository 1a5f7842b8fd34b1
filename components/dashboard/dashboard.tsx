'use client';

import { useQuery } from '@tanstack/react-query';
import { inventoryQueryOptions } from '@/lib/queries';
import { ClusterUnavailable } from './cluster-unavailable';
import { DashboardScreen } from './dashboard-screen';
import { DashboardSkeleton } from './dashboard-skeleton';

/**
 * The allocation screen's data owner. The page hydrates the cache from the server; the stream keeps
 * it current. Without hydrated data (the cluster was not synced yet) it fetches once, and the
 * stream's first snapshot fills the cache as soon as the cluster answers.
 */
export function Dashboard() {
  const query = useQuery(inventoryQueryOptions());
  if (query.data) return <DashboardScreen inventory={query.data} />;
  if (query.isError) {
    return (
      <ClusterUnavailable
        message={query.error.message}
        retrying={query.isFetching}
        onRetry={() => void query.refetch()}
      />
    );
  }
  return <DashboardSkeleton />;
}
