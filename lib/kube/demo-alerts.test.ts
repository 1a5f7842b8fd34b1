import { afterEach, describe, expect, it } from 'vitest';
import { startEmbeddedCluster, type EmbeddedCluster } from '../sim/embedded';
import type { Inventory } from '../inventory/types';
import { buildFromFeedInput } from './build';
import { ClusterWatch } from './cluster-watch';
import { loadKubeConfig } from './config';
import { InventoryFeed } from './inventory-feed';

// The issue-7 rules on the running embedded demo: EndpointSlices, HTTPRoutes and the
// cilium-operator Deployment read through the data path, alerts derived from them, and cleared
// again when the cluster is fixed.

let cluster: EmbeddedCluster | undefined;
let feed: InventoryFeed | undefined;
afterEach(async () => {
  await feed?.stop();
  await cluster?.stop();
  feed = cluster = undefined;
});

async function demo(env: Record<string, string> = {}) {
  cluster = await startEmbeddedCluster({ seed: 'demo' });
  const loaded = loadKubeConfig({
    LBIPAM_KUBECONFIG: cluster.kubeconfigPath,
    LBIPAM_ORIGIN: 'embedded',
    ...env,
  });
  feed = new InventoryFeed(new ClusterWatch(loaded.kc, loaded.info), (input) =>
    buildFromFeedInput(input, { ciliumVersion: loaded.ciliumVersion }),
  );
  feed.start();
  if (!(await feed.ready(10_000))) throw new Error(`no inventory: ${feed.notReadyReason()}`);
  return { cluster, feed };
}

async function until(what: string, ok: (inv: Inventory) => boolean, timeoutMs = 10_000): Promise<Inventory> {
  const t0 = Date.now();
  for (;;) {
    const inv = feed?.current();
    if (inv && ok(inv)) return inv;
    if (Date.now() - t0 > timeoutMs)
      throw new Error(`timed out waiting for ${what}: ${JSON.stringify(inv?.alerts.map((a) => a.id))}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const ids = (inv: Inventory) => inv.alerts.map((a) => a.id).sort();
const svcOf = (inv: Inventory, key: string) => inv.services.find((s) => s.key === key);
const EDGE = 'lab/cilium-gateway-edge';
const OPERATOR = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  namespace: 'kube-system',
  name: 'cilium-operator',
};
const image = (tag: string) => ({
  spec: {
    template: {
      spec: { containers: [{ name: 'cilium-operator', image: `quay.io/cilium/operator-generic:${tag}` }] },
    },
  },
});

describe('issue-7 rules on the embedded demo', () => {
  it('raises what the lab shows, with the facts behind it', async () => {
    await demo();
    const inv = await until('the lab settled', (i) =>
      i.alerts.some((a) => a.id.startsWith('shared-ip-split')),
    );
    expect(inv.cilium).toEqual({ version: '1.20.2', source: 'deployment' });
    expect(ids(inv)).toEqual([
      `local-unannounced:${EDGE}`,
      'local-unannounced:lab/metrics',
      'pending:media/plex',
      'shared-ip-split:192.168.10.2',
    ]);
    const edgeAlert = inv.alerts.find((a) => a.id === `local-unannounced:${EDGE}`);
    expect(edgeAlert).toMatchObject({
      severity: 'error',
      title: 'Nobody announces Gateway lab/edge: externalTrafficPolicy Local without a local endpoint',
    });
    expect(edgeAlert?.fix).toBe(
      "Set externalTrafficPolicy: Cluster on the Gateway's Service (Gateway lab/edge).",
    );

    const edge = svcOf(inv, EDGE);
    expect(edge).toMatchObject({
      externalTrafficPolicy: 'Local',
      l2Policies: ['policy'],
      endpointsByNode: { '': 1 },
      eligibleNodes: [],
      announcer: null,
      displayName: 'edge',
    });
    expect(edge?.hostnames?.map((h) => `${h.source} ${h.name}`)).toEqual([
      'external-dns edge.lab.example',
      'gateway-listener *.lab.example',
      'httproute grafana.lab.example',
      'httproute wiki.lab.example',
    ]);
    expect(edge?.hostnames?.[0].gateway).toEqual({ namespace: 'lab', name: 'edge', programmed: true });
    // An Envoy Gateway's Service is Local too: only the node running its proxy may announce it.
    const internal = inv.services.find((s) => s.gateway === 'networking/envoy-internal');
    expect(internal).toMatchObject({
      eligibleNodes: ['pitower-2'],
      announcer: 'pitower-2',
      endpointsByNode: { 'pitower-2': 1 },
    });
    expect(inv.nodes.find((n) => n.name === 'pitower-4')).toMatchObject({ ready: false });
  });

  it('clears the alert once the Gateway Service is externalTrafficPolicy: Cluster, and a node takes its lease', async () => {
    const { cluster } = await demo();
    await until('edge unannounced', (i) => i.alerts.some((a) => a.id === `local-unannounced:${EDGE}`));
    cluster.store.patch(
      { apiVersion: 'v1', kind: 'Service', namespace: 'lab', name: 'cilium-gateway-edge' },
      'merge',
      {
        spec: { externalTrafficPolicy: 'Cluster' },
      },
    );
    const inv = await until('edge announced', (i) => svcOf(i, EDGE)?.announcer != null);
    expect(ids(inv)).not.toContain(`local-unannounced:${EDGE}`);
    expect(svcOf(inv, EDGE)?.eligibleNodes).toEqual(['pitower-1', 'pitower-2', 'pitower-3']);
  });

  it('below 1.20.2 the Local Services are announced from nodes without a backend, and old versions warn of known bugs', async () => {
    const { cluster } = await demo();
    await until('edge unannounced', (i) => i.alerts.some((a) => a.id === `local-unannounced:${EDGE}`));
    cluster.store.patch(OPERATOR, 'merge', image('v1.18.1'));
    const inv = await until(
      'the old version judged',
      (i) => i.cilium?.version === '1.18.1' && svcOf(i, EDGE)?.announcer != null,
    );
    const edge = svcOf(inv, EDGE)!;
    const a = inv.alerts.find((x) => x.id === `local-no-backend:${EDGE}`);
    expect(a?.title).toBe(
      `Gateway lab/edge is announced from ${edge.announcer}, which has no local endpoint`,
    );
    expect(inv.alerts.find((x) => x.id === 'cilium-version:restart-reallocates')).toMatchObject({
      severity: 'warning',
      title: 'Cilium 1.18.1 may re-allocate LoadBalancer IPs when the operator restarts',
      subjects: [{ kind: 'Deployment', namespace: 'kube-system', name: 'cilium-operator' }],
    });
    expect(ids(inv)).not.toContain(`local-unannounced:${EDGE}`);
  });

  it('judges by the configured version over the image tag', async () => {
    await demo({ LBIPAM_CILIUM_VERSION: 'v1.17.0' });
    const inv = await until('configured version', (i) => i.cilium?.version === '1.17.0');
    expect(inv.cilium).toEqual({ version: '1.17.0', source: 'config' });
    expect(ids(inv)).toContain('cilium-version:restart-reallocates');
  });

  it('refuses a configured version that is not one, naming it', () => {
    expect(() => loadKubeConfig({ LBIPAM_ORIGIN: 'embedded', LBIPAM_CILIUM_VERSION: 'latest' })).toThrow(
      'invalid LBIPAM_CILIUM_VERSION: expected a Cilium version such as 1.20.2',
    );
  });
});
