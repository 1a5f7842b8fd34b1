'use client';

import type { ClusterInfo, SourceStatus } from '@/lib/cilium/cluster-state';
import type { InventoryMeta } from '@/lib/inventory/types';
import { describeHeader } from '@/lib/queries';
import { useConnection } from '@/lib/queries/providers';
import { Badge } from '../ui/badge';
import { useNow } from '../ui/use-now';
import { ConnectionIndicator } from './connection-indicator';
import { SnapshotStamp } from './snapshot-stamp';
import { SessionControl } from './session-control';
import { ShareButton } from './share-button';
import { useShareMode } from '../shell/share-mode';
import { SourceWarnings } from './source-warnings';
import { HistoryStatusBadge } from '../history/history-status';

function originLabel(c: ClusterInfo): string {
  if (c.snapshot) return 'snapshot';
  if (c.origin === 'embedded') return 'embedded';
  if (c.origin === 'in-cluster') return 'in-cluster';
  return c.context ? `context ${c.context}` : 'kubeconfig';
}

/** Which cluster, and whether what the page shows of it is live: the tab's stream and the cluster's sources. */
const versionSource: Record<string, string> = {
  config: 'as configured (LBIPAM_CILIUM_VERSION)',
  deployment: 'from the image tag of kube-system/cilium-operator',
};

/** The Cilium version the rules judge by, and where it was read; an honest "unknown" otherwise. */
function CiliumVersion({ cilium }: { cilium: InventoryMeta['cilium'] }) {
  const known = cilium?.version;
  return (
    <span
      data-testid="cilium-version"
      className="hidden whitespace-nowrap font-mono text-xs text-zinc-500 md:inline"
      title={
        known
          ? `Cilium ${known}, ${versionSource[cilium?.source ?? ''] ?? 'read from the cluster'}`
          : 'The Cilium version is unknown: set LBIPAM_CILIUM_VERSION, or let the dashboard read kube-system/cilium-operator'
      }
    >
      Cilium {known ?? '?'}
    </span>
  );
}

export function DashboardHeader({
  cluster,
  sources,
  cilium,
}: {
  cluster: ClusterInfo;
  sources: SourceStatus[];
  cilium?: InventoryMeta['cilium'];
}) {
  const connection = useConnection();
  const share = useShareMode();
  // Ticks only while the stream is down, for its reconnecting → stale turn; the cluster's own
  // states arrive as deltas with the time they began.
  const now = useNow(connection.status !== 'live');
  const shown = describeHeader(connection, cluster, sources, now);
  const origin = originLabel(cluster);
  return (
    <header className="border-b border-zinc-200 bg-white print:hidden">
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
            <Badge tone={cluster.snapshot ? 'amber' : cluster.origin === 'embedded' ? 'violet' : 'neutral'}>
              {origin}
            </Badge>
          ) : null}
          {cluster.readOnly ? (
            <span className="hidden sm:inline-flex">
              <Badge title="Writing to the cluster is off">read-only</Badge>
            </span>
          ) : null}
          <CiliumVersion cilium={cilium} />
          {share ? (
            <Badge tone="blue" title="A shared view: read-only, without any control that changes something">
              shared view
            </Badge>
          ) : null}
        </div>
        <div className="ml-auto flex flex-wrap items-center gap-x-4 gap-y-1">
          <SourceWarnings messages={shown.summary.messages} />
          {cluster.snapshot || share ? null : <HistoryStatusBadge />}
          {share === 'embed' ? null : <ShareButton shared={share !== null} />}
          {share === null ? <SessionControl /> : null}
          {/* A snapshot is frozen: no claim about a stream or the cluster now, only when it was taken. */}
          {cluster.snapshot ? (
            <SnapshotStamp takenAt={cluster.snapshot.takenAt} />
          ) : (
            <ConnectionIndicator shown={shown} />
          )}
        </div>
      </div>
    </header>
  );
}
