import type { ClusterInfo, ClusterState, SourceStatus } from '../../cilium/cluster-state';
import type { ArpEvidenceInput } from '../arp/evidence';
import type { InventoryCollections, InventoryMeta } from '../types';
import type { Change } from '../view/history-wire';

// A snapshot: the whole state of one cluster at one moment, in one JSON file someone without
// access to the cluster can open (`lbipam start --snapshot FILE`, or by upload). The trimmed
// objects are what the dashboard rebuilds every screen from; the inventory beside them is for
// readers without the dashboard (jq, a diff tool), and is never trusted when a snapshot is opened.

export const SNAPSHOT_KIND = 'lbipam.snapshot';
export const SNAPSHOT_VERSION = 1;

export interface Snapshot {
  kind: typeof SNAPSHOT_KIND;
  version: typeof SNAPSHOT_VERSION;
  /** ISO time the objects were read (the time every rule judges them at, e.g. lease expiry). */
  takenAt: string;
  cluster: Pick<ClusterInfo, 'name' | 'origin' | 'server' | 'context' | 'seed'>;
  cilium: InventoryMeta['cilium'] | null;
  /** The sources' states when it was taken (a partial picture says so). */
  sources: SourceStatus[];
  /** The trimmed objects, as lib/kube keeps them. */
  objects: ClusterState;
  /** What the ARP/NDP probers had heard (the verdicts are judged again from it); null without one. */
  evidence?: ArpEvidenceInput | null;
  inventory: InventoryCollections;
  /** Allocation history recorded before it was taken (issue 12), newest first; absent without history. */
  history?: SnapshotHistory;
}

export interface SnapshotHistory {
  /** The oldest time included. */
  since: string;
  /** More changes were recorded in that span than the file carries. */
  truncated: boolean;
  changes: Change[];
}
