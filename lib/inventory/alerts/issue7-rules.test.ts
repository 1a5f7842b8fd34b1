import { describe, expect, it } from 'vitest';
import type { Condition, Deployment, EndpointSlice, KubeEvent, KubeNode } from '../../cilium/objects';
import { alertById, build, holding, l2Policy, lease, pool } from '../testing/fixtures';

// The rules issue 7 added, each from the state that raises it and the state that clears it.

const P = pool('lan', [{ start: '10.0.0.1', stop: '10.0.0.10' }]);

const node = (name: string, ready = true, labels: Record<string, string> = {}): KubeNode => ({
  metadata: { name, labels: { 'kubernetes.io/hostname': name, ...labels } },
  status: { conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', reason: 'KubeletNotReady' }] },
});

const slice = (
  ns: string,
  service: string,
  endpoints: { node?: string; ready?: boolean }[],
): EndpointSlice => ({
  metadata: { name: `${service}-abc`, namespace: ns, labels: { 'kubernetes.io/service-name': service } },
  endpoints: endpoints.map((e) => ({
    ...(e.node !== undefined && { nodeName: e.node }),
    ...(e.ready !== undefined && { conditions: { ready: e.ready } }),
  })),
});

const operator = (tag: string): Deployment => ({
  metadata: { name: 'cilium-operator', namespace: 'kube-system' },
  spec: {
    template: { spec: { containers: [{ name: 'op', image: `quay.io/cilium/operator-generic:${tag}` }] } },
  },
});

const local = (name: string, ip: string) => holding('x', name, ip, { externalTrafficPolicy: 'Local' });
const nodes = [node('n1'), node('n2')];

describe('externalTrafficPolicy: Local under L2', () => {
  it('on ≥ 1.20.2, endpoints only on a node no policy selects: nobody announces it (error, naming nodes)', () => {
    const picky = {
      metadata: { name: 'picky' },
      spec: { loadBalancerIPs: true, nodeSelector: { matchLabels: { lb: 'yes' } } },
    };
    const inv = build({
      pools: [P],
      nodes: [node('n1', true, { lb: 'yes' }), node('n2')],
      l2Policies: [picky],
      services: [local('web', '10.0.0.1')],
      endpointSlices: [slice('x', 'web', [{ node: 'n2' }])],
      ciliumOperator: [operator('v1.20.2')],
    });
    const a = alertById(inv, 'local-unannounced:x/web');
    expect(a).toMatchObject({
      severity: 'error',
      title: 'Nobody announces x/web: externalTrafficPolicy Local without a local endpoint',
    });
    expect(a?.detail).toBe(
      "On Cilium 1.20.2, only a node with a local endpoint may announce an externalTrafficPolicy: Local Service; the endpoints of x/web run on n2, but its L2 policies ('picky') may only use n1. No node takes its lease and nobody answers ARP for 10.0.0.1.",
    );
    expect(inv.services[0]).toMatchObject({
      eligibleNodes: [],
      endpointsByNode: { n2: 1 },
      l2Policies: ['picky'],
    });
  });

  it('a Cilium Gateway Service (one endpoint without a node) is never announced, with the users’ fix', () => {
    const inv = build({
      pools: [P],
      nodes,
      services: [local('cilium-gateway-edge', '10.0.0.2')],
      endpointSlices: [slice('x', 'cilium-gateway-edge', [{}])],
      ciliumOperator: [operator('v1.20.3')],
    });
    const a = alertById(inv, 'local-unannounced:x/cilium-gateway-edge');
    expect(a?.detail).toContain('has no nodeName');
    expect(a?.fix).toBe("Set externalTrafficPolicy: Cluster on the Gateway's Service.");
  });

  it('a ready local endpoint on a selected node clears it; a not-ready one does not', () => {
    const base = {
      pools: [P],
      nodes,
      services: [local('web', '10.0.0.1')],
      ciliumOperator: [operator('1.20.2')],
    };
    const ok = build({ ...base, endpointSlices: [slice('x', 'web', [{ node: 'n1' }])] });
    expect(ok.alerts).toEqual([]);
    expect(ok.services[0].eligibleNodes).toEqual(['n1']);
    const notReady = build({ ...base, endpointSlices: [slice('x', 'web', [{ node: 'n1', ready: false }])] });
    expect(alertById(notReady, 'local-unannounced:x/web')?.detail).toContain('has no ready endpoint');
  });

  it('below 1.20.2 the lease may sit on a node without a backend: a warning naming it', () => {
    const inv = build({
      pools: [P],
      nodes,
      services: [local('web', '10.0.0.1')],
      leases: [lease('x', 'web', 'n2')],
      endpointSlices: [slice('x', 'web', [{ node: 'n1' }])],
      ciliumOperator: [operator('v1.19.3')],
    });
    expect(alertById(inv, 'local-no-backend:x/web')).toMatchObject({
      severity: 'warning',
      title: 'x/web is announced from n2, which has no local endpoint',
    });
    expect(inv.services[0].eligibleNodes).toEqual(['n1', 'n2']);
  });

  it('claims nothing when EndpointSlices cannot be read', () => {
    const inv = build(
      { pools: [P], nodes, services: [local('web', '10.0.0.1')], ciliumOperator: [operator('v1.20.2')] },
      {
        sources: [
          { source: 'endpointSlices', state: 'forbidden', required: false, since: '2026-01-01T00:00:00Z' },
        ],
      },
    );
    expect(inv.alerts).toEqual([]);
    expect(inv.services[0].endpointsByNode).toBeUndefined();
    expect(inv.services[0].eligibleNodes).toEqual(['n1', 'n2']);
  });

  it('unknown version: one info alert asking for it', () => {
    const inv = build({
      pools: [P],
      nodes,
      services: [local('web', '10.0.0.1')],
      leases: [lease('x', 'web', 'n1')],
      endpointSlices: [slice('x', 'web', [{ node: 'n1' }])],
    });
    expect(inv.alerts.map((a) => a.id)).toEqual(['cilium-version:unknown']);
    expect(inv.cilium).toEqual({ version: null, source: null });
  });
});

describe('known-bug Cilium versions', () => {
  it('before 1.18.2: restarts re-allocate; 1.18.2 is quiet', () => {
    const s = { pools: [P], services: [holding('x', 'a', '10.0.0.1')] };
    expect(
      alertById(build({ ...s, ciliumOperator: [operator('v1.17.6')] }), 'cilium-version:restart-reallocates')
        ?.fix,
    ).toBe(
      'Upgrade Cilium to 1.18.2 or later. Until then pin addresses that must not move with lbipam.cilium.io/ips.',
    );
    expect(build({ ...s, ciliumOperator: [operator('v1.18.2')] }).alerts).toEqual([]);
  });

  it('1.19.4 with a sharing key holding several IPs: warns, naming the key and that no release has the fix', () => {
    const shared = (name: string, ip: string) =>
      holding('x', name, ip, { annotations: { 'lbipam.cilium.io/sharing-key': 'k' } });
    const inv = build({
      pools: [P],
      services: [shared('a', '10.0.0.1'), shared('b', '10.0.0.2')],
      ciliumOperator: [operator('v1.19.4')],
    });
    const a = alertById(inv, 'cilium-version:sharing-key-restart');
    expect(a?.detail).toContain("Affected here: sharing key 'k'.");
    expect(a?.detail).toContain('no release names the fix yet');
    const one = build({
      pools: [P],
      services: [shared('a', '10.0.0.1'), shared('b', '10.0.0.1')],
      ciliumOperator: [operator('v1.19.4')],
    });
    expect(alertById(one, 'cilium-version:sharing-key-restart')).toBeUndefined();
  });

  it('the configured version wins over the image tag', () => {
    const inv = build(
      { pools: [P], services: [holding('x', 'a', '10.0.0.1')], ciliumOperator: [operator('v1.20.2')] },
      { ciliumVersion: '1.16.0' },
    );
    expect(inv.cilium).toEqual({ version: '1.16.0', source: 'config' });
    expect(alertById(inv, 'cilium-version:restart-reallocates')).toBeDefined();
  });
});

describe('pool counts', () => {
  const counts = (used: string, available: string): Condition[] => [
    { type: 'cilium.io/IPsTotal', status: 'Unknown', reason: 'noreason', message: '10' },
    { type: 'cilium.io/IPsUsed', status: 'Unknown', reason: 'noreason', message: used },
    { type: 'cilium.io/IPsAvailable', status: 'Unknown', reason: 'noreason', message: available },
  ];

  it('phantom exhaustion: Cilium counts more used than Services hold; an error when it reports full', () => {
    const inv = build({
      pools: [pool('lan', [{ start: '10.0.0.1', stop: '10.0.0.10' }], {}, counts('10', '0'))],
      services: [holding('x', 'a', '10.0.0.1')],
    });
    expect(alertById(inv, 'pool-phantom:lan')).toMatchObject({
      severity: 'error',
      title: "Pool 'lan': Cilium counts 9 more used addresses than any Service holds",
    });
    const agree = build({
      pools: [pool('lan', [{ start: '10.0.0.1', stop: '10.0.0.10' }], {}, counts('1', '9'))],
      services: [holding('x', 'a', '10.0.0.1')],
    });
    expect(alertById(agree, 'pool-phantom:lan')).toBeUndefined();
  });

  it('a disabled pool still holding addresses: info, with what deleting it would do', () => {
    const inv = build({
      pools: [pool('lan', [{ start: '10.0.0.1', stop: '10.0.0.10' }], { disabled: true })],
      services: [holding('x', 'a', '10.0.0.1')],
    });
    expect(alertById(inv, 'pool-disabled-holding:lan')).toMatchObject({
      severity: 'info',
      title: "Pool 'lan' is disabled but 1 of its addresses are still held",
    });
  });
});

describe('leases', () => {
  it('held by a node the cluster does not have', () => {
    const inv = build({
      pools: [P],
      nodes,
      services: [holding('x', 'a', '10.0.0.1')],
      leases: [lease('x', 'a', 'gone-1')],
    });
    expect(alertById(inv, 'lease-missing-node:x/a')?.title).toBe(
      'x/a is announced by gone-1, which is not a node of this cluster',
    );
  });

  it('two Services whose names map to one lease name', () => {
    const inv = build({
      pools: [P],
      services: [holding('a-b', 'c', '10.0.0.1'), holding('a', 'b-c', '10.0.0.2')],
      leases: [lease('a-b', 'c', 'n1')],
    });
    expect(alertById(inv, 'lease-collision:cilium-l2announce-a-b-c')?.title).toBe(
      'a-b/c and a/b-c share one L2 lease name',
    );
  });

  it('one shared address announced by two nodes; one node is quiet', () => {
    const sharing = (name: string) =>
      holding('x', name, '10.0.0.1', { annotations: { 'lbipam.cilium.io/sharing-key': 'k' } });
    const split = build({
      pools: [P],
      nodes,
      services: [sharing('a'), sharing('b')],
      leases: [lease('x', 'a', 'n1'), lease('x', 'b', 'n2')],
    });
    expect(alertById(split, 'shared-ip-split:10.0.0.1')?.detail).toContain('n1 (x/a) and n2 (x/b)');
    const together = build({
      pools: [P],
      nodes,
      services: [sharing('a'), sharing('b')],
      leases: [lease('x', 'a', 'n1'), lease('x', 'b', 'n1')],
    });
    expect(alertById(together, 'shared-ip-split:10.0.0.1')).toBeUndefined();
  });
});

describe('events and policies', () => {
  const ev = (reason: string, type: string, count = 1, at = '2026-01-10T11:00:00Z'): KubeEvent => ({
    metadata: { name: `e-${reason}-${at}`, namespace: 'x' },
    involvedObject: { kind: 'Service', namespace: 'x', name: 'a' },
    reason,
    message: `${reason} happened`,
    type,
    count,
    lastTimestamp: at,
    source: { component: 'external-dns' },
  });

  it('Warning events on an LB Service: one alert per reason, newest message, total count; Normal ones say nothing', () => {
    const inv = build({
      pools: [P],
      services: [holding('x', 'a', '10.0.0.1')],
      events: [
        ev('SyncFailed', 'Warning', 2),
        ev('SyncFailed', 'Warning', 1, '2026-01-10T11:30:00Z'),
        ev('Synced', 'Normal'),
      ],
    });
    expect(inv.alerts.map((a) => a.id)).toEqual(['event:x/a:SyncFailed']);
    expect(inv.alerts[0].detail).toBe(
      'Recorded by external-dns, 3 times, last at 2026-01-10T11:30:00Z: “SyncFailed happened”',
    );
  });

  it('an invalid policy announces nothing (error); interface patterns are said to be unchecked (info)', () => {
    const bad = { metadata: { name: 'bad' }, spec: { loadBalancerIPs: true, interfaces: ['eth[0'] } };
    const ifs = { metadata: { name: 'ifs' }, spec: { loadBalancerIPs: true, interfaces: ['^eth[0-9]+'] } };
    const inv = build({
      pools: [P],
      services: [holding('x', 'a', '10.0.0.1')],
      l2Policies: [l2Policy(), bad, ifs],
    });
    expect(alertById(inv, 'l2-policy-invalid:bad')).toMatchObject({
      severity: 'error',
      fix: "Fix spec.interfaces of policy 'bad'.",
    });
    expect(alertById(inv, 'l2-policy-interfaces:ifs')).toMatchObject({
      severity: 'info',
      title: "Policy 'ifs' announces only on interfaces matching /^eth[0-9]+/",
    });
    expect(alertById(inv, 'l2-policy-interfaces:bad')).toBeUndefined();
  });
});
