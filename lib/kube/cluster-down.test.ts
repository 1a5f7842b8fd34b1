import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { summarizeSources } from '../cilium/source-summary';
import type { Inventory } from '../inventory/types';
import { kubeconfigYaml, startEmbeddedCluster, type EmbeddedCluster } from '../sim/embedded';
import { buildFromFeedInput } from './build';
import { ClusterWatch } from './cluster-watch';
import { loadKubeConfig } from './config';
import { InventoryFeed } from './inventory-feed';
import { requiredSourceKeys } from './sources';

// The dashboard's watch against an API server that is not up yet, then goes away, then comes back
// on the same port: the real embedded cluster, real client-node informers, the real inventory, and
// the default timing (this is where "live again within 5 s" is measured).

const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as { port: number };
  await new Promise((r) => srv.close(r));
  return port;
}

async function until<T>(what: string, get: () => T | null | undefined | false, timeoutMs = 10_000) {
  const t0 = performance.now();
  for (;;) {
    const v = get();
    if (v) return { value: v, ms: performance.now() - t0 };
    if (performance.now() - t0 > timeoutMs)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the watch across an API server that is late, dies and returns', () => {
  it('builds no inventory before every required source listed, goes reconnecting at once, and is live within 5 s of the return', async () => {
    const port = await freePort();
    const server = `http://127.0.0.1:${port}`;
    const dir = mkdtempSync(path.join(tmpdir(), 'lbipam-cluster-down-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const kubeconfig = path.join(dir, 'kubeconfig');
    writeFileSync(kubeconfig, kubeconfigYaml(server));
    const { kc, info } = loadKubeConfig({ LBIPAM_KUBECONFIG: kubeconfig, LBIPAM_ORIGIN: 'embedded' });
    const watch = new ClusterWatch(kc, info);
    const feed = new InventoryFeed(watch, buildFromFeedInput);
    cleanups.push(() => feed.stop());
    const firsts: Inventory[] = [];
    feed.subscribe((delta, inv) => {
      if (delta === null) firsts.push(inv);
    });
    feed.start();

    // 1. Nothing listens yet: every source reconnecting, one sentence for all of them, no inventory.
    await until('all sources reconnecting', () => watch.statuses().every((s) => s.state === 'reconnecting'));
    expect(await feed.ready(1_500)).toBeNull();
    const before = summarizeSources(watch.statuses(), info.server);
    expect(before.state).toBe('reconnecting');
    expect(before.messages.map((m) => m.text)).toEqual([
      `every source: cannot reach the API server at ${server} (connection refused)`,
    ]);
    expect(feed.notReadyReason()).toContain('waiting for pools, L2 policies, services, nodes to list');

    // 2. The API server starts late on that port: the first inventory already has every required
    //    source behind it — pools, no "held outside every pool" warnings.
    let cluster: EmbeddedCluster = await startEmbeddedCluster({
      port,
      seed: 'demo',
      kubeconfigPath: kubeconfig,
    });
    cleanups.push(() => cluster.stop());
    const { ms: firstMs } = await until('the first inventory', () => feed.current());
    expect(firsts).toHaveLength(1);
    const first = firsts[0];
    for (const key of requiredSourceKeys)
      expect(first.sources.find((s) => s.source === key)?.state, key).toBe('live');
    expect(first.pools.length).toBeGreaterThan(0);
    expect(first.alerts.filter((a) => a.rule === 'orphan-ip')).toEqual([]);
    await until('all live', () => watch.statuses().every((s) => s.state === 'live'));
    expect(summarizeSources(watch.statuses(), info.server)).toEqual({
      state: 'live',
      since: null,
      messages: [],
    });

    // 3. The API server stops: the watches die and every source says so at once.
    const stoppedAt = performance.now();
    await cluster.stop();
    const { ms: downMs } = await until(
      'all sources reconnecting',
      () => watch.statuses().every((s) => s.state === 'reconnecting'),
      2_000,
    );
    const down = summarizeSources(watch.statuses(), info.server);
    expect(down.state).toBe('reconnecting');
    expect(down.messages).toHaveLength(1);
    expect(down.messages[0].text).toMatch(/cannot reach the API server at .* \(connection refused\)$/);
    // The last known inventory stays, and tells the browser its sources are down.
    await until('the inventory to carry the outage', () =>
      feed.current()?.sources.every((s) => s.state === 'reconnecting'),
    );
    expect(feed.current()?.pools.length).toBeGreaterThan(0);

    // 4. Long enough for the backoff to reach its cap, then back on the same port.
    await sleep(8_000);
    cluster = await startEmbeddedCluster({ port, seed: 'demo', kubeconfigPath: kubeconfig });
    const { ms: upMs } = await until(
      'all sources live again',
      () => watch.statuses().every((s) => s.state === 'live'),
      5_000,
    );
    await until('the inventory to be live again', () =>
      feed.current()?.sources.every((s) => s.state === 'live'),
    );
    console.info(
      `first inventory ${firstMs.toFixed(0)} ms after the API server started; reconnecting ` +
        `${downMs.toFixed(0)} ms after it stopped (${((performance.now() - stoppedAt) / 1000) | 0} s down); ` +
        `live ${upMs.toFixed(0)} ms after it returned`,
    );
    expect(upMs).toBeLessThan(5_000);
  }, 40_000);
});
