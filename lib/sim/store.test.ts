import { describe, expect, it } from 'vitest';
import { createStore } from './store';
import type { SimObject, WatchEvent } from './types';
import { apiError } from './testing/api-error';

const SVC = { apiVersion: 'v1', kind: 'Service' };
const POOL = { apiVersion: 'cilium.io/v2', kind: 'CiliumLoadBalancerIPPool' };
const fixed = () => new Date('2026-01-02T03:04:05.678Z');

function svc(name: string, extra: Record<string, unknown> = {}) {
  return {
    ...SVC,
    metadata: { name, namespace: 'default', labels: { app: name } },
    spec: { type: 'LoadBalancer', ports: [{ port: 80 }] },
    ...extra,
  };
}

describe('store: versions and metadata', () => {
  it('hands out increasing resourceVersions, a uid and creationTimestamp, generation 1', () => {
    const store = createStore({ now: fixed });
    const a = store.create(svc('a'));
    const b = store.create(svc('b'));
    expect(Number(b.metadata.resourceVersion)).toBeGreaterThan(Number(a.metadata.resourceVersion));
    expect(a.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.metadata.uid).not.toBe(b.metadata.uid);
    expect(a.metadata.creationTimestamp).toBe('2026-01-02T03:04:05Z');
    expect(a.metadata.generation).toBe(1);
    expect(store.resourceVersion()).toBe(b.metadata.resourceVersion);
  });

  it('bumps generation on spec changes only, not on labels or status', () => {
    const store = createStore();
    const a = store.create(svc('a'));
    const labelled = store.update({
      ...structuredClone(a),
      metadata: { ...a.metadata, labels: { app: 'a', x: 'y' } },
    });
    expect(labelled.metadata.generation).toBe(1);
    const status = store.update(
      { ...structuredClone(labelled), status: { loadBalancer: { ingress: [{ ip: '192.168.0.10' }] } } },
      { subresource: 'status' },
    );
    expect(status.metadata.generation).toBe(1);
    const spec = structuredClone(status) as SimObject & { spec: { ports: { port: number }[] } };
    spec.spec.ports = [{ port: 443 }];
    expect(store.update(spec).metadata.generation).toBe(2);
  });

  it('rejects an update carrying a stale resourceVersion with 409 Conflict', () => {
    const store = createStore();
    const a = store.create(svc('a'));
    store.update({ ...structuredClone(a), metadata: { ...a.metadata, labels: { v: '2' } } });
    const err = apiError(() =>
      store.update({ ...structuredClone(a), metadata: { ...a.metadata, labels: { v: '3' } } }),
    );
    expect(err.code).toBe(409);
    expect(err.reason).toBe('Conflict');
    expect(err.message).toContain('the object has been modified');
  });

  it('does not write (nor bump resourceVersion) when an update changes nothing', () => {
    const store = createStore();
    const a = store.create(svc('a'));
    const again = store.update(structuredClone(a));
    expect(again.metadata.resourceVersion).toBe(a.metadata.resourceVersion);
  });

  it('409 AlreadyExists, 404 for a missing namespace, 422 with field causes for bad names', () => {
    const store = createStore();
    store.create(svc('a'));
    expect(apiError(() => store.create(svc('a'))).reason).toBe('AlreadyExists');
    const ns = apiError(() => store.create({ ...svc('b'), metadata: { name: 'b', namespace: 'nope' } }));
    expect([ns.code, ns.message]).toEqual([404, 'namespaces "nope" not found']);
    const bad = apiError(() => store.create({ ...POOL, metadata: { name: 'Bad_Name' }, spec: {} }));
    expect(bad.code).toBe(422);
    expect(bad.details.causes?.[0].field).toBe('metadata.name');
    expect(
      apiError(() => store.create({ ...POOL, metadata: {}, spec: {} })).details.causes?.[0].message,
    ).toContain('Required value');
  });

  it('422s bad label/annotation keys and annotations over 256 KiB, as the API server does', () => {
    const store = createStore();
    const withMeta = (name: string, meta: Record<string, unknown>) => ({
      ...svc(name),
      metadata: { name, namespace: 'default', ...meta },
    });
    const key = apiError(() => store.create(withMeta('k', { labels: { 'bad key': 'v' } })));
    expect([key.code, key.details.causes?.[0].field]).toEqual([422, 'metadata.labels']);
    expect(key.message).toContain(
      'Invalid value: "bad key": name part must consist of alphanumeric characters',
    );
    expect(
      apiError(() => store.create(withMeta('p', { annotations: { 'Bad_Prefix/x': 'v' } }))).message,
    ).toContain('prefix part');
    const big = apiError(() =>
      store.create(withMeta('big', { annotations: { note: 'a'.repeat(300 * 1024) } })),
    );
    expect(big.message).toBe(
      'Service "big" is invalid: metadata.annotations: Too long: must have at most 262144 bytes',
    );
    expect(store.get({ ...SVC, namespace: 'default', name: 'big' })).toBeUndefined();
    expect(
      store.create(
        withMeta('ok', {
          labels: { 'app.kubernetes.io/name': 'x' },
          annotations: { 'lbipam.cilium.io/ips': '10.0.0.1', note: 'a'.repeat(1000) },
        }),
      ).metadata.name,
    ).toBe('ok');
  });

  it('returns frozen objects so callers cannot corrupt the store', () => {
    const store = createStore();
    const a = store.create(svc('a'));
    expect(() => {
      (a.metadata as { name: string }).name = 'x';
    }).toThrow();
  });
});

describe('store: services', () => {
  it('defaults protocol, targetPort, a cluster IP in 10.96.0.0/12 and node ports for LoadBalancer', () => {
    const store = createStore();
    const a = store.create(svc('a')) as SimObject & {
      spec: Record<string, unknown> & { ports: Record<string, unknown>[] };
    };
    expect(a.spec.clusterIP).toMatch(/^10\.(9[6-9]|10\d|11[01])\./);
    expect(a.spec.ports[0]).toMatchObject({ port: 80, protocol: 'TCP', targetPort: 80 });
    expect(a.spec.ports[0].nodePort).toBeGreaterThanOrEqual(30000);
    const b = store.create({ ...svc('b'), spec: { ports: [{ port: 80 }] } }) as SimObject & {
      spec: Record<string, unknown> & { ports: Record<string, unknown>[] };
    };
    expect(b.spec.type).toBe('ClusterIP');
    expect(b.spec.ports[0].nodePort).toBeUndefined();
    expect(b.spec.clusterIP).not.toBe(a.spec.clusterIP);
  });

  it('rejects bad types and ports with 422 naming the field', () => {
    const store = createStore();
    const port = apiError(() =>
      store.create({ ...svc('a'), spec: { type: 'LoadBalancer', ports: [{ port: 70000 }] } }),
    );
    expect(port.details.causes?.map((c) => c.field)).toEqual(['spec.ports[0].port']);
    const type = apiError(() =>
      store.create({ ...svc('a'), spec: { type: 'Magic', ports: [{ port: 80 }] } }),
    );
    expect(type.message).toContain('spec.type: Unsupported value: "Magic"');
  });

  it('drops status on create and on main-resource updates; /status writes only status', () => {
    const store = createStore();
    const a = store.create({ ...svc('a'), status: { loadBalancer: { ingress: [{ ip: '1.2.3.4' }] } } });
    expect(a.status).toEqual({ loadBalancer: {} });
    const s = store.update(
      {
        ...structuredClone(a),
        metadata: { ...a.metadata, labels: { hacked: 'yes' } },
        status: { loadBalancer: { ingress: [{ ip: '192.168.0.10' }] } },
      },
      { subresource: 'status' },
    );
    expect(s.metadata.labels).toEqual({ app: 'a' });
    expect(s.status).toEqual({ loadBalancer: { ingress: [{ ip: '192.168.0.10' }] } });
    const m = store.update({ ...structuredClone(s), status: { loadBalancer: {} } });
    expect(m.status).toEqual({ loadBalancer: { ingress: [{ ip: '192.168.0.10' }] } });
  });
});

describe('store: dry run', () => {
  it('validates and returns the result of create, update, patch and delete but stores nothing', () => {
    const store = createStore();
    const rv = store.resourceVersion();
    const dry = store.create(svc('a'), { dryRun: true });
    expect(dry.metadata.name).toBe('a');
    expect(store.get({ ...SVC, namespace: 'default', name: 'a' })).toBeUndefined();
    expect(store.resourceVersion()).toBe(rv);
    expect(
      apiError(() => store.create({ ...svc('a'), spec: { ports: [{ port: 0 }] } }, { dryRun: true })).code,
    ).toBe(422);
    const a = store.create(svc('a'));
    store.patch(
      { ...SVC, namespace: 'default', name: 'a' },
      'merge',
      { metadata: { labels: { x: '1' } } },
      { dryRun: true },
    );
    store.delete({ ...SVC, namespace: 'default', name: 'a' }, { dryRun: true });
    expect(store.get({ ...SVC, namespace: 'default', name: 'a' })).toBe(a);
  });
});

describe('store: selectors and versions', () => {
  it('lists by namespace, label selector and field selector', () => {
    const store = createStore();
    store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'prod' } });
    store.create(svc('a'));
    store.create({
      ...svc('b'),
      metadata: { name: 'b', namespace: 'prod', labels: { app: 'b', tier: 'db' } },
      spec: { ports: [{ port: 1 }] },
    });
    const names = (opts: Record<string, string>) => store.list(SVC, opts).items.map((o) => o.metadata.name);
    expect(names({})).toEqual(['a', 'b']);
    expect(names({ namespace: 'prod' })).toEqual(['b']);
    expect(names({ labelSelector: 'tier' })).toEqual(['b']);
    expect(names({ labelSelector: '!tier' })).toEqual(['a']);
    expect(names({ labelSelector: 'app in (a, b),tier!=db' })).toEqual(['a']);
    expect(names({ fieldSelector: 'spec.type=ClusterIP' })).toEqual(['b']);
    expect(names({ fieldSelector: 'metadata.namespace!=prod' })).toEqual(['a']);
    expect(apiError(() => store.list(SVC, { fieldSelector: 'spec.foo=1' })).code).toBe(400);
  });

  it('serves CiliumLoadBalancerIPPool from one store under v2 and v2alpha1', () => {
    const store = createStore();
    store.create({
      apiVersion: 'cilium.io/v2alpha1',
      kind: 'CiliumLoadBalancerIPPool',
      metadata: { name: 'blue' },
      spec: { blocks: [] },
    });
    const v2 = store.get({ ...POOL, name: 'blue' });
    expect(v2?.apiVersion).toBe('cilium.io/v2');
    expect(v2?.spec).toEqual({ blocks: [], disabled: false });
    expect(
      store.list({ apiVersion: 'cilium.io/v2alpha1', kind: 'CiliumLoadBalancerIPPool' }).items[0].apiVersion,
    ).toBe('cilium.io/v2alpha1');
  });

  it('deleting a namespace deletes what is in it', () => {
    const store = createStore();
    store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'tmp' } });
    store.create({ ...svc('a'), metadata: { name: 'a', namespace: 'tmp' } });
    store.delete({ apiVersion: 'v1', kind: 'Namespace', name: 'tmp' });
    expect(store.list(SVC).items).toEqual([]);
    expect(apiError(() => store.delete({ apiVersion: 'v1', kind: 'Namespace', name: 'default' })).code).toBe(
      403,
    );
  });
});

describe('store: watch', () => {
  it('starts with ADDED for current objects, then streams changes', () => {
    const store = createStore();
    store.create(svc('a'));
    const seen: string[] = [];
    const stop = store.watch(SVC, {}, (ev) => seen.push(`${ev.type} ${ev.object.metadata.name}`));
    store.create(svc('b'));
    store.delete({ ...SVC, namespace: 'default', name: 'a' });
    stop();
    store.create(svc('c'));
    expect(seen).toEqual(['ADDED a', 'ADDED b', 'DELETED a']);
  });

  it('resumes after a resourceVersion and answers 410 Gone once history is compacted', () => {
    const store = createStore({ historyLimit: 4 });
    const a = store.create(svc('a'));
    const seen: WatchEvent[] = [];
    store.watch(SVC, { resourceVersion: a.metadata.resourceVersion }, (ev) => seen.push(ev)); // nothing yet
    store.create(svc('b'));
    const rvAfterB = store.resourceVersion();
    store.create(svc('c'));
    const resumed: string[] = [];
    store.watch(SVC, { resourceVersion: rvAfterB }, (ev) => resumed.push(ev.object.metadata.name))();
    expect(resumed).toEqual(['c']);
    expect(seen.map((e) => e.object.metadata.name)).toEqual(['b', 'c']);
    for (const n of ['d', 'e', 'f', 'g', 'h']) store.create(svc(n));
    const err = apiError(() =>
      store.watch(SVC, { resourceVersion: a.metadata.resourceVersion }, () => undefined),
    );
    expect([err.code, err.reason]).toEqual([410, 'Expired']);
    expect(err.message).toMatch(/^too old resource version: \d+ \(\d+\)$/);
  });

  it('a label-selected watch sees objects enter and leave the selection', () => {
    const store = createStore();
    const a = store.create(svc('a'));
    const seen: string[] = [];
    store.watch(SVC, { labelSelector: 'team=x' }, (ev) => seen.push(ev.type));
    const inX = store.patch({ ...SVC, namespace: 'default', name: 'a' }, 'merge', {
      metadata: { labels: { team: 'x' } },
    });
    store.patch({ ...SVC, namespace: 'default', name: 'a' }, 'merge', {
      metadata: { annotations: { n: '1' } },
    });
    store.patch({ ...SVC, namespace: 'default', name: 'a' }, 'merge', {
      metadata: { labels: { team: null } },
    });
    expect(inX.metadata.resourceVersion).not.toBe(a.metadata.resourceVersion);
    expect(seen).toEqual(['ADDED', 'MODIFIED', 'DELETED']);
  });
});

describe('store: Event in v1 and events.k8s.io/v1', () => {
  it('is one object seen through both shapes', () => {
    const store = createStore();
    store.create({
      apiVersion: 'events.k8s.io/v1',
      kind: 'Event',
      metadata: { name: 'web.1', namespace: 'default' },
      regarding: { kind: 'Service', name: 'web', namespace: 'default' },
      note: 'No pool matches',
      reason: 'NoPool',
      type: 'Warning',
      reportingController: 'lbipam',
    });
    const core = store.get({ apiVersion: 'v1', kind: 'Event', namespace: 'default', name: 'web.1' });
    expect(core).toMatchObject({
      apiVersion: 'v1',
      involvedObject: { name: 'web' },
      message: 'No pool matches',
      reportingComponent: 'lbipam',
    });
    const seen: string[] = [];
    store.watch({ apiVersion: 'events.k8s.io/v1', kind: 'Event' }, {}, (ev) =>
      seen.push(`${ev.type} ${String(ev.object.note)}`),
    );
    store.patch({ apiVersion: 'v1', kind: 'Event', namespace: 'default', name: 'web.1' }, 'merge', {
      message: 'Pool found',
    });
    store.patch(
      { apiVersion: 'events.k8s.io/v1', kind: 'Event', namespace: 'default', name: 'web.1' },
      'merge',
      { note: 'Again' },
    );
    expect(seen).toEqual(['ADDED No pool matches', 'MODIFIED Pool found', 'MODIFIED Again']);
    expect(store.list({ apiVersion: 'v1', kind: 'Event' }).items[0].message).toBe('Again');
  });
});

describe('store: server-side apply', () => {
  it('409s when another applier owns a field with a different value; force takes it over', () => {
    const store = createStore();
    const ref = { ...POOL, name: 'p' };
    const cfg = (spec: Record<string, unknown>, labels: Record<string, string> = {}) => ({
      ...POOL,
      metadata: { name: 'p', labels },
      spec,
    });
    store.patch(ref, 'apply', cfg({ blocks: [{ cidr: '10.0.0.0/24' }] }, { team: 'a' }), {
      fieldManager: 'alice',
    });
    // The same values from someone else are shared ownership, not a conflict.
    store.patch(ref, 'apply', cfg({ blocks: [{ cidr: '10.0.0.0/24' }] }), { fieldManager: 'bob' });
    const err = apiError(() =>
      store.patch(ref, 'apply', cfg({ blocks: [{ cidr: '10.0.1.0/24' }] }, { team: 'b' }), {
        fieldManager: 'bob',
      }),
    );
    expect(err.code).toBe(409);
    expect(err.reason).toBe('Conflict');
    expect(err.message).toBe(
      'Apply failed with 2 conflicts: conflicts with "alice":\n- .metadata.labels.team\n- .spec.blocks',
    );
    expect(err.details.causes?.map((c) => c.field)).toEqual(['.metadata.labels.team', '.spec.blocks']);
    expect(store.get(ref)?.spec).toMatchObject({ blocks: [{ cidr: '10.0.0.0/24' }] });
    const forced = store.patch(ref, 'apply', cfg({ blocks: [{ cidr: '10.0.1.0/24' }] }), {
      fieldManager: 'bob',
      force: true,
    });
    expect(forced.spec).toMatchObject({ blocks: [{ cidr: '10.0.1.0/24' }] });
    // Alice lost .spec.blocks to bob: her old value now conflicts with him; her label is still hers.
    const back = apiError(() =>
      store.patch(ref, 'apply', cfg({ blocks: [{ cidr: '10.0.0.0/24' }] }, { team: 'a' }), {
        fieldManager: 'alice',
      }),
    );
    expect(back.message).toBe('Apply failed with 1 conflict: conflict with "bob": .spec.blocks');
  });

  it('a field changed by a plain update is no longer the applier’s, and a dropped field someone else owns stays', () => {
    const store = createStore();
    const ref = { ...POOL, name: 'p' };
    const cfg = (labels: Record<string, string>) => ({
      ...POOL,
      metadata: { name: 'p', labels },
      spec: { blocks: [{ cidr: '10.0.0.0/24' }] },
    });
    store.patch(ref, 'apply', cfg({ team: 'a', shared: 'x' }), { fieldManager: 'alice' });
    store.patch(ref, 'apply', cfg({ shared: 'x' }), { fieldManager: 'bob' });
    store.patch(ref, 'merge', { metadata: { labels: { team: 'edited' } } });
    expect(
      store.patch(ref, 'apply', cfg({ team: 'b', shared: 'x' }), { fieldManager: 'bob' }).metadata.labels,
    ).toEqual({ team: 'b', shared: 'x' });
    expect(store.patch(ref, 'apply', cfg({}), { fieldManager: 'alice' }).metadata.labels).toEqual({
      team: 'b',
      shared: 'x',
    });
  });

  it('removes what the same manager applied before and no longer applies, keeping others’ fields', () => {
    const store = createStore();
    const ref = { ...POOL, name: 'p' };
    const cfg = (labels: Record<string, string>, spec: Record<string, unknown>) => ({
      ...POOL,
      metadata: { name: 'p', labels },
      spec,
    });
    store.patch(
      ref,
      'apply',
      cfg({ a: '1', b: '2' }, { blocks: [{ cidr: '10.0.0.0/24' }], allowFirstLastIPs: 'No' }),
      { fieldManager: 'me' },
    );
    store.patch(ref, 'merge', { metadata: { labels: { other: 'x' } } });
    const out = store.patch(ref, 'apply', cfg({ a: '1' }, { blocks: [{ cidr: '10.0.1.0/24' }] }), {
      fieldManager: 'me',
    });
    expect(out.metadata.labels).toEqual({ a: '1', other: 'x' });
    expect(out.spec).toEqual({ blocks: [{ cidr: '10.0.1.0/24' }], disabled: false });
    const theirs = store.patch(ref, 'apply', cfg({ c: '3' }, {}), { fieldManager: 'them' });
    expect(theirs.metadata.labels).toEqual({ a: '1', other: 'x', c: '3' });
  });
});
