import { describe, expect, it } from 'vitest';
import type { CiliumL2AnnouncementPolicy, KubeNode, Lease, Service } from '../../cilium/objects';
import { l2LeaseName } from '../../cilium/l2-policy';
import { electLeases, type ElectionInput, type LeaseWrite } from './l2-election';

const T0 = new Date('2026-01-10T12:00:00.000Z');
const at = (s: number) => new Date(T0.getTime() + s * 1000);

function node(
  name: string,
  ready = true,
  labels: Record<string, string> = { 'kubernetes.io/os': 'linux' },
): KubeNode {
  return {
    metadata: { name, labels },
    status: { conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
  };
}

function svc(ns: string, name: string, ip: string | null, extra: Partial<Service['spec']> = {}): Service {
  return {
    metadata: { name, namespace: ns, labels: { app: name } },
    spec: { type: 'LoadBalancer', ...extra },
    status: ip ? { loadBalancer: { ingress: [{ ip }] } } : {},
  };
}

const policy = (spec: CiliumL2AnnouncementPolicy['spec']): CiliumL2AnnouncementPolicy => ({
  metadata: { name: 'policy' },
  spec,
});
const linuxPolicy = policy({
  loadBalancerIPs: true,
  nodeSelector: { matchLabels: { 'kubernetes.io/os': 'linux' } },
});

/** Applies writes to a lease list, as the controller does through the store. */
function apply(leases: Lease[], writes: LeaseWrite[]): Lease[] {
  const map = new Map(leases.map((l) => [l.metadata.name, l]));
  for (const w of writes) {
    if (w.op === 'delete') map.delete(w.name);
    else map.set(w.lease.metadata.name, w.lease);
  }
  return [...map.values()];
}

const holders = (leases: Lease[]) =>
  Object.fromEntries(leases.map((l) => [l.metadata.name, l.spec.holderIdentity]));

describe('electLeases', () => {
  const nodes = [node('n1'), node('n2'), node('n3')];
  const services = [svc('a', 's1', '10.0.0.1'), svc('a', 's2', '10.0.0.2'), svc('b', 's3', '10.0.0.3')];

  it('creates one 15 s lease per selected Service in kube-system, spread over the nodes', () => {
    const writes = electLeases({ services, policies: [linuxPolicy], nodes, leases: [] }, T0);
    expect(writes.every((w) => w.op === 'create')).toBe(true);
    const leases = apply([], writes);
    expect(holders(leases)).toEqual({
      'cilium-l2announce-a-s1': 'n1',
      'cilium-l2announce-a-s2': 'n2',
      'cilium-l2announce-b-s3': 'n3',
    });
    for (const l of leases) {
      expect(l.metadata.namespace).toBe('kube-system');
      expect(l.spec.leaseDurationSeconds).toBe(15);
      expect(l.spec.renewTime).toBe('2026-01-10T12:00:00.000000Z');
    }
  });

  it('writes nothing when nothing is selected, and nothing again before the renew interval', () => {
    expect(
      electLeases({ services: [svc('a', 'x', null)], policies: [linuxPolicy], nodes, leases: [] }, T0),
    ).toEqual([]);
    const leases = apply([], electLeases({ services, policies: [linuxPolicy], nodes, leases: [] }, T0));
    expect(electLeases({ services, policies: [linuxPolicy], nodes, leases }, at(1))).toEqual([]);
    const renew = electLeases({ services, policies: [linuxPolicy], nodes, leases }, at(2));
    expect(renew.map((w) => w.op)).toEqual(['update', 'update', 'update']);
    expect(holders(apply(leases, renew))).toEqual(holders(leases));
  });

  it('keeps a dead holder until the lease expires, then fails over and counts the transition', () => {
    let leases = apply([], electLeases({ services, policies: [linuxPolicy], nodes, leases: [] }, T0));
    const input = (ns: KubeNode[]): ElectionInput => ({
      services,
      policies: [linuxPolicy],
      nodes: ns,
      leases,
    });
    const n1Down = [node('n1', false), node('n2'), node('n3')];
    leases = apply(leases, electLeases(input(n1Down), at(10)));
    expect(holders(leases)['cilium-l2announce-a-s1']).toBe('n1'); // renewed at 0, expires at 15
    leases = apply(leases, electLeases(input(n1Down), at(15)));
    const s1 = leases.find((l) => l.metadata.name === 'cilium-l2announce-a-s1');
    expect(s1?.spec.holderIdentity).not.toBe('n1');
    expect(['n2', 'n3']).toContain(s1?.spec.holderIdentity);
    expect(s1?.spec.leaseTransitions).toBe(1);
    expect(s1?.spec.acquireTime).toBe('2026-01-10T12:00:15.000000Z');
    // n1 comes back: leases stay where they are (first come, first served).
    const after = holders(leases);
    leases = apply(leases, electLeases(input(nodes), at(17)));
    expect(holders(leases)).toEqual(after);
  });

  it('fails over once the lease expires when the holder node is deleted', () => {
    let leases = apply([], electLeases({ services, policies: [linuxPolicy], nodes, leases: [] }, T0));
    const without = [node('n2'), node('n3')];
    leases = apply(
      leases,
      electLeases({ services, policies: [linuxPolicy], nodes: without, leases }, at(14)),
    );
    expect(holders(leases)['cilium-l2announce-a-s1']).toBe('n1');
    leases = apply(
      leases,
      electLeases({ services, policies: [linuxPolicy], nodes: without, leases }, at(16)),
    );
    expect(['n2', 'n3']).toContain(holders(leases)['cilium-l2announce-a-s1']);
  });

  it('moves the lease at once off a live node that no longer matches the nodeSelector', () => {
    let leases = apply([], electLeases({ services, policies: [linuxPolicy], nodes, leases: [] }, T0));
    const relabeled = [node('n1', true, { 'kubernetes.io/os': 'windows' }), node('n2'), node('n3')];
    leases = apply(
      leases,
      electLeases({ services, policies: [linuxPolicy], nodes: relabeled, leases }, at(1)),
    );
    expect(holders(leases)['cilium-l2announce-a-s1']).not.toBe('n1');
  });

  it('deletes the lease of a Service no longer selected', () => {
    const leases = apply([], electLeases({ services, policies: [linuxPolicy], nodes, leases: [] }, T0));
    const lost = [svc('a', 's1', null), services[1], services[2]];
    const writes = electLeases({ services: lost, policies: [linuxPolicy], nodes, leases }, at(1));
    expect(writes).toEqual([{ op: 'delete', namespace: 'kube-system', name: 'cilium-l2announce-a-s1' }]);
  });

  it('applies the selection rules: class, flags, serviceSelector with synthetic labels', () => {
    const cases: [Service, CiliumL2AnnouncementPolicy, boolean][] = [
      [svc('a', 's', '1.1.1.1', { loadBalancerClass: 'io.cilium/l2-announcer' }), linuxPolicy, true],
      [svc('a', 's', '1.1.1.1', { loadBalancerClass: 'unsupported.io/lb-class' }), linuxPolicy, false],
      [svc('a', 's', '1.1.1.1'), policy({ externalIPs: true }), false],
      [svc('a', 's', null, { externalIPs: ['2.2.2.2'] }), policy({ externalIPs: true }), true],
      [svc('a', 's', null, { externalIPs: ['2.2.2.2'] }), linuxPolicy, false],
      [
        svc('a', 's', '1.1.1.1'),
        policy({ loadBalancerIPs: true, serviceSelector: { matchLabels: { app: 's' } } }),
        true,
      ],
      [
        svc('a', 's', '1.1.1.1'),
        policy({
          loadBalancerIPs: true,
          serviceSelector: { matchLabels: { 'io.kubernetes.service.namespace': 'b' } },
        }),
        false,
      ],
      [
        svc('a', 's', '1.1.1.1'),
        policy({
          loadBalancerIPs: true,
          serviceSelector: {
            matchExpressions: [{ key: 'io.kubernetes.service.name', operator: 'In', values: ['s'] }],
          },
        }),
        true,
      ],
    ];
    for (const [service, pol, selected] of cases) {
      const writes = electLeases({ services: [service], policies: [pol], nodes, leases: [] }, T0);
      expect(writes.length, JSON.stringify([service.spec, pol.spec])).toBe(selected ? 1 : 0);
    }
    expect(l2LeaseName('a', 's')).toBe('cilium-l2announce-a-s');
  });

  it('creates no lease while no Ready node matches', () => {
    const writes = electLeases(
      { services, policies: [linuxPolicy], nodes: [node('n1', false)], leases: [] },
      T0,
    );
    expect(writes).toEqual([]);
  });
});
