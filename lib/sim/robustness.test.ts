import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmbeddedCluster, type EmbeddedCluster } from './embedded';

// Typed garbage against the whole embedded cluster (API server *and* controllers): objects of the
// right kind whose fields have the wrong types or odd values. Each write gets a Status or is
// stored; the controllers digest whatever was stored (an engine or election that throws here
// would, in a timer, end the process); afterwards the cluster still hands out addresses.

let cluster: EmbeddedCluster | undefined;
afterEach(async () => {
  await cluster?.stop();
  cluster = undefined;
});

const time = new Date('2026-01-10T12:00:00.000Z');

async function send(method: string, path: string, body: unknown, type = 'application/json') {
  const res = await fetch(`${cluster?.server}${path}`, {
    method,
    headers: { 'Content-Type': type },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: JSON.parse(await res.text()) as Record<string, unknown> };
}

const str = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('192.168.0.225', '10.0.0.0/30', '::1/127', '192.168.0.300', 'No', 'Yes', ''),
);
const junk = fc.oneof(fc.jsonValue({ maxDepth: 2 }), str, fc.integer(), fc.boolean());
/** Mostly the right type with odd values (so it gets stored and reaches the controllers), sometimes junk. */
const typed = <T>(good: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: good, weight: 5 }, { arbitrary: junk, weight: 1 });
const strs = fc.array(str, { maxLength: 2 });
const selector = typed(
  fc.record(
    {
      matchLabels: typed(fc.dictionary(fc.constantFrom('a', 'b', 'kubernetes.io/os'), str)),
      matchExpressions: typed(
        fc.array(
          fc.record({
            key: str,
            operator: fc.constantFrom('In', 'NotIn', 'Exists', 'DoesNotExist', 'Bogus'),
            values: typed(strs),
          }),
          { maxLength: 2 },
        ),
      ),
    },
    { requiredKeys: [] },
  ),
);
const block = fc.record({ cidr: str, start: str, stop: str }, { requiredKeys: [] });
const port = fc.record(
  {
    port: typed(fc.integer({ min: 1, max: 65535 })),
    protocol: typed(fc.constantFrom('TCP', 'UDP', 'SCTP', 'HTTP')),
    name: str,
  },
  { requiredKeys: ['port'] },
);
const stamp = typed(fc.constantFrom('2026-01-10T12:00:00.000000Z', '2026-01-10T11:59:00Z', 'yesterday', ''));
const TARGETS = [
  {
    path: '/apis/cilium.io/v2/ciliumloadbalancerippools',
    apiVersion: 'cilium.io/v2',
    kind: 'CiliumLoadBalancerIPPool',
    spec: {
      blocks: typed(fc.array(block, { maxLength: 3 })),
      disabled: typed(fc.boolean()),
      allowFirstLastIPs: typed(fc.constantFrom('Yes', 'No', 'maybe')),
      serviceSelector: selector,
    },
  },
  {
    path: '/apis/cilium.io/v2alpha1/ciliuml2announcementpolicies',
    apiVersion: 'cilium.io/v2alpha1',
    kind: 'CiliumL2AnnouncementPolicy',
    spec: {
      nodeSelector: selector,
      serviceSelector: selector,
      loadBalancerIPs: typed(fc.boolean()),
      externalIPs: typed(fc.boolean()),
      interfaces: typed(strs),
    },
  },
  {
    path: '/api/v1/namespaces/default/services',
    apiVersion: 'v1',
    kind: 'Service',
    spec: {
      type: typed(fc.constantFrom('LoadBalancer', 'ClusterIP', 'NodePort')),
      ports: typed(fc.array(port, { minLength: 1, maxLength: 2 })),
      loadBalancerClass: typed(fc.constantFrom('io.cilium/l2-announcer', 'other', '')),
      loadBalancerIP: str,
      externalIPs: typed(strs),
      selector: typed(fc.dictionary(fc.constantFrom('a', 'b'), str)),
      allocateLoadBalancerNodePorts: typed(fc.boolean()),
    },
  },
  {
    path: '/apis/gateway.networking.k8s.io/v1/namespaces/default/gateways',
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'Gateway',
    spec: {
      gatewayClassName: typed(fc.constantFrom('envoy', 'other')),
      listeners: typed(
        fc.array(
          fc.record({
            name: str,
            port: typed(fc.integer({ min: 1, max: 65535 })),
            protocol: typed(fc.constantFrom('HTTP', 'HTTPS', 'TCP')),
          }),
          { maxLength: 2 },
        ),
      ),
      infrastructure: typed(
        fc.record({ annotations: typed(fc.dictionary(fc.constantFrom('lbipam.cilium.io/ips', 'x'), str)) }),
      ),
      addresses: typed(fc.array(fc.record({ type: str, value: str }), { maxLength: 1 })),
    },
  },
  {
    path: '/apis/coordination.k8s.io/v1/namespaces/kube-system/leases',
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    spec: {
      holderIdentity: typed(fc.constantFrom('pitower-1', 'pitower-9', '')),
      leaseDurationSeconds: typed(fc.integer({ min: -5, max: 30 })),
      renewTime: stamp,
      acquireTime: stamp,
      leaseTransitions: typed(fc.integer({ min: -1, max: 3 })),
    },
  },
  {
    path: '/api/v1/nodes',
    apiVersion: 'v1',
    kind: 'Node',
    spec: {
      unschedulable: typed(fc.boolean()),
      taints: typed(fc.array(fc.record({ key: str, effect: str }), { maxLength: 1 })),
    },
  },
] as const;
const annotations = typed(
  fc.dictionary(
    fc.constantFrom(
      'lbipam.cilium.io/ips',
      'lbipam.cilium.io/sharing-key',
      'lbipam.cilium.io/sharing-cross-namespace',
      'io.cilium/lb-ipam-ips',
    ),
    str,
  ),
);
const labels = typed(
  fc.dictionary(fc.constantFrom('a', 'b', 'kubernetes.io/os'), fc.constantFrom('x', 'linux', '')),
);
const status = typed(
  fc.record(
    {
      conditions: typed(
        fc.array(
          fc.record({
            type: typed(fc.constantFrom('Ready', 'cilium.io/PoolConflict', 'Programmed')),
            status: typed(fc.constantFrom('True', 'False', 'Unknown')),
          }),
          { maxLength: 2 },
        ),
      ),
      loadBalancer: typed(fc.record({ ingress: typed(fc.array(fc.record({ ip: str }), { maxLength: 2 })) })),
      addresses: typed(
        fc.array(fc.record({ type: typed(fc.constantFrom('InternalIP', 'x')), address: str }), {
          maxLength: 1,
        }),
      ),
    },
    { requiredKeys: [] },
  ),
);

describe('embedded cluster under typed garbage', () => {
  it('answers every write with an object or a 4xx Status, and the controllers keep working', async () => {
    cluster = await startEmbeddedCluster({ seed: 'demo', now: () => time, l2RetryPeriodMs: 0 });
    let n = 0;
    const written: string[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc
          .integer({ min: 0, max: TARGETS.length - 1 })
          .chain((i) =>
            fc.tuple(
              fc.constant(i),
              fc.record<Record<string, unknown>>(TARGETS[i].spec, { requiredKeys: [] }),
              fc.record<Record<string, unknown>>(TARGETS[i].spec, { requiredKeys: [] }),
            ),
          ),
        annotations,
        labels,
        status,
        fc.constantFrom(
          'application/merge-patch+json',
          'application/strategic-merge-patch+json',
          'application/apply-patch+yaml',
        ),
        async ([i, spec, later], anns, labs, status, patchType) => {
          const t = TARGETS[i];
          const name = `fz-${n++}`;
          const res = await send('POST', t.path, {
            apiVersion: t.apiVersion,
            kind: t.kind,
            metadata: { name, annotations: anns, labels: labs },
            spec,
          });
          if (res.status >= 400) {
            expect(res.body).toMatchObject({ kind: 'Status', status: 'Failure', code: res.status });
            expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
            return;
          }
          written.push(`${t.path}/${name}`);
          const st = await send(
            'PATCH',
            `${t.path}/${name}/status`,
            { status },
            'application/merge-patch+json',
          );
          expect(st.status, JSON.stringify(st.body)).toBeLessThan(500);
          await cluster?.settle();
          // Then a change of spec, by patch or server-side apply (JSON is valid YAML).
          const body = patchType.includes('apply')
            ? { apiVersion: t.apiVersion, kind: t.kind, metadata: { name }, spec: later }
            : { spec: later };
          const changed = await send(
            'PATCH',
            `${t.path}/${name}?fieldManager=fuzz&force=true`,
            body,
            patchType,
          );
          expect(changed.status, JSON.stringify(changed.body)).toBeLessThan(500);
          await cluster?.settle();
          cluster?.tickL2();
        },
      ),
      { numRuns: 250 },
    );
    expect(written.length).toBeGreaterThan(20);
    for (const path of written)
      expect((await fetch(`${cluster.server}${path}`, { method: 'DELETE' })).status).toBeLessThan(500);
    await cluster.settle();
    // Still allocating: a new Service asking for a free page address gets it and a lease.
    const svc = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'after', annotations: { 'lbipam.cilium.io/ips': '192.168.0.225' } },
      spec: { type: 'LoadBalancer', ports: [{ port: 80 }] },
    };
    expect((await send('POST', '/api/v1/namespaces/default/services', svc)).status).toBe(201);
    await cluster.settle();
    cluster.tickL2();
    const got = await (await fetch(`${cluster.server}/api/v1/namespaces/default/services/after`)).json();
    expect(got.status.loadBalancer.ingress).toEqual([{ ip: '192.168.0.225' }]);
    expect(
      (
        await fetch(
          `${cluster.server}/apis/coordination.k8s.io/v1/namespaces/kube-system/leases/cilium-l2announce-default-after`,
        )
      ).status,
    ).toBe(200);
  }, 120_000);

  it('rejects a wrongly typed field with 422 naming it, as a CRD schema does', async () => {
    cluster = await startEmbeddedCluster({ seed: 'empty', now: () => time, l2RetryPeriodMs: 0 });
    const pool = {
      apiVersion: 'cilium.io/v2',
      kind: 'CiliumLoadBalancerIPPool',
      metadata: { name: 'bad' },
      spec: { blocks: 'oops' },
    };
    const res = await send('POST', '/apis/cilium.io/v2/ciliumloadbalancerippools', pool);
    expect(res.status).toBe(422);
    expect(res.body.message).toBe(
      'CiliumLoadBalancerIPPool.cilium.io "bad" is invalid: spec.blocks: Invalid value: "string": spec.blocks in body must be of type array: "string"',
    );
    expect((res.body.details as { causes: { field: string }[] }).causes[0].field).toBe('spec.blocks');
    const port = await send('POST', '/api/v1/namespaces/default/services', {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 's' },
      spec: { ports: [{ port: 'http' }] },
    });
    expect([port.status, (port.body.details as { causes: { field: string }[] }).causes[0].field]).toEqual([
      422,
      'spec.ports[0].port',
    ]);
    // Cilium's CRD: cidr has format cidr, allowFirstLastIPs is an enum; Service policies are enums.
    const cidr = await send('POST', '/apis/cilium.io/v2/ciliumloadbalancerippools', {
      ...pool,
      spec: { blocks: [{ cidr: '10.0.0.0/33' }], allowFirstLastIPs: 'maybe' },
    });
    expect(cidr.status).toBe(422);
    expect(cidr.body.message).toBe(
      'CiliumLoadBalancerIPPool.cilium.io "bad" is invalid: [spec.blocks[0].cidr: Invalid value: "10.0.0.0/33": spec.blocks[0].cidr in body must be of type cidr: "10.0.0.0/33", spec.allowFirstLastIPs: Unsupported value: "maybe": supported values: "Yes", "No"]',
    );
    const policy = await send('POST', '/api/v1/namespaces/default/services', {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 's' },
      spec: { ports: [{ port: 80 }], externalTrafficPolicy: 'Bogus' },
    });
    expect(policy.body.message).toBe(
      'Service "s" is invalid: spec.externalTrafficPolicy: Unsupported value: "Bogus": supported values: "Cluster", "Local"',
    );
    // start/stop are plain strings in the CRD: a bad one is stored, and the engine reports it (no crash).
    const range = await send('POST', '/apis/cilium.io/v2/ciliumloadbalancerippools', {
      ...pool,
      metadata: { name: 'range' },
      spec: { blocks: [{ start: 'nope', stop: '10.0.0.9' }] },
    });
    expect(range.status).toBe(201);
    await cluster.settle();
    expect((await fetch(`${cluster.server}/version`)).status).toBe(200);
  });
});
