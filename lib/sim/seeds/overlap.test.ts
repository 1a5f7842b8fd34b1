import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { CiliumLoadBalancerIPPool, Service } from '../../cilium/objects';
import { resolveSeed } from './index';
import { overlapBlock, overlapObjects } from './overlap';

const pools = (objs: ReturnType<typeof overlapObjects>) =>
  objs.filter((o): o is CiliumLoadBalancerIPPool => o.kind === 'CiliumLoadBalancerIPPool');
const services = (objs: ReturnType<typeof overlapObjects>) =>
  objs.filter((o): o is Service => o.kind === 'Service');

describe('overlap seed', () => {
  it('has 1,000 small pools, each overlapping its neighbours only, and 2,000 Services', async () => {
    const objs = await resolveSeed('overlap');
    expect(objs).toEqual(overlapObjects()); // deterministic
    const ps = pools(objs);
    expect(ps).toHaveLength(1000);
    expect(services(objs)).toHaveLength(2000);
    expect(ps[0].spec.blocks).toEqual([{ start: '10.10.0.0', stop: '10.10.0.31' }]);
    expect(ps[1].spec.blocks).toEqual([{ start: '10.10.0.16', stop: '10.10.0.47' }]);
    expect(overlapBlock(999)).toEqual({ start: '10.10.62.112', stop: '10.10.62.143' });
    expect(new Set(ps.map((p) => p.metadata.name)).size).toBe(1000);
    expect(() => overlapObjects({ pools: 5000 })).toThrow(/at most 4095 pools/);
  });

  it('settles in the embedded cluster with every younger neighbour conflicting', async () => {
    // 1,000 pools take the engine many seconds (conflicts are settled pool × pool on every pool
    // event, as in Cilium); the same objects at 40 pools, through a folder seed, are quick.
    const dir = await mkdtemp(join(tmpdir(), 'lbipam-overlap-'));
    const { startEmbeddedCluster } = await import('../embedded');
    try {
      const objs = overlapObjects({ pools: 40 });
      await writeFile(join(dir, 'overlap.yaml'), objs.map((o) => stringify(o)).join('---\n'));
      const c = await startEmbeddedCluster({ seed: dir, l2RetryPeriodMs: 0 });
      try {
        await c.settle();
        const res = await fetch(`${c.server}/apis/cilium.io/v2/ciliumloadbalancerippools`);
        const { items } = (await res.json()) as { items: CiliumLoadBalancerIPPool[] };
        const conflicting = items
          .filter((p) =>
            p.status?.conditions?.some((x) => x.type === 'cilium.io/PoolConflict' && x.status === 'True'),
          )
          .map((p) => Number(p.metadata.name.replace('overlap-', '')))
          .sort((a, b) => a - b);
        expect(items).toHaveLength(40);
        expect(conflicting).toEqual(Array.from({ length: 20 }, (_, i) => 2 * i + 1));
        const svcRes = await fetch(`${c.server}/api/v1/services`);
        const lb = ((await svcRes.json()) as { items: Service[] }).items.filter(
          (s) => s.spec.type === 'LoadBalancer',
        );
        expect(lb).toHaveLength(80);
        // Services of the allocating (even) pools got an address; those of the conflicting ones wait.
        const held = lb.filter((s) => (s.status?.loadBalancer?.ingress?.length ?? 0) > 0);
        expect(held).toHaveLength(40);
        expect(
          held.every((s) => Number(s.metadata.labels?.['overlap.lbipam.io/pool'].split('-')[1]) % 2 === 0),
        ).toBe(true);
      } finally {
        await c.stop();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
