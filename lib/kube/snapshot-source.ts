import 'server-only';
import { readFileSync } from 'node:fs';
import type { ClusterInfo, ClusterState, SourceStatus } from '../cilium/cluster-state';
import {
  buildSnapshotInventory,
  parseSnapshot,
  snapshotCluster,
  snapshotTime,
  type Snapshot,
} from '../inventory/snapshot';
import { InventoryFeed, type FeedSource } from './inventory-feed';

// A snapshot file in the place of a cluster: the feed's input, frozen. The same feed, build and
// screens as a live cluster; its state never changes, its sources stay as they were when it was
// taken, and every rule judges it at the moment it was taken (a lease does not "expire" since).

export class SnapshotSource implements FeedSource {
  readonly info: ClusterInfo;

  constructor(readonly snapshot: Snapshot) {
    this.info = snapshotCluster(snapshot);
  }

  start(): void {}
  async stop(): Promise<void> {}
  state(): ClusterState {
    return this.snapshot.objects;
  }
  statuses(): SourceStatus[] {
    return this.snapshot.sources;
  }
  requiredListed(): boolean {
    return true;
  }
  settled(): boolean {
    return true;
  }
  onChange(): () => void {
    return () => {};
  }
}

/** The snapshot of LBIPAM_SNAPSHOT, read and checked; throws with the file and what is wrong. */
export function loadSnapshotFile(path: string): Snapshot {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new Error(`cannot read snapshot ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const parsed = parseSnapshot(text);
  if (!parsed.ok) throw new Error(`snapshot ${path}: ${parsed.error}`);
  return parsed.snapshot;
}

/**
 * A feed over a snapshot: one build; its clock stands at the snapshot's time (what the inventory
 * is judged at, what a snapshot taken of it says), so no tick ever finds that time has moved.
 */
export function snapshotFeed(source: SnapshotSource): InventoryFeed {
  const takenAt = snapshotTime(source.snapshot);
  return new InventoryFeed(
    source,
    () => {
      const r = buildSnapshotInventory(source.snapshot);
      if (!r.ok) throw new Error(r.error);
      return r.built;
    },
    { nextTimeChange: () => null, now: () => takenAt },
  );
}
