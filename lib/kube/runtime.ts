import 'server-only';
import { ClusterWatch } from './cluster-watch';
import { loadKubeConfig } from './config';
import { buildWithProbes } from './build';
import { nextLeaseExpiry } from '../inventory/announcer';
import { InventoryFeed } from './inventory-feed';
import { collectWhenIdle } from './idle-gc';
import { createProbeHub, type ProbeHub } from '../probe/hub';
import { withEvidence } from './evidence-source';

// Process-wide singletons. Next may evaluate this module more than once (route bundles,
// instrumentation), so the one watch and the one feed live on globalThis, started on first use and
// shared by every request and SSE client.

export type KubeRuntime =
  { ok: true; watch: ClusterWatch; feed: InventoryFeed; probes: ProbeHub } | { ok: false; error: string };

const slot = Symbol.for('lbipam.kube.runtime');
type Holder = { [slot]?: { watch: ClusterWatch; feed: InventoryFeed; probes: ProbeHub } };

export function getKubeRuntime(): KubeRuntime {
  const holder = globalThis as Holder;
  const existing = holder[slot];
  if (existing) return { ok: true, ...existing };
  let loaded;
  try {
    loaded = loadKubeConfig();
  } catch (err) {
    // Not cached: the operator may fix the kubeconfig without restarting the dashboard.
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
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
  holder[slot] = { watch, feed, probes };
  feed.start();
  // The first inventory ends the start's burst of allocation (seed, lists, first build); from then
  // on the heap is collected whenever the server falls idle after a burst (./idle-gc.ts).
  collectWhenIdle(
    new Promise<void>((resolve) => {
      const stop = feed.subscribe((delta) => {
        if (delta !== null) return;
        stop();
        resolve();
      });
    }),
  );
  return { ok: true, watch, feed, probes };
}

/** Stops and forgets the singletons (tests, or a future "switch cluster"). */
export async function resetKubeRuntime(): Promise<void> {
  const holder = globalThis as Holder;
  const existing = holder[slot];
  delete holder[slot];
  existing?.probes.stop();
  await existing?.feed.stop();
}
