'use client';

import type { ReactNode } from 'react';
import { useMeta } from '@/lib/queries/use-inventory';
import { DashboardHeader } from '../header/dashboard-header';
import { ClusterUnavailable } from './cluster-unavailable';
import { DashboardSkeleton } from './dashboard-skeleton';
import { ShellNav } from './nav';

/**
 * Header, navigation and the one loading/error gate of every cluster screen. Screens below it can
 * rely on the meta and the core collections being in the cache.
 */
export function Shell({ children }: { children: ReactNode }) {
  const meta = useMeta();
  if (meta.data) {
    return (
      <div className="min-h-screen">
        <DashboardHeader cluster={meta.data.cluster} sources={meta.data.sources} cilium={meta.data.cilium} />
        <ShellNav />
        <main id="main" className="mx-auto flex max-w-screen-2xl flex-col gap-4 px-4 py-4 sm:px-6">
          {children}
        </main>
      </div>
    );
  }
  if (meta.isError) {
    return (
      <ClusterUnavailable
        message={meta.error.message}
        retrying={meta.isFetching}
        onRetry={() => void meta.refetch()}
      />
    );
  }
  return <DashboardSkeleton />;
}
