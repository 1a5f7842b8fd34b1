'use client';

import { Suspense, type ReactNode } from 'react';
import { useMeta } from '@/lib/queries/use-inventory';
import { DashboardHeader } from '../header/dashboard-header';
import { PrintHeader } from '../header/print-header';
import { ClusterUnavailable } from './cluster-unavailable';
import { DashboardSkeleton } from './dashboard-skeleton';
import { ShellNav } from './nav';
import type { ShareKind } from './share-link';
import { ShareModeProvider, useShareMode } from './share-mode';

function ShellBody({ children }: { children: ReactNode }) {
  const meta = useMeta();
  const share = useShareMode();
  if (meta.data) {
    return (
      <div className="min-h-screen" data-shared={share ?? undefined}>
        <PrintHeader meta={meta.data} />
        <DashboardHeader cluster={meta.data.cluster} sources={meta.data.sources} cilium={meta.data.cilium} />
        {share === 'embed' ? null : <ShellNav />}
        <main id="main" className="mx-auto flex max-w-screen-2xl flex-col gap-4 px-4 py-4 sm:px-6 print:p-0">
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

/**
 * Header, navigation and the one loading/error gate of every cluster screen. Screens below it can
 * rely on the meta and the core collections being in the cache. The shared-view marker is read
 * from the URL (hence the Suspense boundary; the layout renders dynamically, so it never waits).
 */
export function Shell({ children, shared }: { children: ReactNode; shared?: ShareKind }) {
  return (
    <Suspense fallback={<DashboardSkeleton />}>
      <ShareModeProvider force={shared}>
        <ShellBody>{children}</ShellBody>
      </ShareModeProvider>
    </Suspense>
  );
}
