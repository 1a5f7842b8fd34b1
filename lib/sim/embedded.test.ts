import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { CiliumLoadBalancerIPPool, KubeNode, Lease, Service } from '../cilium/objects';
import { startEmbeddedCluster, type EmbeddedCluster } from './embedded';

// The embedded cluster end to end, read over HTTP like the dashboard and kubectl read it: after
// the demo seed settles every Service has the page's address, Plex is pending with Cilium's
// message, the pool counts match, and L2 leases exist and fail over on the injected clock.

let time = new Date('2026-01-10T12:00:00.000Z');
const advance = (s: number) => (time = new Date(time.getTime() + s * 1000));
let cluster: EmbeddedCluster | undefined;
afterEach(async () => {
  await cluster?.stop();
  cluster = undefined;
});

async function get<T>(path: string): Promise<T> {
  const res = await fetch(`${cluster?.server}${path}`);
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}

const PAGE_IPS: Record<string, string> = {
  'kube-system/coredns': '192.168.0.220',
  'networking/nginx-internal-controller': '192.168.0.221',
  'security/lldap': '192.168.0.222',
  'home-automation/mosquitto': '192.168.0.226',
  'home-automation/home-assistant': '192.168.0.227',
  'home-automation/matter-server': '192.168.0.228',
  'media/jellyfin': '192.168.0.229',
  'home-automation/otbr': '192.168.0.230',
  'networking/nginx-external-controller': '192.168.0.231',
  'networking/envoy-internal': '192.168.0.238',
  'networking/envoy-external': '192.168.0.239',
};

async function startDemo(): Promise<EmbeddedCluster> {
  time = new Date('2026-01-10T12:00:00.000Z');
  cluster = await startEmbeddedCluster({ seed: 'demo', now: () => time, l2RetryPeriodMs: 0 });
  return cluster;
}

describe('startEmbeddedCluster (demo)', () => {
  it('serves the demo with every page address satisfied and Plex pending', async () => {
    await startDemo();
    const { items } = await get<{ items: Service[] }>('/api/v1/services');
    // The page's home lab; the lab namespace is the demo's second pool.
    const lb = items.filter((s) => s.spec.type === 'LoadBalancer' && s.metadata.namespace !== 'lab');
    const byKey = new Map(
      lb.map((s) => {
        const gw = s.metadata.labels?.['gateway.envoyproxy.io/owning-gateway-name'];
        return [`${s.metadata.namespace}/${gw ?? s.metadata.name}`, s];
      }),
    );
    for (const [key, ip] of Object.entries(PAGE_IPS)) {
      const s = byKey.get(key);
      expect(s?.status?.loadBalancer?.ingress, key).toEqual([{ ip }]);
      const c = s?.status?.conditions?.find((x) => x.type === 'cilium.io/IPAMRequestSatisfied');
      expect(c?.status, key).toBe('True');
    }
    const plex = byKey.get('media/plex');
    expect(plex?.status?.conditions).toEqual([
      expect.objectContaining({
        type: 'cilium.io/IPAMRequestSatisfied',
        status: 'False',
        reason: 'already_allocated',
        message: "The IP '192.168.0.229' is already allocated to another service",
      }),
    ]);
    expect(lb).toHaveLength(12);
  });

  it('reports the pool counts Total 20, Used 11, Available 9 (through v2alpha1 as the user wrote it)', async () => {
    await startDemo();
    const pool = await get<CiliumLoadBalancerIPPool>(
      '/apis/cilium.io/v2alpha1/ciliumloadbalancerippools/pool',
    );
    const msg = (t: string) => pool.status?.conditions?.find((c) => c.type === `cilium.io/${t}`)?.message;
    expect([msg('IPsTotal'), msg('IPsUsed'), msg('IPsAvailable')]).toEqual(['20', '11', '9']);
  });

  it('holds a lease per announced Service and fails over when its node goes NotReady', async () => {
    const c = await startDemo();
    const leasesPath = '/apis/coordination.k8s.io/v1/namespaces/kube-system/leases';
    const { items } = await get<{ items: Lease[] }>(leasesPath);
    const ours = items.filter((l) => l.metadata.name.startsWith('cilium-l2announce-'));
    const services = (await get<{ items: Service[] }>('/api/v1/services')).items;
    const announced = services.filter(
      (s) => s.status?.loadBalancer?.ingress?.length && s.metadata.namespace !== 'lab',
    );
    expect(announced).toHaveLength(11);
    // Cilium 1.20.2 (the demo's): the lab's two externalTrafficPolicy: Local Services without a
    // ready local endpoint (a Cilium Gateway, a Pod on a NotReady node) get no lease at all.
    expect(ours.map((l) => l.metadata.name).sort()).toEqual(
      [
        ...announced.map((s) => `cilium-l2announce-${s.metadata.namespace}-${s.metadata.name}`),
        'cilium-l2announce-lab-dns-tcp',
        'cilium-l2announce-lab-dns-udp',
      ].sort(),
    );
    expect(new Set(ours.map((l) => l.spec.holderIdentity))).toEqual(
      new Set(['pitower-1', 'pitower-2', 'pitower-3']),
    );
    const name = 'cilium-l2announce-media-jellyfin';
    const holder = ours.find((l) => l.metadata.name === name)?.spec.holderIdentity as string;
    const node = c.store.get({ apiVersion: 'v1', kind: 'Node', name: holder }) as unknown as KubeNode;
    c.store.update(
      {
        ...node,
        status: {
          ...node.status,
          conditions: [{ type: 'Ready', status: 'False', reason: 'NodeStatusUnknown' }],
        },
      },
      { subresource: 'status' },
    );
    await c.settle();
    advance(16);
    c.tickL2();
    const after = await get<Lease>(`${leasesPath}/${name}`);
    expect(after.spec.holderIdentity).not.toBe(holder);
    expect(after.spec.leaseTransitions).toBe(1);
    expect(after.spec.leaseDurationSeconds).toBe(15);
  });

  it('writes a kubeconfig for the lbipam-embedded context', async () => {
    const c = await startDemo();
    const cfg = parse(await readFile(c.kubeconfigPath, 'utf8'));
    expect(cfg['current-context']).toBe('lbipam-embedded');
    expect(cfg.clusters[0]).toEqual({
      name: 'lbipam-embedded',
      cluster: { server: c.server, 'insecure-skip-tls-verify': true },
    });
    expect(c.server).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(cfg.users[0].user.token).toBeTruthy();
  });
});

describe('startEmbeddedCluster (errors)', () => {
  it('rejects an unknown seed with a clear message and leaves nothing running', async () => {
    await expect(startEmbeddedCluster({ seed: 'nosuch' })).rejects.toThrow(/unknown seed 'nosuch'/);
  });

  it("fails (never hangs) when the kubeconfig cannot be written, and never overwrites another cluster's", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lbipam-kc-'));
    try {
      // Node's recursive mkdir spins forever under /proc; the start must fail instead.
      await expect(
        startEmbeddedCluster({ seed: 'empty', kubeconfigPath: '/proc/lbipam-nope/kc' }),
      ).rejects.toThrow(/cannot write the kubeconfig to \/proc\/lbipam-nope\/kc/);
      const theirs = join(dir, 'config');
      const original =
        'apiVersion: v1\nkind: Config\nclusters:\n- name: prod\n  cluster:\n    server: https://10.0.0.1:6443\n';
      await writeFile(theirs, original);
      await expect(startEmbeddedCluster({ seed: 'empty', kubeconfigPath: theirs })).rejects.toThrow(
        /already holds other clusters \(prod\)/,
      );
      expect(await readFile(theirs, 'utf8')).toBe(original);
      // Ours (from an earlier run) is simply replaced, and missing folders are created.
      const ours = join(dir, 'a', 'b', 'kc');
      for (let i = 0; i < 2; i++) {
        const c = await startEmbeddedCluster({ seed: 'empty', kubeconfigPath: ours });
        expect(parse(await readFile(ours, 'utf8')).clusters[0].cluster.server).toBe(c.server);
        await c.stop();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 20_000);

  it('rejects a port in use', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as { port: number }).port;
    try {
      await expect(startEmbeddedCluster({ seed: 'empty', port })).rejects.toMatchObject({
        code: 'EADDRINUSE',
      });
    } finally {
      blocker.close();
    }
  });
});
