import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { emptyClusterState, type ClusterState } from '../cilium/cluster-state';
import type { CiliumLoadBalancerIPPool, KubeNode, Service } from '../cilium/objects';
import { LbIpamEngine } from '../ipam';
import { lease, l2Policy, NOW, pool, svc } from '../inventory/testing/fixtures';
import { runWhatIf, WhatIfInputError } from './run';

// What-if runs the proposal on a copy of the operator rebuilt from the live statuses. Each case is
// a question an operator asks before applying: which Services change address, which go pending and
// why, which announcements move to which node.

const node = (name: string, ready = true, labels: Record<string, string> = {}): KubeNode => ({
  metadata: { name, labels: { 'kubernetes.io/hostname': name, ...labels } },
  status: { conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
});

/** The cluster after Cilium settled: statuses written by the real engine, as the API server holds them. */
function settled(pools: CiliumLoadBalancerIPPool[], services: Service[], over: Partial<ClusterState> = {}) {
  const engine = new LbIpamEngine({}, () => new Date(NOW));
  engine.start([], []);
  for (const p of pools) engine.apply({ op: 'upsert', object: p });
  for (const s of services) engine.apply({ op: 'upsert', object: { ...s, status: undefined } });
  const state: ClusterState = {
    ...emptyClusterState(),
    pools: pools.map((p) => ({
      ...p,
      metadata: { ...p.metadata, creationTimestamp: '2026-01-01T00:00:00Z' },
      status: engine.poolStatus(p.metadata.name),
    })),
    services: services.map((s) => ({
      ...s,
      status: engine.serviceStatus(s.metadata.namespace ?? 'default', s.metadata.name),
    })),
    l2Policies: [l2Policy()],
    gateways: [],
    leases: [],
    nodes: [node('k1'), node('k2')],
    ...over,
  };
  return state;
}

const poolYaml = (p: CiliumLoadBalancerIPPool) => stringify(p);
const now = new Date(NOW);
const ipsOf = (s: ClusterState, name: string) =>
  s.services.find((x) => x.metadata.name === name)?.status?.loadBalancer?.ingress?.map((i) => i.ip);

describe('what-if on pools', () => {
  const pools = [pool('lan', [{ start: '10.0.0.1', stop: '10.0.0.6' }])];
  const services = [svc('apps', 'a', { request: '10.0.0.1' }), svc('apps', 'b', { request: '10.0.0.5' })];

  it('shrinking a block moves the Service whose address falls out, and names both addresses', () => {
    const s = settled(pools, services);
    expect(ipsOf(s, 'b')).toEqual(['10.0.0.5']);
    const shrunk = pool('lan', [{ start: '10.0.0.1', stop: '10.0.0.3' }]);
    const r = runWhatIf(s, { manifests: poolYaml(shrunk) }, {}, now);
    expect(r.proposal).toEqual(['pool lan updated']);
    const b = r.services.find((x) => x.name === 'b');
    // b asked for .5 specifically: outside the pool now, so it waits (Cilium does not pick another).
    expect(b?.change).toBe('pending');
    expect(b?.before?.ips).toEqual(['10.0.0.5']);
    expect(b?.explanation?.title).toBeTruthy();
    expect(r.services.find((x) => x.name === 'a')).toBeUndefined();
    expect(r.pools).toEqual([
      expect.objectContaining({
        name: 'lan',
        change: 'changed',
        before: expect.objectContaining({ total: '6' }),
        after: expect.objectContaining({ total: '3' }),
      }),
    ]);
    expect(r.summary).toMatchObject({ pending: 1, moved: 0 });
  });

  it('a generic Service whose address leaves the pool gets another one (moved)', () => {
    const s = settled(pools, [svc('apps', 'g')]);
    const before = ipsOf(s, 'g')?.[0];
    expect(before).toBeTruthy();
    // Keep only the addresses the Service does not hold.
    const others = ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4', '10.0.0.5', '10.0.0.6'].filter(
      (ip) => ip !== before,
    );
    const edited = pool('lan', [{ start: others[0], stop: others[0] }]);
    const r = runWhatIf(s, { manifests: poolYaml(edited) }, {}, now);
    const g = r.services.find((x) => x.name === 'g');
    expect(g).toMatchObject({
      change: 'moved',
      before: { ips: [before] },
      after: { ips: [others[0]], satisfied: true },
    });
    expect(r.summary.moved).toBe(1);
  });

  it('a new Service asking for a held address goes pending, explained as the alerts explain it', () => {
    const s = settled(pools, services);
    const newcomer = { ...svc('other', 'c', { request: '10.0.0.1' }), status: undefined };
    const r = runWhatIf(s, { manifests: stringify(newcomer) }, {}, now);
    expect(r.proposal).toEqual(['Service other/c created']);
    const c = r.services.find((x) => x.name === 'c');
    expect(c?.change).toBe('pending');
    expect(c?.after?.reason).toBe('already_allocated');
    expect(`${c?.explanation?.title} ${c?.explanation?.cause}`).toContain('apps/a');
  });

  it('deleting a pool releases nothing silently: its Services go pending', () => {
    const two = [...pools, pool('spare', [{ start: '10.0.1.1', stop: '10.0.1.2' }])];
    const s = settled(two, services);
    const del = { ...pools[0], metadata: { name: 'lan', annotations: { 'lbipam.plan/delete': 'true' } } };
    const r = runWhatIf(s, { manifests: stringify(del) }, {}, now);
    expect(r.proposal).toEqual(['pool lan deleted']);
    expect(r.pools.find((p) => p.name === 'lan')?.change).toBe('deleted');
    expect(r.services.map((x) => [x.name, x.change])).toEqual([
      ['a', 'pending'],
      ['b', 'pending'],
    ]);
  });

  it('changes nothing in the state it was given', () => {
    const s = settled(pools, services);
    const before = JSON.stringify(s);
    runWhatIf(s, { manifests: poolYaml(pool('lan', [{ cidr: '10.9.0.0/30' }])), drain: ['k1'] }, {}, now);
    expect(JSON.stringify(s)).toBe(before);
  });
});

describe('what-if on announcements', () => {
  const pools = [pool('lan', [{ start: '10.0.0.1', stop: '10.0.0.6' }])];
  const services = [svc('apps', 'a', { request: '10.0.0.1' })];
  const live = () => settled(pools, services, { leases: [lease('apps', 'a', 'k1')] });

  it('draining the holder moves the announcement to the other eligible node', () => {
    const r = runWhatIf(live(), { drain: ['k1'] }, {}, now);
    expect(r.proposal).toEqual(['node k1 drained']);
    expect(r.announcements).toEqual([
      expect.objectContaining({
        name: 'a',
        change: 'moves',
        from: 'k1',
        to: ['k2'],
        why: 'k1 is drained',
        ips: ['10.0.0.1'],
      }),
    ]);
    expect(r.services).toEqual([]);
  });

  it('draining every eligible node stops it: nobody answers', () => {
    const r = runWhatIf(live(), { drain: ['k1', 'k2'] }, {}, now);
    expect(r.announcements).toEqual([
      expect.objectContaining({
        change: 'stops',
        from: 'k1',
        to: [],
        why: 'k1 is drained, and no other Ready node is eligible',
      }),
    ]);
    expect(r.summary.announcementsStopped).toBe(1);
  });

  it('an L2 policy edit that no longer selects the holder moves the lease', () => {
    const s = live();
    s.nodes = [node('k1', true, { role: 'a' }), node('k2', true, { role: 'b' })];
    const policy = {
      apiVersion: 'cilium.io/v2alpha1',
      kind: 'CiliumL2AnnouncementPolicy',
      metadata: { name: 'policy' },
      spec: { loadBalancerIPs: true, nodeSelector: { matchLabels: { role: 'b' } } },
    };
    const r = runWhatIf(s, { manifests: stringify(policy) }, {}, now);
    expect(r.proposal).toEqual(['L2 policy policy updated']);
    expect(r.announcements).toEqual([expect.objectContaining({ change: 'moves', from: 'k1', to: ['k2'] })]);
  });

  it('a Service that would lose its address stops being announced', () => {
    const r = runWhatIf(
      live(),
      { manifests: poolYaml(pool('lan', [{ start: '10.0.0.2', stop: '10.0.0.6' }])) },
      {},
      now,
    );
    expect(r.announcements).toEqual([
      expect.objectContaining({ change: 'stops', from: 'k1', why: 'it would lose its address' }),
    ]);
  });
});

describe('what-if refuses bad input with a message naming what is wrong', () => {
  const s = settled([pool('lan', [{ start: '10.0.0.1', stop: '10.0.0.6' }])], []);
  const refuse = (manifests: string, drain?: string[]) => {
    try {
      runWhatIf(s, { manifests, drain }, {}, now);
    } catch (err) {
      expect(err).toBeInstanceOf(WhatIfInputError);
      return (err as Error).message;
    }
    throw new Error('expected a refusal');
  };

  it('names the document and line of invalid YAML', () => {
    expect(refuse('kind: [unclosed')).toMatch(/^manifests: document 1: invalid YAML at line 1/);
  });
  it('names the field of an invalid pool', () => {
    expect(refuse(stringify(pool('lan', [{ cidr: '10.0.0.0/33' }])))).toMatch(
      /manifests: document 1: spec\.blocks\[0\]/,
    );
  });
  it('names an unknown node and lists the known ones', () => {
    expect(refuse('', ['k9'])).toBe("drain: no node named 'k9' (this cluster has k1, k2)");
  });
  it('refuses the plan-only OperatorRestart directive', () => {
    expect(refuse('kind: OperatorRestart')).toMatch(/OperatorRestart is a directive of `lbipam plan`/);
  });
  it('refuses deleting what does not exist', () => {
    const del = {
      ...pool('nope', []),
      metadata: { name: 'nope', annotations: { 'lbipam.plan/delete': 'true' } },
    };
    expect(refuse(stringify(del))).toMatch(/cannot delete CiliumLoadBalancerIPPool 'nope'/);
  });
});
