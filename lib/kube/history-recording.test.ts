import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryConfig } from '../history/config';
import { HistoryService } from '../history/service';
import { backends } from '../history/testing/backends';
import { startEmbeddedCluster, type EmbeddedCluster } from '../sim/embedded';
import { buildFromFeedInput } from './build';
import { ClusterWatch } from './cluster-watch';
import { loadKubeConfig } from './config';
import { LeaseElector } from './history-lease';
import { InventoryFeed } from './inventory-feed';

// Recording from the one inventory feed over the embedded cluster (a real API server), on PGlite
// and on a real PostgreSQL: what moved is stored once, what changed while no dashboard watched is
// found at the next start, and the dashboard goes on without a database.

const config: HistoryConfig = {
  enabled: true,
  databaseUrl: null,
  dataDir: null,
  retentionDays: 90,
  lease: null,
  identity: 'test',
};

async function until<T>(
  what: string,
  get: () => Promise<T | null | undefined | false> | T | null | undefined | false,
  ms = 15_000,
): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = await get();
    if (v) return v;
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const service = (name: string, ip?: string) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace: 'default', annotations: ip ? { 'lbipam.cilium.io/ips': ip } : {} },
  spec: { type: 'LoadBalancer', ports: [{ name: 'http', port: 80, protocol: 'TCP' }] },
});
const serviceRef = (name: string) => ({ apiVersion: 'v1', kind: 'Service', namespace: 'default', name });

let cluster: EmbeddedCluster | undefined;
const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const s of stops.splice(0).reverse()) await s().catch(() => undefined);
  await cluster?.stop();
  cluster = undefined;
});

async function demo() {
  cluster = await startEmbeddedCluster({ seed: 'demo', l2RetryPeriodMs: 0 });
  const loaded = loadKubeConfig({ LBIPAM_KUBECONFIG: cluster.kubeconfigPath, LBIPAM_ORIGIN: 'embedded' });
  const feed = () => {
    const f = new InventoryFeed(new ClusterWatch(loaded.kc, loaded.info), buildFromFeedInput);
    f.start();
    stops.push(() => f.stop());
    return f;
  };
  return { cluster, kc: loaded.kc, feed };
}

function recording(
  feed: InventoryFeed,
  open: HistoryService['config'] extends never ? never : () => Promise<import('../history/db').SqlDb>,
  extra: ConstructorParameters<typeof HistoryService>[2] = {},
) {
  const h = new HistoryService('embedded demo', config, { open, retryMs: { base: 100, max: 300 }, ...extra });
  h.start();
  feed.subscribe((_d, inv) => h.offer(inv));
  const cur = feed.current();
  if (cur) h.offer(cur);
  stops.push(() => h.stop());
  return h;
}

const ipOf = (feed: InventoryFeed, name: string) =>
  feed.current()?.services.find((s) => s.name === name && s.ips.length > 0)?.ips[0];

for (const backend of backends()) {
  describe.skipIf(backend.skip !== null)(`history recording on ${backend.name}`, () => {
    beforeAll(() => backend.setup(), 60_000);
    afterAll(() => backend.teardown());

    it('records an address allocated, released and taken by another Service, and a pool edit, once each', async () => {
      const { cluster, feed } = await demo();
      const f = feed();
      const h = recording(f, await backend.reopenable());
      await until('recording', () => h.status().state === 'recording' && h.store());
      const store = h.store()!;
      // The first start is a baseline: the demo's allocations are not "changes".
      await until('the baseline', async () => (await store.lastState('embedded demo')) !== null);
      expect(await store.count('embedded demo')).toBe(0);

      cluster.store.create(service('whoami'));
      const ip = await until('whoami to get an address', () => ipOf(f, 'whoami'));
      await until(
        'the allocation',
        async () => (await store.query({ cluster: 'embedded demo', ip, limit: 10 })).changes.length > 0,
      );
      cluster.store.delete(serviceRef('whoami'));
      cluster.store.create(service('echo', ip));
      await until('echo to take it', () => ipOf(f, 'echo') === ip);
      const history = await until('three changes of the address', async () => {
        const r = await store.query({
          cluster: 'embedded demo',
          ip,
          kinds: ['address.allocated', 'address.released', 'address.moved'],
          limit: 10,
        });
        const holders = r.changes.map(
          (c) => (c.after as { holders?: string[] } | null)?.holders?.[0] ?? null,
        );
        return holders.includes('default/echo') ? r.changes : null;
      });
      const holdersOverTime = history
        .slice()
        .reverse()
        .map((c) => [
          c.kind,
          (c.before as { holders: string[] } | null)?.holders ?? [],
          (c.after as { holders: string[] } | null)?.holders ?? [],
        ]);
      // Either released then allocated (two versions) or moved (one version): whoami, then echo.
      expect(holdersOverTime[0]).toEqual(['address.allocated', [], ['default/whoami']]);
      expect(holdersOverTime.at(-1)?.[2]).toEqual(['default/echo']);
      expect(history.every((c) => !c.unwatched && c.pool === 'pool')).toBe(true);

      cluster.store.patch(
        { apiVersion: 'cilium.io/v2alpha1', kind: 'CiliumLoadBalancerIPPool', name: 'pool' },
        'merge',
        {
          spec: { disabled: true },
        },
      );
      const edit = await until(
        'the pool edit',
        async () =>
          (await store.query({ cluster: 'embedded demo', kinds: ['pool.edited'], limit: 5 })).changes[0],
      );
      expect(edit).toMatchObject({ subject: 'pool', before: { disabled: false }, after: { disabled: true } });
      await h.recorder.idle();
      const all = (await store.query({ cluster: 'embedded demo', limit: 500 })).changes;
      const keys = all.map((c) => `${c.at} ${c.kind} ${c.subject}`);
      expect(new Set(keys).size).toBe(keys.length);
    });

    it('finds at the next start what changed while no dashboard watched', async () => {
      const { cluster, feed } = await demo();
      const f = feed();
      const open = await backend.reopenable();
      const first = recording(f, open);
      await until('the baseline', async () => (await first.store()?.lastState('embedded demo')) ?? null);
      await first.stop();
      cluster.store.delete({ apiVersion: 'v1', kind: 'Service', namespace: 'media', name: 'jellyfin' });
      await until(
        'jellyfin to go',
        () => f.current() && !f.current()?.services.some((s) => s.name === 'jellyfin'),
      );
      const second = recording(f, open);
      // jellyfin shared 192.168.0.229 with plex (a sharing key): the address stays, without it.
      const found = await until('the change found at start', async () => {
        const r = await second.store()?.query({ cluster: 'embedded demo', ip: '192.168.0.229', limit: 5 });
        return r?.changes.find((c) => c.kind.startsWith('address.'));
      });
      expect(found).toMatchObject({ unwatched: true, before: { holders: ['media/jellyfin'] } });
      expect((found.after as { holders: string[] } | null)?.holders ?? []).not.toContain('media/jellyfin');
      const deleted = await second
        .store()
        ?.query({ cluster: 'embedded demo', kinds: ['service.deleted'], limit: 5 });
      expect(deleted?.changes.map((c) => [c.subject, c.unwatched])).toEqual([['media/jellyfin', true]]);
    });

    it('keeps the dashboard working without a database, says why, and reconnects', async () => {
      const { cluster, feed } = await demo();
      const f = feed();
      const pg = backend.server();
      if (!pg) {
        // A data directory that is not a database: PGlite refuses it; once fixed, recording starts.
        const dir = mkdtempSync(path.join(tmpdir(), 'lbipam-corrupt-'));
        writeFileSync(path.join(dir, 'PG_VERSION'), 'not a database');
        const good = await backend.reopenable();
        const { openPglite } = await import('../history/db');
        let fixed = false;
        const h = recording(f, () => (fixed ? good() : openPglite(dir)));
        const down = await until('unavailable', () =>
          h.status().state === 'unavailable' ? h.status() : null,
        );
        expect(down.message).toMatch(/PGlite could not open its data directory .*lbipam-corrupt-/);
        expect(await f.ready(10_000)).not.toBeNull();
        fixed = true;
        await until('recording', () => h.status().state === 'recording');
        rmSync(dir, { recursive: true, force: true });
        return;
      }
      const h = recording(f, await backend.reopenable());
      await until('the baseline', async () => (await h.store()?.lastState('embedded demo')) ?? null);
      await pg.pause();
      cluster.store.create(service('meanwhile'));
      const ip = await until('meanwhile to get an address', () => ipOf(f, 'meanwhile'));
      const down = await until('unavailable', () => (h.status().state === 'unavailable' ? h.status() : null));
      expect(down.message).toMatch(/history database/);
      await pg.resume();
      await until('recording again', () => h.status().state === 'recording', 20_000);
      const found = await until(
        'the allocation made while down',
        async () =>
          (await h.store()?.query({ cluster: 'embedded demo', ip, kinds: ['address.allocated'], limit: 5 }))
            ?.changes[0],
      );
      expect(found).toMatchObject({ unwatched: true, after: { holders: ['default/meanwhile'] } });
    });

    it.runIf(backend.name === 'PostgreSQL')(
      'two replicas against one database: the Lease holder records, each change once',
      async () => {
        const { cluster, kc, feed } = await demo();
        const open = await backend.reopenable();
        const replicas = ['replica-a', 'replica-b'].map((identity) => {
          const f = feed();
          const lease = new LeaseElector(kc, {
            namespace: 'default',
            name: 'lbipam-history',
            identity,
            durationSeconds: 2,
            renewMs: 200,
          });
          return { f, lease, h: recording(f, open, { leadership: lease }) };
        });
        await until(
          'one recorder',
          () =>
            replicas.filter((r) => r.h.status().state === 'recording').length === 1 &&
            replicas.every((r) => r.h.store()),
        );
        expect(replicas.map((r) => r.h.status().state).sort()).toEqual(['reading', 'recording']);
        cluster.store.create(service('once'));
        const ip = await until(
          'an address',
          () => ipOf(replicas[0].f, 'once') && ipOf(replicas[1].f, 'once'),
        );
        const store = replicas[0].h.store()!;
        await until(
          'recorded',
          async () => (await store.query({ cluster: 'embedded demo', ip, limit: 5 })).changes.length > 0,
        );
        await Promise.all(replicas.map((r) => r.h.recorder.idle()));
        await new Promise((r) => setTimeout(r, 500));
        expect(
          (
            await store.query({
              cluster: 'embedded demo',
              ip,
              kinds: ['address.allocated', 'address.released'],
              limit: 5,
            })
          ).changes.map((c) => c.kind),
        ).toEqual(['address.allocated']);

        // The recorder goes away: the other takes the Lease and records the next change, once.
        const leader = replicas.find((r) => r.lease.leading())!;
        const other = replicas.find((r) => r !== leader)!;
        await leader.h.stop();
        await until('the other to record', () => other.h.status().state === 'recording', 10_000);
        cluster.store.delete(serviceRef('once'));
        const rows = await until('the release', async () => {
          const r = await other.h.store()!.query({
            cluster: 'embedded demo',
            ip,
            kinds: ['address.allocated', 'address.released'],
            limit: 5,
          });
          return r.changes.some((c) => c.kind === 'address.released') ? r.changes : null;
        });
        expect(rows.map((c) => c.kind)).toEqual(['address.released', 'address.allocated']);
        const lease = cluster.store.get({
          apiVersion: 'coordination.k8s.io/v1',
          kind: 'Lease',
          namespace: 'default',
          name: 'lbipam-history',
        });
        expect((lease as { spec?: { holderIdentity?: string } } | undefined)?.spec?.holderIdentity).toBe(
          other.lease === other.lease ? (other === replicas[0] ? 'replica-a' : 'replica-b') : '',
        );
      },
    );
  });
}
