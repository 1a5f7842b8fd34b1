import { describe, expect, it } from 'vitest';
import type { CiliumLoadBalancerIPPool, Service } from '../../cilium/objects';
import { scaleObjects } from './scale';

describe('scale seed', () => {
  it('has 10,000 LoadBalancer Services over 50 pools of every block shape by default', () => {
    const objs = scaleObjects();
    const services = objs.filter((o): o is Service => o.kind === 'Service');
    const pools = objs.filter((o): o is CiliumLoadBalancerIPPool => o.kind === 'CiliumLoadBalancerIPPool');
    expect(services).toHaveLength(10_000);
    expect(services.every((s) => s.spec.type === 'LoadBalancer')).toBe(true);
    expect(pools).toHaveLength(50);
    const blocks = pools.flatMap((p) => p.spec.blocks ?? []);
    expect(blocks.some((b) => b.cidr?.endsWith('/16'))).toBe(true);
    expect(blocks.some((b) => b.cidr?.includes(':') && b.cidr.endsWith('/64'))).toBe(true);
    expect(blocks.some((b) => b.start && b.stop)).toBe(true);
    expect(services.filter((s) => s.metadata.labels?.l2 === 'true')).toHaveLength(100);
  });

  it('never requests the same address twice and keeps names unique', () => {
    const services = scaleObjects().filter((o): o is Service => o.kind === 'Service');
    const requested = services.map((s) => s.metadata.annotations?.['lbipam.cilium.io/ips']).filter(Boolean);
    expect(requested.length).toBe(1000);
    expect(new Set(requested).size).toBe(requested.length);
    expect(new Set(services.map((s) => `${s.metadata.namespace}/${s.metadata.name}`)).size).toBe(
      services.length,
    );
  });

  it('takes counts as parameters', () => {
    const objs = scaleObjects({ services: 30, pools: 3, namespaces: 2, announced: 0 });
    expect(objs.filter((o) => o.kind === 'Service')).toHaveLength(30);
    expect(objs.filter((o) => o.kind === 'CiliumLoadBalancerIPPool')).toHaveLength(3);
    expect(objs.some((o) => o.metadata.labels?.l2 === 'true')).toBe(false);
    expect(() => scaleObjects({ pools: 300 })).toThrow(/at most 255 pools/);
  });
});
