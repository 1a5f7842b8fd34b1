import { afterEach, describe, expect, it } from 'vitest';
import { startEmbeddedCluster, type EmbeddedCluster } from '../sim/embedded';
import { buildFromFeedInput } from './build';
import { ClusterWatch } from './cluster-watch';
import { loadKubeConfig } from './config';
import { createInventoryEventStream } from './event-stream';
import { InventoryFeed } from './inventory-feed';
import { rowsOf } from '../inventory/testing/fixtures';

// The whole server-side path on the embedded demo cluster: informers → ClusterState → the real
// buildInventory → versions and deltas → the SSE body a browser reads.

let cluster: EmbeddedCluster | undefined;
let feed: InventoryFeed | undefined;
afterEach(async () => {
  await feed?.stop();
  await cluster?.stop();
  feed = cluster = undefined;
});

async function demoFeed() {
  cluster = await startEmbeddedCluster({ seed: 'demo', l2RetryPeriodMs: 0 });
  const { kc, info } = loadKubeConfig({
    LBIPAM_KUBECONFIG: cluster.kubeconfigPath,
    LBIPAM_ORIGIN: 'embedded',
  });
  const t0 = performance.now();
  feed = new InventoryFeed(new ClusterWatch(kc, info), buildFromFeedInput);
  feed.start();
  const first = await feed.ready(10_000);
  if (!first) throw new Error(`no inventory: ${feed.notReadyReason()}`);
  return { cluster, feed, first, firstMs: performance.now() - t0 };
}

async function until<T>(
  what: string,
  get: () => T | undefined | null | false,
  timeoutMs = 10_000,
): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = get();
    if (v) return v;
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const svc = (name: string) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace: 'default' },
  spec: { type: 'LoadBalancer', ports: [{ name: 'http', port: 80, protocol: 'TCP' }] },
});

describe('inventory feed over the embedded demo cluster', () => {
  it('shows the demo, then follows a Service created and deleted through the store', async () => {
    const { cluster, feed, first, firstMs } = await demoFeed();
    console.info(`first inventory after ${firstMs.toFixed(0)} ms`);
    expect(first.cluster).toMatchObject({ name: 'embedded demo', origin: 'embedded', readOnly: false });
    expect(first.sources.map((s) => s.state)).toEqual(first.sources.map(() => 'live'));
    expect(first.services.find((s) => s.namespace === 'media' && s.name === 'jellyfin')?.ips).toEqual([
      '192.168.0.229',
    ]);

    cluster.store.create(svc('whoami'));
    const withIp = await until('whoami to get an address', () => {
      const inv = feed.current();
      const view = inv?.services.find((s) => s.name === 'whoami' && s.ips.length > 0);
      return view && inv ? { inv, view } : null;
    });
    expect(withIp.inv.version).toBeGreaterThan(first.version);
    expect(rowsOf(withIp.inv).find((r) => r.ip === withIp.view.ips[0])?.status).toBe('allocated');

    cluster.store.delete({ apiVersion: 'v1', kind: 'Service', namespace: 'default', name: 'whoami' });
    const gone = await until('whoami to go', () => {
      const inv = feed.current();
      return inv && !inv.services.some((s) => s.name === 'whoami') ? inv : null;
    });
    expect(gone.version).toBeGreaterThan(withIp.inv.version);
    expect(rowsOf(gone).find((r) => r.ip === withIp.view.ips[0])?.status).toBe('available');
  });

  it('streams hello, then a delta for a new Service, to each of two clients, and unsubscribes both on abort', async () => {
    const { cluster, feed } = await demoFeed();
    const decoder = new TextDecoder();
    const clients = [new AbortController(), new AbortController()].map((abort) => {
      const reader = createInventoryEventStream(feed, {
        since: feed.current()?.version,
        signal: abort.signal,
      }).getReader();
      let text = '';
      const read = async (needle: string) => {
        while (!text.includes(needle)) {
          const { value, done } = await reader.read();
          if (done) throw new Error(`stream ended before ${needle}`);
          text += decoder.decode(value, { stream: true });
        }
        return text;
      };
      return { abort, read };
    });
    for (const c of clients)
      expect(await c.read('event: hello')).toMatch(/^retry: \d+\n\nevent: hello\ndata: \{"version":\d+\}\n/);
    cluster.store.create(svc('echo'));
    for (const c of clients) expect(await c.read('"name":"echo"')).toContain('event: delta');
    expect(feed.subscriberCount()).toBe(2);
    for (const c of clients) c.abort.abort();
    expect(feed.subscriberCount()).toBe(0);
  });
});
