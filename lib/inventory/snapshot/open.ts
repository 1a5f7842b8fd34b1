import type { ClusterInfo, ClusterState, SourceStatus } from '../../cilium/cluster-state';
import { buildInventoryWithAlerts, type BuiltInventory } from '../build';
import type { ArpEvidenceInput } from '../arp/evidence';
import type { Inventory } from '../types';
import type { OpenedSnapshot } from '../view/snapshot-wire';
import { parseSnapshot } from './parse';
import { SNAPSHOT_KIND, SNAPSHOT_VERSION, type Snapshot, type SnapshotHistory } from './types';

// Both directions between a moment of the data path and a snapshot: taking one from what an
// inventory was built of, and building the inventory again from one — the same pure build, at the
// snapshot's time, so every screen shows what it showed then.

/** The cluster as the header shows an opened snapshot: its name, read-only, when it was taken. */
export function snapshotCluster(s: Snapshot): ClusterInfo {
  return { ...s.cluster, readOnly: true, snapshot: { takenAt: s.takenAt } };
}

export function snapshotTime(s: Snapshot): number {
  return Date.parse(s.takenAt);
}

/**
 * The inventory of a snapshot. A file can pass the schema and still hold something the build
 * cannot read: the error says so instead of escaping.
 */
export function buildSnapshotInventory(
  s: Snapshot,
): { ok: true; built: BuiltInventory } | { ok: false; error: string } {
  const cilium = s.cilium?.source === 'config' && s.cilium.version ? s.cilium.version : undefined;
  try {
    const built = buildInventoryWithAlerts(s.objects, s.evidence ?? null, {
      cluster: snapshotCluster(s),
      sources: s.sources,
      version: 0,
      now: snapshotTime(s),
      ...(cilium && { ciliumVersion: cilium }),
    });
    return { ok: true, built };
  } catch (err) {
    return {
      ok: false,
      error: `the snapshot's objects could not be read: ${err instanceof Error ? err.message : String(err)}`,
    };
  }
}

/** What an inventory was built from: the state, the sources' states and the time (lib/kube's FeedInput). */
export interface SnapshotInput {
  state: ClusterState;
  sources: SourceStatus[];
  cluster: ClusterInfo;
  now: number;
}

export function takeSnapshot(
  input: SnapshotInput,
  inventory: Inventory,
  extras: { evidence?: ArpEvidenceInput | null; history?: SnapshotHistory } = {},
): Snapshot {
  const { name, origin, server, context, seed } = input.cluster;
  const { pools, services, alerts, nodes, l2Policies, announcers, events, arp, probers } = inventory;
  return {
    kind: SNAPSHOT_KIND,
    version: SNAPSHOT_VERSION,
    takenAt: new Date(input.now).toISOString(),
    cluster: { name, origin, server, ...(context && { context }), ...(seed && { seed }) },
    cilium: inventory.cilium ?? null,
    sources: input.sources,
    objects: input.state,
    evidence: extras.evidence ?? null,
    inventory: { pools, services, alerts, nodes, l2Policies, announcers, events, arp, probers },
    ...(extras.history && { history: extras.history }),
  };
}

/** `lbipam-snapshot-<cluster>-20260110T120000Z.json` */
export function snapshotFileName(s: Pick<Snapshot, 'cluster' | 'takenAt'>): string {
  const cluster = s.cluster.name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'cluster';
  const time = s.takenAt.replace(/\.\d+/, '').replace(/[-:]/g, '');
  return `lbipam-snapshot-${cluster}-${time}.json`;
}

/** An uploaded file, checked and rebuilt: what the browser shows of it, or what is wrong with it. */
export function openSnapshotText(
  file: string,
  text: string,
): { ok: true; opened: OpenedSnapshot } | { ok: false; error: string } {
  const parsed = parseSnapshot(text);
  if (!parsed.ok) return { ok: false, error: `${file}: ${parsed.error}` };
  const built = buildSnapshotInventory(parsed.snapshot);
  if (!built.ok) return { ok: false, error: `${file}: ${built.error}` };
  const inv = built.built.inventory;
  return {
    ok: true,
    opened: {
      file,
      takenAt: parsed.snapshot.takenAt,
      cluster: inv.cluster,
      cilium: inv.cilium ?? null,
      pools: inv.pools,
      services: inv.services,
    },
  };
}
