import 'server-only';
import { nextLeaseExpiry } from '../inventory/announcer';
import type { Inventory } from '../inventory/types';
import { buildFromFeedInput } from './build';
import { ClusterWatch } from './cluster-watch';
import { loadKubeConfig } from './config';
import { InventoryFeed, type FeedInput } from './inventory-feed';

// One inventory of a cluster, read once and let go: for commands (`lbipam export`, `lbipam
// snapshot`) that want what the dashboard would show right now, by the same watch, feed and build
// the server runs, so a command and a screen never disagree.

export interface ReadOnce {
  inventory: Inventory;
  /** What the inventory was built from (a snapshot's objects). */
  input: FeedInput;
}

/**
 * Reads the cluster the LBIPAM_* variables of `env` name (as `lbipam start` sets them), waits at
 * most `timeoutMs` for the first inventory, then stops every watch. Throws with the reason when the
 * kubeconfig is unreadable or the cluster did not answer in time.
 */
export async function readInventoryOnce(
  env: Record<string, string | undefined>,
  timeoutMs: number,
): Promise<ReadOnce> {
  const loaded = loadKubeConfig(env);
  const watch = new ClusterWatch(loaded.kc, loaded.info);
  const { ciliumVersion } = loaded;
  const feed = new InventoryFeed(watch, (input) => buildFromFeedInput(input, { ciliumVersion }), {
    nextTimeChange: (state, after) => nextLeaseExpiry(state.leases, after),
  });
  feed.start();
  try {
    const frozen = (await feed.ready(timeoutMs)) ? feed.freeze() : null;
    if (!frozen) throw new Error(feed.notReadyReason());
    return frozen;
  } finally {
    await feed.stop();
  }
}
