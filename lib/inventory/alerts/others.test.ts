import { describe, expect, it } from 'vitest';
import type { KubeNode } from '../../cilium/objects';
import { alertById, build, holding, l2Policy, lease, pool, svc } from '../testing/fixtures';
import { expandRows } from '../view/rows';

const P = pool('lan', [{ start: '10.0.0.1', stop: '10.0.0.10' }]);

describe('Services LB-IPAM does not handle', () => {
  it('another loadBalancerClass without an address: info, with how to hand it to Cilium', () => {
    const inv = build({
      pools: [P],
      services: [svc('x', 'metal', { loadBalancerClass: 'metallb.io/metallb' })],
    });
    expect(alertById(inv, 'unhandled:x/metal')).toMatchObject({
      severity: 'info',
      title: 'x/metal is not handled by LB-IPAM',
    });
    expect(inv.services[0].satisfied).toBeNull();
  });

  it('no pool at all: LB-IPAM is dormant', () => {
    const inv = build({ services: [svc('x', 'web')] });
    expect(alertById(inv, 'unhandled:x/web')?.title).toBe('x/web has no address: LB-IPAM is dormant');
  });

  it('pools exist but no condition: the operator has not processed it; the engine predicts the outcome', () => {
    const inv = build({ pools: [P], services: [svc('x', 'web')] });
    const a = alertById(inv, 'unhandled:x/web');
    expect(a?.title).toBe('x/web has no address and no LB-IPAM condition');
    expect(a?.detail).toContain('Once it does, it should get 10.0.0.1.');
    const stuck = build({ pools: [P], services: [svc('x', 'web', { request: '10.9.9.9' })] });
    expect(alertById(stuck, 'unhandled:x/web')?.detail).toContain(
      'Even then it would stay pending: No CiliumLoadBalancerIPPool has a block containing 10.9.9.9.',
    );
  });

  it('says nothing about ClusterIP Services', () => {
    const inv = build({ pools: [P], services: [svc('x', 'internal', { type: 'ClusterIP' })] });
    expect(inv.alerts).toEqual([]);
    expect(inv.services).toEqual([]);
  });
});

describe('pool alerts', () => {
  it('a conflicting pool: Cilium’s message, and which pool to edit', () => {
    const message =
      "Pool conflicts since range '10.0.0.5 - 10.0.0.20' overlaps range '10.0.0.1 - 10.0.0.10' from IP Pool 'lan'";
    const inv = build({
      pools: [
        P,
        pool('new', [{ start: '10.0.0.5', stop: '10.0.0.20' }], {}, [
          { type: 'cilium.io/PoolConflict', status: 'True', reason: 'cidr_overlap', message },
        ]),
      ],
    });
    const a = alertById(inv, 'pool-conflict:new');
    expect(a?.detail).toContain(message);
    expect(a?.fix).toBe(
      "Edit pool 'new' (the newer pool, which Cilium disabled) so its range 10.0.0.5 - 10.0.0.20 no longer overlaps 10.0.0.1 - 10.0.0.10 of pool 'lan', or delete one of the two pools.",
    );
    expect(inv.pools.find((p) => p.name === 'new')).toMatchObject({
      conflicting: true,
      conflictMessage: message,
    });
  });

  it('a disabled pool that pending Services wait for', () => {
    const inv = build({
      pools: [pool('off', [{ start: '10.1.0.1', stop: '10.1.0.2' }], { disabled: true })],
      services: [
        svc('x', 'a', {
          request: '10.1.0.1',
          cond: ['no_pool', "No pool exists with a CIDR containing '10.1.0.1'"],
        }),
        svc('x', 'b', {
          cond: ['no_pool', 'There are no enabled CiliumLoadBalancerIPPools that match this service'],
        }),
      ],
    });
    expect(alertById(inv, 'pool-disabled:off')).toMatchObject({
      title: "Pool 'off' is disabled while 2 Services wait for it",
      detail: "x/a and x/b could get an address from pool 'off', but it has spec.disabled: true.",
    });
    expect(
      alertById(
        build({ pools: [pool('off', [{ cidr: '10.1.0.0/30' }], { disabled: true })] }),
        'pool-disabled:off',
      ),
    ).toBeUndefined();
  });

  it('a pool at 90% or more, and a full one', () => {
    const services = Array.from({ length: 9 }, (_, i) => holding('x', `s${i}`, `10.0.0.${i + 1}`));
    const almost = build({ pools: [P], services });
    expect(alertById(almost, 'pool-full:lan')).toMatchObject({
      title: "Pool 'lan' is 90% used (9 of 10)",
      detail: 'Only 1 address left: 10.0.0.10.',
    });
    const full = build({ pools: [P], services: [...services, holding('x', 'last', '10.0.0.10')] });
    expect(alertById(full, 'pool-full:lan')?.title).toBe("Pool 'lan' is full (10 of 10 used)");
    expect(alertById(build({ pools: [P], services: services.slice(0, 8) }), 'pool-full:lan')).toBeUndefined();
  });
});

describe('L2 announcement alerts', () => {
  it('a Service with an address that no policy selects', () => {
    const inv = build({
      pools: [P],
      l2Policies: [
        {
          metadata: { name: 'iot' },
          spec: { loadBalancerIPs: true, serviceSelector: { matchLabels: { zone: 'iot' } } },
        },
      ],
      services: [holding('x', 'web', '10.0.0.1')],
    });
    expect(alertById(inv, 'no-l2-policy:x/web')).toMatchObject({
      title: 'Nobody answers ARP for x/web',
      fix: "Widen the serviceSelector of a policy (e.g. 'iot') or add a policy with loadBalancerIPs: true that selects it.",
    });
  });

  it('a policy that selects it but does not announce LoadBalancer IPs', () => {
    const inv = build({
      pools: [P],
      l2Policies: [l2Policy('p', false)],
      services: [holding('x', 'web', '10.0.0.1')],
    });
    expect(alertById(inv, 'no-l2-policy:x/web')?.fix).toBe("Set loadBalancerIPs: true on policy 'p'.");
  });

  it('no policy at all: one alert, not one per Service', () => {
    const inv = build({
      pools: [P],
      l2Policies: [],
      services: [holding('x', 'a', '10.0.0.1'), holding('x', 'b', '10.0.0.2')],
    });
    expect(inv.alerts.map((a) => a.id)).toEqual(['no-l2-policies']);
  });

  it('a policy whose nodeSelector matches no node', () => {
    const inv = build({
      pools: [P],
      l2Policies: [
        {
          metadata: { name: 'arm' },
          spec: { loadBalancerIPs: true, nodeSelector: { matchLabels: { 'kubernetes.io/arch': 'arm64' } } },
        },
      ],
      nodes: [{ metadata: { name: 'n1', labels: { 'kubernetes.io/arch': 'amd64' } } }],
      services: [holding('x', 'web', '10.0.0.1')],
    });
    expect(alertById(inv, 'l2-policy-no-nodes:arm')).toMatchObject({
      title: "Policy 'arm' selects no node",
      detail: 'No node matches kubernetes.io/arch=arm64, so nobody announces the addresses of x/web.',
    });
  });

  it('a policy whose nodes are all NotReady; one Ready node among them is enough', () => {
    const arm = {
      metadata: { name: 'arm' },
      spec: { loadBalancerIPs: true, nodeSelector: { matchLabels: { 'kubernetes.io/arch': 'arm64' } } },
    };
    const node = (name: string, ready: boolean): KubeNode => ({
      metadata: { name, labels: { 'kubernetes.io/arch': 'arm64' } },
      status: {
        conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', reason: 'KubeletNotReady' }],
      },
    });
    const base = { pools: [P], l2Policies: [arm], services: [holding('x', 'web', '10.0.0.1')] };
    const down = build({ ...base, nodes: [node('n1', false)] });
    expect(alertById(down, 'l2-policy-no-nodes:arm')).toMatchObject({
      title: "Policy 'arm' selects only nodes that are not Ready",
      fix: "Bring n1 back, or widen the nodeSelector of policy 'arm' to Ready nodes.",
    });
    expect(
      alertById(build({ ...base, nodes: [node('n1', false), node('n2', true)] }), 'l2-policy-no-nodes:arm'),
    ).toBeUndefined();
  });

  it('an expired lease: no announcer shown, and an alert naming the last holder', () => {
    const inv = build({
      pools: [P],
      services: [holding('x', 'web', '10.0.0.1')],
      leases: [lease('x', 'web', 'node-2', 60)],
    });
    expect(expandRows(inv.pools, inv.services).rows[0].announcer).toBeNull();
    expect(alertById(inv, 'lease-expired:x/web')).toMatchObject({
      title: 'ARP lease for x/web expired',
      subjects: [{ kind: 'Lease', namespace: 'kube-system', name: 'cilium-l2announce-x-web' }],
    });
  });

  it('a live lease held by a NotReady node', () => {
    const node: KubeNode = {
      metadata: { name: 'node-2' },
      status: {
        conditions: [
          {
            type: 'Ready',
            status: 'Unknown',
            reason: 'NodeStatusUnknown',
            message: 'Kubelet stopped posting node status.',
          },
        ],
      },
    };
    const inv = build({
      pools: [P],
      services: [holding('x', 'web', '10.0.0.1')],
      leases: [lease('x', 'web', 'node-2')],
      nodes: [node],
    });
    expect(expandRows(inv.pools, inv.services).rows[0].announcer).toBe('node-2');
    expect(alertById(inv, 'lease-not-ready:x/web')?.title).toBe('x/web is announced by NotReady node node-2');
  });
});
