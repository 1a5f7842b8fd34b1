import 'server-only';
import type { KubeConfig } from '@kubernetes/client-node';
import type { ClusterInfo } from '../cilium/cluster-state';
import { historyConfig } from '../history/config';
import { openPglite } from '../history/db';
import { HistoryService } from '../history/service';
import type { Snapshot } from '../inventory/snapshot';
import { plural } from '../inventory/view/format';
import { LeaseElector } from './history-lease';
import type { InventoryFeed } from './inventory-feed';

// History for the live runtime: the configured database, the Lease when replicas elect their
// recorder, fed by every version of the one inventory feed (lib/history/recorder.ts keeps the
// feed's notify free of database work). A bad history setting turns history off with the reason
// in the header; it never stops the dashboard.

export function startHistory(kc: KubeConfig, info: ClusterInfo, feed: InventoryFeed): HistoryService {
  let service: HistoryService;
  try {
    const config = historyConfig(process.env, info.name);
    const leadership = config.lease
      ? new LeaseElector(kc, { ...config.lease, identity: config.identity })
      : undefined;
    service = new HistoryService(info.name, config, { leadership });
  } catch (err) {
    service = new HistoryService(info.name, disabledConfig(), {});
    service.start();
    service.disable(err instanceof Error ? err.message : String(err));
    return service;
  }
  service.start();
  feed.observe((_delta, inventory) => service.offer(inventory));
  const current = feed.current();
  if (current) service.offer(current);
  return service;
}

/** A snapshot's history, in an in-memory PGlite for the same reads as a live one (none recorded). */
export function snapshotHistory(snapshot: Snapshot): HistoryService | null {
  const h = snapshot.history;
  if (!h) return null;
  const service = new HistoryService(
    snapshot.cluster.name,
    { ...disabledConfig(), enabled: true },
    {
      open: () => openPglite(null),
      seed: {
        changes: h.changes,
        message: `the history this snapshot carries: ${plural(h.changes.length, 'change', 'changes')} since ${h.since}${h.truncated ? ' (cut: more were recorded)' : ''}`,
      },
    },
  );
  service.start();
  return service;
}

const disabledConfig = () => ({
  enabled: false,
  databaseUrl: null,
  dataDir: null,
  retentionDays: 90,
  lease: null,
  identity: 'none',
});
