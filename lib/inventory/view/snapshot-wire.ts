import type { ClusterInfo } from '../../cilium/cluster-state';
import type { InventoryMeta, PoolView, ServiceView } from '../types';
import type { SnapshotDiff } from './snapshot-diff';

// What POST /api/snapshots/open and /compare answer: an uploaded snapshot rebuilt by the server,
// as the facts the allocation table expands (the browser never trusts the file's own inventory).

export interface OpenedSnapshot {
  /** The file's name as uploaded. */
  file: string;
  takenAt: string;
  cluster: ClusterInfo;
  cilium: InventoryMeta['cilium'] | null;
  pools: PoolView[];
  services: ServiceView[];
}

export interface OpenSnapshotResponse {
  snapshot: OpenedSnapshot;
}

export interface CompareSnapshotsResponse {
  before: OpenedSnapshot;
  after: OpenedSnapshot;
  diff: SnapshotDiff;
}
