'use client';

import type { ClusterInfo, SourceStatus } from '@/lib/cilium/cluster-state';
import { describeHeader } from '@/lib/queries';
import { useConnection } from '@/lib/queries/providers';
import { Badge } from '../ui/badge';
import { useNow } from '../ui/use-now';
import { ConnectionIndicator } from './connection-indicator';
import { SourceWarnings } from './source-warnings';

function originLabel(c: ClusterInfo): string {
  if (c.origin === 'embedded') return 'embedded';
  if (c.origin === 'in-cluster') return 'in-cluster';
  return c.context ? `context ${c.context}` : 'kubeconfig';
}

/** Which cluster, and whether what the page shows of it is live: the tab's stream and the cluster's sources. */
export function DashboardHeader({ cluster, sources }: { cluster: ClusterInfo; sources: SourceStatus[] }) {
  const connection = useConnection();
  // Ticks only while the stream is down, for its reconnecting → stale turn; the cluster's own
  // states arrive as deltas with the time they began.
  const now = useNow(connection.status !== 'live');
  const shown = describeHeader(connection, cluster, sources, now);
  const origin = originLabel(cluster);
  return (
    <header className="border-b border-zinc-200 bg-white">
      <div className="mx-auto flex max-w-screen-2xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2.5 sm:px-6">
        <div className="flex min-w-0 items-center gap-2.5">
          <span className="whitespace-nowrap text-sm font-semibold tracking-tight text-zinc-500">
            LB-IPAM
          </span>
          <span aria-hidden className="text-zinc-300">
            /
          </span>
          <h1
            data-testid="cluster-name"
            className="truncate text-sm font-semibold text-zinc-900"
            title={cluster.server}
          >
            {cluster.name}
          </h1>
          {origin !== cluster.name ? (
            <Badge tone={cluster.origin === 'embedded' ? 'violet' : 'neutral'}>{origin}</Badge>
          ) : null}
          {cluster.readOnly ? (
            <span className="hidden sm:inline-flex">
              <Badge title="Writing to the cluster is off">read-only</Badge>
            </span>
          ) : null}
        </div>
        <div className="ml-auto flex flex-wrap items-center gap-x-4 gap-y-1">
          <SourceWarnings messages={shown.summary.messages} />
          <ConnectionIndicator shown={shown} />
        </div>
      </div>
    </header>
  );
}
