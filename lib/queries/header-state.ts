import type { ClusterInfo, SourceStatus } from '../cilium/cluster-state';
import { summarizeSources, type ClusterHealth, type SourceSummary } from '../cilium/source-summary';
import { clockTime, describeConnection, type ConnectionState, type ConnectionStatus } from './connection';

// What the header's one indicator says: the tab's stream to the dashboard AND the dashboard's
// sources in the cluster. Green only when both are live; a live stream from a dashboard that lost
// its API server is not live data. Pure: time is passed in.

/** `cluster-state`'s data-state; `starting` until the stream opened and the required sources listed. */
export type HeaderState = ClusterHealth;
export type HeaderTone = 'green' | 'amber' | 'grey' | 'neutral';

export interface HeaderIndicator {
  state: HeaderState;
  tone: HeaderTone;
  /** Pulsing: something is being retried right now. */
  busy: boolean;
  /** "live", "reconnecting to the cluster since 12:03:04", "stale since 12:03:04", "partial". */
  label: string;
  /** For the tooltip: what is wrong, in full. */
  detail: string;
  summary: SourceSummary;
  /** The tab's stream alone (a reconnect that drags on reads as stale). */
  stream: ConnectionStatus;
}

const at = (iso: string | null, now: number) => clockTime(iso ? Date.parse(iso) : now);

export function describeHeader(
  connection: ConnectionState,
  cluster: Pick<ClusterInfo, 'server'>,
  sources: readonly SourceStatus[],
  now: number,
): HeaderIndicator {
  const summary = summarizeSources(sources, cluster.server);
  const stream = describeConnection(connection, now);
  const out = (shown: Omit<HeaderIndicator, 'summary' | 'stream'>): HeaderIndicator => ({
    ...shown,
    summary,
    stream: stream.status,
  });
  // The stream first: without it, what the tab knows of the cluster is itself out of date.
  switch (stream.status) {
    case 'connecting':
      return out({
        state: 'starting',
        tone: 'neutral',
        busy: false,
        label: 'connecting',
        detail: stream.detail,
      });
    case 'reconnecting':
      return out({
        state: 'reconnecting',
        tone: 'amber',
        busy: true,
        label: 'reconnecting to the dashboard',
        detail: stream.detail,
      });
    case 'stale':
      return out({ state: 'stale', tone: 'grey', busy: false, label: stream.label, detail: stream.detail });
    case 'live':
      break;
  }

  const why = summary.messages.map((m) => m.text).join('\n');
  const asOf = `The page shows the cluster as it was at ${at(summary.since, now)}.`;
  switch (summary.state) {
    case 'live':
      return out({ state: 'live', tone: 'green', busy: false, label: 'live', detail: stream.detail });
    case 'starting':
      return out({
        state: 'starting',
        tone: 'neutral',
        busy: true,
        label: 'reading the cluster',
        detail: why || 'Listing the cluster for the first time',
      });
    case 'reconnecting':
      return out({
        state: 'reconnecting',
        tone: 'amber',
        busy: true,
        label: `reconnecting to the cluster since ${at(summary.since, now)}`,
        detail: `${why}\n${asOf}`,
      });
    case 'stale':
      return out({
        state: 'stale',
        tone: 'grey',
        busy: false,
        label: `stale since ${at(summary.since, now)}`,
        detail: `${why}\n${asOf}`,
      });
    case 'partial':
      return out({ state: 'partial', tone: 'amber', busy: false, label: 'live, partly', detail: why });
  }
}
