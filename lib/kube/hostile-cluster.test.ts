import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedCluster, type EmbeddedCluster } from '../sim/embedded';
import { buildFromFeedInput } from './build';
import { ClusterWatch } from './cluster-watch';
import { loadKubeConfig } from './config';
import { kubeRequestJson } from './http';
import { InventoryFeed } from './inventory-feed';
import { rowsOf } from '../inventory/testing/fixtures';
import type { Inventory } from '../inventory/types';

// Hostile and broken objects written to a real (embedded) API server, as anyone with write access
// to a cluster could write them: the dashboard flags them, keeps building, and keeps serving.
// Nothing here times the build; it only has to arrive.

let cluster: EmbeddedCluster;
let feed: InventoryFeed;
let kc: ReturnType<typeof loadKubeConfig>['kc'];

const POOLS = '/apis/cilium.io/v2/ciliumloadbalancerippools';
const pool = (name: string, blocks: Record<string, string>[], extra: Record<string, unknown> = {}) => ({
  apiVersion: 'cilium.io/v2',
  kind: 'CiliumLoadBalancerIPPool',
  metadata: { name },
  spec: { blocks, ...extra },
});
const service = (name: string, annotations: Record<string, string>, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace: 'default', annotations },
  spec: { type: 'LoadBalancer', ports: [{ name: 'http', port: 80, protocol: 'TCP' }], ...extra },
});
const post = (path: string, body: unknown) => kubeRequestJson(kc, 'POST', path, body);

async function until(what: string, ok: (inv: Inventory) => boolean, timeoutMs = 20_000): Promise<Inventory> {
  const t0 = Date.now();
  for (;;) {
    const inv = feed.current();
    if (inv && ok(inv)) return inv;
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  cluster = await startEmbeddedCluster({ seed: 'empty' });
  const loaded = loadKubeConfig({ LBIPAM_KUBECONFIG: cluster.kubeconfigPath, LBIPAM_ORIGIN: 'embedded' });
  kc = loaded.kc;
  feed = new InventoryFeed(new ClusterWatch(loaded.kc, loaded.info), buildFromFeedInput);
  feed.start();
  if (!(await feed.ready(10_000))) throw new Error(feed.notReadyReason());
}, 60_000);

afterAll(async () => {
  await feed?.stop();
  await cluster?.stop();
});

describe('a cluster full of hostile objects', () => {
  it('flags broken pools — unparseable CIDRs, start after stop, mixed families, the whole Internet — and keeps building', async () => {
    // The API server checks a block's CIDR format (as Cilium's CRD does), so an unparseable one never
    // reaches the dashboard through it; the pure build's own handling of one is tested with the
    // inventory (lib/inventory/fuzz.property.test.ts, pool-invalid-block).
    await expect(
      post(POOLS, pool('garbage', [{ cidr: 'not-a-cidr' }, { cidr: '10.0.0.0/99' }])),
    ).rejects.toThrow(/must be of type cidr/);
    await post(POOLS, pool('backwards', [{ start: '10.1.0.9', stop: '10.1.0.1' }]));
    await post(POOLS, pool('mixed', [{ start: '10.2.0.1', stop: '2001:db8::9' }]));
    await post(POOLS, pool('internet-v4', [{ cidr: '0.0.0.0/0' }]));
    await post(POOLS, pool('internet-v6', [{ cidr: '::/0' }]));
    await post(POOLS, pool('ok', [{ cidr: '10.3.0.0/29' }]));
    const inv = await until('the hostile pools', (i) => i.pools.length === 5);
    const alerted = new Set(inv.alerts.flatMap((a) => a.subjects.map((s) => s.name)));
    for (const name of ['backwards', 'mixed']) expect(alerted, name).toContain(name);
    expect(inv.pools.find((p) => p.name === 'internet-v6')?.total).toBe((1n << 128n).toString());
    expect(inv.pools.find((p) => p.name === 'internet-v4')?.total).toBe(String(2 ** 32));
    // The whole IPv4 Internet overlaps the good pool: Cilium marks one conflicting, and so do we.
    expect(inv.pools.some((p) => p.conflicting)).toBe(true);
    // A Service still gets an address from the pool that is whole.
    await post('/api/v1/namespaces/default/services', service('survivor', {}));
    const served = await until('survivor to get an address', (i) =>
      i.services.some((s) => s.name === 'survivor' && s.ips.length > 0),
    );
    expect(rowsOf(served).length).toBeGreaterThan(0);
  });

  it('a thousand overlapping pools', async () => {
    for (let i = 0; i < 1000; i++) await post(POOLS, pool(`overlap-${i}`, [{ cidr: `10.9.${i % 4}.0/24` }]));
    const inv = await until(
      'a thousand more pools',
      (i) => i.pools.filter((p) => p.name.startsWith('overlap-')).length === 1000,
      60_000,
    );
    expect(
      inv.pools.filter((p) => p.name.startsWith('overlap-') && p.conflicting).length,
    ).toBeGreaterThanOrEqual(996);
  }, 120_000);

  it('garbage annotations and values near the API server’s 256 KiB limit: read as Cilium reads them, never stalling', async () => {
    const big = 'x'.repeat(250 * 1024);
    await post(
      '/api/v1/namespaces/default/services',
      service('noisy', {
        'lbipam.cilium.io/ips': 'banana, 10.3.0.3, ::ffff:zz, 999.1.1.1',
        'lbipam.cilium.io/sharing-key': '',
        'lbipam.cilium.io/sharing-cross-namespace': '\u202e*',
        description: big,
      }),
    );
    const inv = await until('noisy', (i) => i.services.some((s) => s.name === 'noisy'));
    const noisy = inv.services.find((s) => s.name === 'noisy')!;
    // The parseable part of a garbage request is read as Cilium reads it; the rest is dropped, and an
    // empty sharing key is no key.
    expect(noisy.requestedIps).toEqual(['10.3.0.3']);
    expect(noisy.sharingKey).toBeNull();
    // The API server refuses what is over its limit (a 1 MB value): it never reaches the dashboard.
    await expect(
      post('/api/v1/namespaces/default/services', service('huge', { description: 'y'.repeat(1024 * 1024) })),
    ).rejects.toThrow(/annotations/i);
    // Still building: a later change is seen.
    await post('/api/v1/namespaces/default/services', service('after', {}));
    await until('a Service created after the hostile ones', (i) =>
      i.services.some((s) => s.name === 'after'),
    );
  });
});
