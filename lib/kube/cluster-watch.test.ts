import { afterEach, describe, expect, it } from 'vitest';
import type { SourceState } from '../cilium/cluster-state';
import { startApiServer } from '../sim/server';
import { createStore, type Store } from '../sim/store';
import { ClusterWatch } from './cluster-watch';
import { startDenyProxy, type DenyProxy } from './testing/deny-proxy';
import { fixtureObjects } from './testing/fixtures';
import { loopbackKubeConfig } from './testing/kubeconfig';
import type { SourceKey } from './sources';

// The informers against the embedded API server over loopback: real HTTP, real client-node.

const fast = {
  backoffBaseMs: 50,
  backoffMaxMs: 200,
  unreachableMaxMs: 200,
  staleAfterMs: 400,
  slowRetryMs: 150,
};
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function seededStore(): Store {
  const store = createStore();
  for (const obj of fixtureObjects) store.create(obj, { withStatus: true });
  return store;
}

async function serve(store: Store, port = 0, bookmarkIntervalMs?: number) {
  const server = await startApiServer({ store, port, host: '127.0.0.1', bookmarkIntervalMs });
  return server;
}

function watchOf(url: string, only?: SourceKey[]): ClusterWatch {
  const info = { name: 'test', origin: 'embedded' as const, server: url, readOnly: true };
  const watch = new ClusterWatch(loopbackKubeConfig(url), info, { timing: fast, only });
  cleanups.push(() => watch.stop());
  watch.start();
  return watch;
}

async function waitFor(what: string, ok: () => boolean, timeoutMs = 8_000): Promise<void> {
  const t0 = Date.now();
  while (!ok()) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const stateOf = (w: ClusterWatch, key: SourceKey) => w.statuses().find((s) => s.source === key)!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const LEASE = { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease' };
const lists = (proxy: DenyProxy, path: string) =>
  proxy.requests.filter((r) => r === path || (r.startsWith(`${path}?`) && !r.includes('watch=true')));
const watchesOf = (proxy: DenyProxy, path: string) =>
  proxy.requests.filter((r) => r.startsWith(`${path}?`) && r.includes('watch=true'));
const allIn = (w: ClusterWatch, state: SourceState) => w.statuses().every((s) => s.state === state);

describe('cluster watch over the embedded API server', () => {
  it('fills ClusterState from every source, trimmed and filtered', async () => {
    const server = await serve(seededStore());
    cleanups.push(() => server.close());
    const watch = watchOf(server.url);
    await waitFor('all sources live', () => allIn(watch, 'live'));

    const state = watch.state();
    expect(state.pools.map((p) => p.metadata.name)).toEqual(['home']);
    expect(state.pools[0].spec.blocks).toEqual([{ start: '192.168.0.220', stop: '192.168.0.239' }]);
    expect(state.l2Policies.map((p) => p.metadata.name)).toEqual(['l2']);
    expect(state.gateways.map((g) => g.metadata.name)).toEqual(['internal']);
    expect(state.nodes.map((n) => n.metadata.name)).toEqual(['k8s-1']);
    expect(state.leases.map((l) => l.metadata.name)).toEqual(['cilium-l2announce-media-jellyfin']);
    expect(state.events.map((e) => e.metadata.name)).toEqual(['jellyfin.1']);
    const svc = state.services.find((s) => s.metadata.name === 'jellyfin')!;
    expect(svc.metadata.annotations).toEqual({ 'lbipam.cilium.io/ips': '192.168.0.224' });
    expect(JSON.stringify(state)).not.toContain('managedFields');
  });

  it('follows creates and deletes made through the store', async () => {
    const store = seededStore();
    const server = await serve(store);
    cleanups.push(() => server.close());
    const watch = watchOf(server.url);
    await waitFor('services live', () => stateOf(watch, 'services').state === 'live');
    let changes = 0;
    watch.onChange(() => changes++);

    store.create({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', namespace: 'media' },
      spec: { type: 'LoadBalancer', ports: [{ port: 80 }] },
    });
    await waitFor('web to appear', () => watch.state().services.some((s) => s.metadata.name === 'web'));
    expect(changes).toBeGreaterThan(0);
    store.delete({ apiVersion: 'v1', kind: 'Service', namespace: 'media', name: 'web' });
    await waitFor('web to go', () => !watch.state().services.some((s) => s.metadata.name === 'web'));
  });

  it('goes reconnecting, then stale, when the API server stops, and live again when it returns on the same port', async () => {
    const store = seededStore();
    const first = await serve(store);
    const watch = watchOf(first.url);
    await waitFor('all sources live', () => allIn(watch, 'live'));
    const before = watch.state();

    await first.close();
    await waitFor('sources reconnecting', () => allIn(watch, 'reconnecting'));
    const down = stateOf(watch, 'services');
    // Refused on a new connection, or reset on one the server dropped while closing: either is "down".
    expect(down.error).toMatchObject({ status: 0, code: expect.stringMatching(/^ECONN(REFUSED|RESET)$/) });
    expect(down.message).toBeUndefined(); // worded by lib/cilium/source-summary, not a raw string
    expect(watch.state()).toEqual(before); // last known data stays on screen while reconnecting
    await waitFor('sources stale', () => allIn(watch, 'stale'));
    expect(stateOf(watch, 'services').since).toBe(down.since); // "stale since" = when it went down

    store.create({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'late', namespace: 'media' },
      spec: { type: 'LoadBalancer', ports: [{ port: 81 }] },
    });
    const second = await serve(store, first.port);
    cleanups.push(() => second.close());
    await waitFor('sources live again', () => allIn(watch, 'live'));
    await waitFor('the Service created while down', () =>
      watch.state().services.some((s) => s.metadata.name === 'late'),
    );
  });

  it('marks leases forbidden on 403 and keeps the other sources live', async () => {
    const server = await serve(seededStore());
    cleanups.push(() => server.close());
    const proxy = await startDenyProxy(server.url, [{ match: /\/leases$/, code: 403 }]);
    cleanups.push(() => proxy.close());
    const watch = watchOf(proxy.url);
    await waitFor('leases forbidden', () => stateOf(watch, 'leases').state === 'forbidden');
    expect(stateOf(watch, 'leases').message).toBe('no permission to read leases');
    await waitFor('others live', () =>
      watch
        .statuses()
        .filter((s) => s.source !== 'leases')
        .every((s) => s.state === 'live'),
    );
    expect(watch.state().leases).toEqual([]);
    expect(watch.state().services.length).toBeGreaterThan(0);
    // Leases are optional: the inventory need not wait for them.
    expect(stateOf(watch, 'leases')).toMatchObject({ required: false, error: { status: 403 } });
    expect(watch.requiredListed()).toBe(true);
  });

  it('waits for a required source the dashboard may not read: no first inventory without Services', async () => {
    const server = await serve(seededStore());
    cleanups.push(() => server.close());
    const proxy = await startDenyProxy(server.url, [{ match: /^\/api\/v1\/services$/, code: 403 }]);
    cleanups.push(() => proxy.close());
    const watch = watchOf(proxy.url);
    await waitFor('services forbidden', () => stateOf(watch, 'services').state === 'forbidden');
    await waitFor('pools live', () => stateOf(watch, 'pools').state === 'live');
    expect(stateOf(watch, 'services').required).toBe(true);
    expect(watch.requiredListed()).toBe(false);
    proxy.setRules([]);
    await waitFor('services live', () => stateOf(watch, 'services').state === 'live');
    expect(watch.requiredListed()).toBe(true);
  });

  it('marks gateways missing when Gateway API is not installed, and picks them up once it is', async () => {
    const server = await serve(seededStore());
    cleanups.push(() => server.close());
    const proxy: DenyProxy = await startDenyProxy(server.url, [
      { match: /^\/apis\/gateway\.networking\.k8s\.io\//, code: 404 },
    ]);
    cleanups.push(() => proxy.close());
    const watch = watchOf(proxy.url);
    await waitFor('gateways missing', () => stateOf(watch, 'gateways').state === 'missing');
    expect(stateOf(watch, 'gateways').message).toBe(
      'Gateway API is not installed: gateway names and route hostnames are not shown',
    );
    await waitFor('others live', () =>
      watch
        .statuses()
        // HTTPRoutes are Gateway API too: missing with it.
        .filter((s) => s.source !== 'gateways' && s.source !== 'httpRoutes')
        .every((s) => s.state === 'live'),
    );

    proxy.setRules([]);
    await waitFor('gateways live', () => stateOf(watch, 'gateways').state === 'live');
    expect(watch.state().gateways.map((g) => g.metadata.name)).toEqual(['internal']);
  });

  it('reads pools from cilium.io/v2alpha1 when v2 is not served', async () => {
    const server = await serve(seededStore());
    cleanups.push(() => server.close());
    const proxy = await startDenyProxy(server.url, [{ match: /^\/apis\/cilium\.io\/v2(\/|$)/, code: 404 }]);
    cleanups.push(() => proxy.close());
    const watch = watchOf(proxy.url);
    await waitFor('pools live', () => stateOf(watch, 'pools').state === 'live');
    expect(watch.state().pools.map((p) => [p.apiVersion, p.metadata.name])).toEqual([
      ['cilium.io/v2alpha1', 'home'],
    ]);
  });

  it('keeps a lease renewal without telling anyone, and tells of a new holder', async () => {
    const store = seededStore();
    const server = await serve(store);
    cleanups.push(() => server.close());
    const watch = watchOf(server.url, ['leases']);
    await waitFor('leases live', () => stateOf(watch, 'leases').state === 'live');
    const ref = { ...LEASE, namespace: 'kube-system', name: 'cilium-l2announce-media-jellyfin' };
    const write = (spec: Record<string, unknown>) => {
      const lease = structuredClone(store.get(ref)!) as unknown as { spec: Record<string, unknown> };
      store.update({ ...lease, spec: { ...lease.spec, ...spec } });
    };
    const renewTime = () => watch.state().leases[0]?.spec.renewTime;
    let changes = 0;
    watch.onChange(() => changes++);

    // The fixture's lease was never renewed: the first renewal makes it held, which is news.
    const first = new Date().toISOString();
    write({ renewTime: first });
    await waitFor('the first renewal', () => renewTime() === first);
    expect(changes).toBe(1);

    // A renewal of a held lease: state() has it (the feed's clock needs it), nobody is told.
    const second = new Date(Date.now() + 1_000).toISOString();
    write({ renewTime: second });
    await waitFor('the second renewal', () => renewTime() === second);
    await sleep(100);
    expect(changes).toBe(1);

    write({ holderIdentity: 'k8s-2', renewTime: new Date(Date.now() + 2_000).toISOString() });
    await waitFor('the new holder', () => watch.state().leases[0]?.spec.holderIdentity === 'k8s-2');
    expect(changes).toBe(2);
  });

  it('lists again, staying live, when the watch history no longer reaches its resourceVersion (410)', async () => {
    const store = seededStore();
    const server = await serve(store);
    cleanups.push(() => server.close());
    const proxy = await startDenyProxy(server.url, []);
    cleanups.push(() => proxy.close());
    const watch = watchOf(proxy.url, ['services']);
    await waitFor('services live', () => stateOf(watch, 'services').state === 'live');
    const seen = new Set<string>();
    watch.onChange(() => seen.add(stateOf(watch, 'services').state));
    expect(lists(proxy, '/api/v1/services')).toHaveLength(1);

    // The next watch is told 410 Expired (as an API server whose history was compacted says it).
    proxy.setRules([{ match: /^\/api\/v1\/services$/, code: 410, watch: true, times: 1 }]);
    proxy.endWatches();
    store.create({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'after-gone', namespace: 'media' },
      spec: { type: 'LoadBalancer', ports: [{ port: 82 }] },
    });
    await waitFor('a second list', () => lists(proxy, '/api/v1/services').length === 2);
    await waitFor('the Service created meanwhile', () =>
      watch.state().services.some((s) => s.metadata.name === 'after-gone'),
    );
    expect(watchesOf(proxy, '/api/v1/services').length).toBeGreaterThanOrEqual(3);
    expect([...seen]).toEqual(['live']);
  });

  it('resumes a watch the server ended from the last resourceVersion it saw (bookmarks too), without listing again', async () => {
    const store = seededStore();
    const server = await serve(store, 0, 50);
    cleanups.push(() => server.close());
    const proxy = await startDenyProxy(server.url, []);
    cleanups.push(() => proxy.close());
    const watch = watchOf(proxy.url, ['nodes']);
    await waitFor('nodes live', () => stateOf(watch, 'nodes').state === 'live');
    const [firstWatch] = watchesOf(proxy, '/api/v1/nodes');
    expect(new URL(firstWatch, 'http://x').searchParams.get('allowWatchBookmarks')).toBe('true');

    // Writes elsewhere move the resourceVersion; the nodes watch only hears of it through bookmarks.
    store.create({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'elsewhere', namespace: 'media' },
      spec: { type: 'LoadBalancer', ports: [{ port: 83 }] },
    });
    const rv = store.resourceVersion();
    await sleep(200);
    proxy.endWatches();
    await waitFor('a second watch', () => watchesOf(proxy, '/api/v1/nodes').length === 2);
    const resumed = new URL(watchesOf(proxy, '/api/v1/nodes')[1], 'http://x').searchParams;
    expect(resumed.get('resourceVersion')).toBe(rv);
    expect(lists(proxy, '/api/v1/nodes')).toHaveLength(1);
    expect(stateOf(watch, 'nodes').state).toBe('live');
  });
});
