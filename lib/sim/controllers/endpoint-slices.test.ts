import { afterEach, describe, expect, it } from 'vitest';
import type { EndpointSlice, KubeNode, Lease, Pod } from '../../cilium/objects';
import { startEmbeddedCluster, type EmbeddedCluster } from '../embedded';

// The endpoint-slice controller and the kubelet stand-in, through the embedded cluster's store as
// kubectl would drive them: Pods bound to nodes get IPs and readiness, Services with a selector get
// a slice of them, selector-less Services keep the slices users write; and the L2 announcer's
// eTP=Local gate on Cilium ≥ 1.20.2 (reference F.1).

let cluster: EmbeddedCluster | undefined;
afterEach(async () => {
  await cluster?.stop();
  cluster = undefined;
});

const SLICE = { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice' };
const node = (name: string, i: number, role: string): KubeNode => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name, labels: { 'kubernetes.io/os': 'linux', role } },
  spec: { podCIDR: `10.42.${i}.0/24` },
  status: {
    conditions: [{ type: 'Ready', status: 'True' }],
    addresses: [{ type: 'InternalIP', address: `10.0.0.${i + 1}` }],
  },
});
const pod = (name: string, nodeName: string | undefined, app = 'web'): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default', labels: { app } },
  spec: {
    ...(nodeName ? { nodeName } : {}),
    containers: [{ name: 'c', image: 'nginx', ports: [{ name: 'http', containerPort: 8080 }] }],
  },
});

async function start(version?: string): Promise<EmbeddedCluster> {
  cluster = await startEmbeddedCluster({ seed: 'empty', l2RetryPeriodMs: 0 });
  const s = cluster.store;
  s.create(node('n1', 1, 'edge'), { withStatus: true });
  s.create(node('n2', 2, 'worker'), { withStatus: true });
  s.create({
    apiVersion: 'cilium.io/v2',
    kind: 'CiliumLoadBalancerIPPool',
    metadata: { name: 'p' },
    spec: { blocks: [{ cidr: '10.9.0.0/30' }] },
  });
  s.create({
    apiVersion: 'cilium.io/v2alpha1',
    kind: 'CiliumL2AnnouncementPolicy',
    metadata: { name: 'edge-only' },
    spec: { loadBalancerIPs: true, nodeSelector: { matchLabels: { role: 'edge' } } },
  });
  if (version) {
    s.create({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'cilium-operator', namespace: 'kube-system' },
      spec: {
        template: {
          spec: {
            containers: [
              { name: 'cilium-operator', image: `quay.io/cilium/operator-generic:v${version}@sha256:abc` },
            ],
          },
        },
      },
    });
  }
  await cluster.settle();
  return cluster;
}

const slicesOf = (c: EmbeddedCluster, svc: string) =>
  c.store.list(SLICE, { namespace: 'default', labelSelector: `kubernetes.io/service-name=${svc}` })
    .items as unknown as EndpointSlice[];

function lbService(name: string, etp: 'Local' | 'Cluster', selector: Record<string, string> | undefined) {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: 'default' },
    spec: {
      type: 'LoadBalancer',
      externalTrafficPolicy: etp,
      ...(selector ? { selector } : {}),
      ports: [{ name: 'http', port: 80, targetPort: 'http' }],
    },
  };
}

const lease = (c: EmbeddedCluster, svc: string) =>
  c.store.get({
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    namespace: 'kube-system',
    name: `cilium-l2announce-default-${svc}`,
  }) as unknown as Lease | undefined;

describe('endpoint slices', () => {
  it('lists the selected Pods with their IP, node and readiness, and follows them', async () => {
    const c = await start();
    c.store.create(lbService('web', 'Cluster', { app: 'web' }));
    c.store.create(pod('web-1', 'n1'));
    c.store.create(pod('web-2', 'n2'));
    c.store.create(pod('other', 'n2', 'db'));
    c.store.create(pod('unscheduled', undefined));
    await c.settle();
    const [slice, ...more] = slicesOf(c, 'web');
    expect(more).toHaveLength(0);
    expect(slice.metadata.labels?.['endpointslice.kubernetes.io/managed-by']).toBe(
      'endpointslice-controller.k8s.io',
    );
    expect(slice.ports).toEqual([{ name: 'http', port: 8080, protocol: 'TCP' }]);
    expect(
      slice.endpoints?.map((e) => [e.targetRef?.name, e.nodeName, e.conditions?.ready, e.addresses?.[0]]),
    ).toEqual([
      ['web-1', 'n1', true, '10.42.1.2'],
      ['web-2', 'n2', true, '10.42.2.2'],
    ]);

    // n2 goes NotReady: its Pod turns unready in the slice.
    const n2 = structuredClone(c.store.get({ apiVersion: 'v1', kind: 'Node', name: 'n2' })) as KubeNode;
    n2.status = { ...n2.status, conditions: [{ type: 'Ready', status: 'False', reason: 'KubeletStopped' }] };
    c.store.update(n2, { subresource: 'status' });
    await c.settle();
    expect(slicesOf(c, 'web')[0].endpoints?.map((e) => [e.nodeName, e.conditions?.ready])).toEqual([
      ['n1', true],
      ['n2', false],
    ]);

    c.store.delete({ apiVersion: 'v1', kind: 'Pod', namespace: 'default', name: 'web-1' });
    await c.settle();
    expect(slicesOf(c, 'web')[0].endpoints?.map((e) => e.targetRef?.name)).toEqual(['web-2']);

    c.store.delete({ apiVersion: 'v1', kind: 'Service', namespace: 'default', name: 'web' });
    await c.settle();
    expect(slicesOf(c, 'web')).toHaveLength(0);
  });

  it('leaves the slices of a selector-less Service as their writer made them', async () => {
    const c = await start();
    c.store.create(lbService('gw', 'Cluster', undefined));
    c.store.create({
      ...SLICE,
      metadata: { name: 'gw-manual', namespace: 'default', labels: { 'kubernetes.io/service-name': 'gw' } },
      addressType: 'IPv4',
      endpoints: [{ addresses: ['192.192.192.192'], conditions: { ready: true } }],
      ports: [{ port: 9999 }],
    });
    await c.settle();
    expect(slicesOf(c, 'gw').map((s) => s.metadata.name)).toEqual(['gw-manual']);
  });
});

describe('L2 announcer and externalTrafficPolicy: Local', () => {
  it('on Cilium ≥ 1.20.2 only a node with a local endpoint takes the lease; none means no lease', async () => {
    const c = await start('1.20.2');
    c.store.create(lbService('local', 'Local', { app: 'web' }));
    c.store.create(pod('web-1', 'n2')); // n2 is not selected by the policy
    await c.settle();
    c.tickL2();
    expect(lease(c, 'local')).toBeUndefined();

    c.store.create(pod('web-2', 'n1'));
    await c.settle();
    c.tickL2();
    expect(lease(c, 'local')?.spec.holderIdentity).toBe('n1');
  });

  it('below 1.20.2 the policy-selected node announces it whatever the endpoints', async () => {
    const c = await start('1.20.1');
    c.store.create(lbService('local', 'Local', { app: 'web' }));
    c.store.create(pod('web-1', 'n2'));
    await c.settle();
    c.tickL2();
    expect(lease(c, 'local')?.spec.holderIdentity).toBe('n1');
  });
});
