import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedCluster, type EmbeddedCluster } from '../sim/embedded';
import { buildFromFeedInput } from './build';
import { ClusterWatch } from './cluster-watch';
import { loadKubeConfig } from './config';
import { InventoryFeed } from './inventory-feed';
import { readIpDetail, type IpDetailSources } from './ip-detail';
import { liveServiceReads } from './service-reads';
import { startDenyProxy, type DenyProxy } from './testing/deny-proxy';
import { loopbackKubeConfig } from './testing/kubeconfig';

// GET /api/ips/<ip>'s reads on the embedded demo cluster over loopback: YAML and Events straight
// from the API server, the lease with its renewTime from the watch, the engine's outlook for a
// free address; and a 403 on Events (RBAC) read as a message, not a failure.

let cluster: EmbeddedCluster;
let feed: InventoryFeed;
let watch: ClusterWatch;
let proxy: DenyProxy | undefined;

beforeAll(async () => {
  cluster = await startEmbeddedCluster({ seed: 'demo', l2RetryPeriodMs: 0 });
  const { kc, info } = loadKubeConfig({
    LBIPAM_KUBECONFIG: cluster.kubeconfigPath,
    LBIPAM_ORIGIN: 'embedded',
  });
  watch = new ClusterWatch(kc, info);
  feed = new InventoryFeed(watch, buildFromFeedInput);
  feed.start();
  if (!(await feed.ready(10_000))) throw new Error(`no inventory: ${feed.notReadyReason()}`);
  cluster.store.create({
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: 'jellyfin.probe', namespace: 'media' },
    involvedObject: { kind: 'Service', namespace: 'media', name: 'jellyfin', apiVersion: 'v1' },
    reason: 'Probe',
    message: 'written by the test',
    type: 'Normal',
    count: 2,
    lastTimestamp: '2026-01-10T12:00:00Z',
  } as never);
});

afterAll(async () => {
  await proxy?.close();
  await feed?.stop();
  await cluster?.stop();
});

const sources = (kc = watch.kc): IpDetailSources => ({
  inventory: feed.current()!,
  members: (id) => feed.groupMembers(id),
  state: () => watch.state(),
  reads: liveServiceReads(kc),
  now: new Date(),
});

describe('one address read on demand', () => {
  it('a held address: its Services YAML without managedFields, their Events, the lease with renewTime', async () => {
    const d = await readIpDetail(sources(), '192.168.0.229', 4);
    expect(d.facts.holders.map((s) => s.key)).toEqual(['media/jellyfin']);
    expect(d.services.map((s) => s.key)).toEqual(['media/jellyfin', 'media/plex']);
    const [jellyfin, plex] = d.services;
    expect(jellyfin.yaml).toMatch(/^apiVersion: v1\nkind: Service\n/);
    expect(jellyfin.yaml).toContain('- ip: 192.168.0.229');
    expect(jellyfin.yaml).not.toContain('managedFields');
    expect(jellyfin.events).toMatchObject([{ reason: 'Probe', message: 'written by the test', count: 2 }]);
    expect(jellyfin.eventsTotal).toBe(1);
    expect(plex.events).toEqual([]);
    const lease = watch.state().leases.find((l) => l.metadata.name === 'cilium-l2announce-media-jellyfin');
    expect(jellyfin.lease).toMatchObject({
      name: 'cilium-l2announce-media-jellyfin',
      holder: lease?.spec.holderIdentity,
      state: 'held',
      durationSeconds: 15,
    });
    expect(jellyfin.lease?.renewTime).toEqual(expect.any(String));
    expect(plex.lease).toBeNull();
    expect(d.outlook).toBeNull();
    expect(d.alertIds).toContain('pending:media/plex');
  });

  it('a free address: the engine says which address its pool hands out next', async () => {
    const d = await readIpDetail(sources(), '192.168.0.224', 4);
    expect(d.services).toEqual([]);
    expect(d.outlook?.ranges).toMatchObject([
      { pool: 'pool', state: 'free', next: '192.168.0.223', blocked: null },
    ]);
  });

  it('without permission to read Events, the page gets the reason and the rest still comes', async () => {
    proxy = await startDenyProxy(cluster.server, [{ match: /\/events$/, code: 403 }]);
    const d = await readIpDetail(sources(loopbackKubeConfig(proxy.url)), '192.168.0.229', 4);
    expect(d.services[0].eventsError).toMatch(/^no permission to read the Events of Service media\/jellyfin/);
    expect(d.services[0].events).toEqual([]);
    expect(d.services[0].yaml).toContain('kind: Service');
  });
});
