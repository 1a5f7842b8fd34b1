import 'server-only';
import { ClusterWatch } from './cluster-watch';
import { loadKubeConfig } from './config';
import { buildWithProbes } from './build';
import { nextLeaseExpiry } from '../inventory/announcer';
import { InventoryFeed, type FeedSource } from './inventory-feed';
import { collectWhenIdle } from './idle-gc';
import { createProbeHub, type ProbeHub } from '../probe/hub';
import { withEvidence } from './evidence-source';
import { liveServiceReads, snapshotServiceReads, type ServiceReads } from './service-reads';
import { loadSnapshotFile, SnapshotSource, snapshotFeed } from './snapshot-source';
import { snapshotTime } from '../inventory/snapshot';
import type { HistoryService } from '../history/service';
import { snapshotHistory, startHistory } from './history-runtime';

// Process-wide singletons. Next may evaluate this module more than once (route bundles,
// instrumentation), so the one watch and the one feed live on globalThis, started on first use and
// shared by every request and SSE client. With LBIPAM_SNAPSHOT (`lbipam start --snapshot FILE`)
// the "watch" is the snapshot file, frozen; everything downstream is the same.

export interface Runtime {
  watch: FeedSource;
  feed: InventoryFeed;
  /** The ARP/NDP evidence (probers, agents, the demo's simulated segment); none for a snapshot. */
  probes: ProbeHub | null;
  /** Where the IP page reads a Service's YAML and Events. */
  reads: ServiceReads;
  /** The time reads on demand are judged at (lease ages): now, or the moment a snapshot was taken. */
  clock: () => Date;
  /** Allocation history (lib/history): recorded from the feed, read by /api/history. */
  history: HistoryService | null;
}

export type KubeRuntime = ({ ok: true } & Runtime) | { ok: false; error: string };

const slot = Symbol.for('lbipam.kube.runtime');
type Holder = { [slot]?: Runtime };

export function getKubeRuntime(): KubeRuntime {
  const holder = globalThis as Holder;
  const existing = holder[slot];
  if (existing) return { ok: true, ...existing };
  let runtime: Runtime;
  try {
    runtime = process.env.LBIPAM_SNAPSHOT ? snapshotRuntime(process.env.LBIPAM_SNAPSHOT) : clusterRuntime();
  } catch (err) {
    // Not cached: the operator may fix the kubeconfig without restarting the dashboard.
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  holder[slot] = runtime;
  runtime.feed.start();
  // The first inventory ends the start's burst of allocation (seed, lists, first build); from then
  // on the heap is collected whenever the server falls idle after a burst (./idle-gc.ts).
  collectWhenIdle(
    new Promise<void>((resolve) => {
      const stop = runtime.feed.subscribe((delta) => {
        if (delta !== null) return;
        stop();
        resolve();
      });
    }),
  );
  return { ok: true, ...runtime };
}

function clusterRuntime(): Runtime {
  const loaded = loadKubeConfig();
  const watch = new ClusterWatch(loaded.kc, loaded.info);
  const { ciliumVersion } = loaded;
  const probes = createProbeHub({ origin: loaded.info.origin, seed: loaded.info.seed });
  const feed = new InventoryFeed(
    withEvidence(watch, probes),
    (input) => buildWithProbes(input, probes, { ciliumVersion }),
    {
      nextTimeChange: (state, after) =>
        nextLeaseExpiry(Array.isArray(state.leases) ? state.leases : [], after),
    },
  );
  const history = startHistory(loaded.kc, loaded.info, feed);
  return { watch, feed, probes, reads: liveServiceReads(loaded.kc), clock: () => new Date(), history };
}

function snapshotRuntime(path: string): Runtime {
  const source = new SnapshotSource(loadSnapshotFile(path));
  const takenAt = snapshotTime(source.snapshot);
  return {
    watch: source,
    feed: snapshotFeed(source),
    probes: null,
    reads: snapshotServiceReads(source.state()),
    clock: () => new Date(takenAt),
    history: snapshotHistory(source.snapshot),
  };
}

/** Stops and forgets the singletons (tests, or a future "switch cluster"). */
export async function resetKubeRuntime(): Promise<void> {
  const holder = globalThis as Holder;
  const existing = holder[slot];
  delete holder[slot];
  existing?.probes?.stop();
  await existing?.history?.stop();
  await existing?.feed.stop();
}
