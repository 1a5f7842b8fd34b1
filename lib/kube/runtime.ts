import 'server-only';
import { ClusterWatch } from './cluster-watch';
import { loadKubeConfig } from './config';
import { buildFromFeedInput } from './build';
import { nextLeaseExpiry } from '../inventory/announcer';
import { InventoryFeed } from './inventory-feed';
import { collectWhenIdle } from './idle-gc';

// Process-wide singletons. Next may evaluate this module more than once (route bundles,
// instrumentation), so the one watch and the one feed live on globalThis, started on first use and
// shared by every request and SSE client.

export type KubeRuntime =
  { ok: true; watch: ClusterWatch; feed: InventoryFeed } | { ok: false; error: string };

const slot = Symbol.for('lbipam.kube.runtime');
type Holder = { [slot]?: { watch: ClusterWatch; feed: InventoryFeed } };

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
  const feed = new InventoryFeed(watch, (input) => buildFromFeedInput(input, { ciliumVersion }), {
    nextTimeChange: (state, after) => nextLeaseExpiry(Array.isArray(state.leases) ? state.leases : [], after),
  });
  holder[slot] = { watch, feed };
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
  return { ok: true, watch, feed };
}

/** Stops and forgets the singletons (tests, or a future "switch cluster"). */
export async function resetKubeRuntime(): Promise<void> {
  const holder = globalThis as Holder;
  const existing = holder[slot];
  delete holder[slot];
  await existing?.feed.stop();
}
