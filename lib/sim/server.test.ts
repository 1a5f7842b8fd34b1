import { CoreV1Api, KubeConfig, makeInformer, type V1Service } from '@kubernetes/client-node';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer } from './server';
import { createStore, type Store } from './store';

let store: Store;
let server: ApiServer;

beforeEach(async () => {
  store = createStore({ historyLimit: 20 });
  store.create({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web', namespace: 'default' },
    spec: { type: 'LoadBalancer', ports: [{ port: 80 }, { port: 443, protocol: 'UDP' }] },
  });
  store.create(
    {
      apiVersion: 'cilium.io/v2',
      kind: 'CiliumLoadBalancerIPPool',
      metadata: { name: 'blue' },
      spec: { blocks: [{ cidr: '192.168.0.0/24' }] },
      status: {
        conditions: [
          { type: 'cilium.io/PoolConflict', status: 'False' },
          { type: 'cilium.io/IPsAvailable', status: 'Unknown', message: '254' },
        ],
      },
    },
    { withStatus: true },
  );
  server = await startApiServer({ store, port: 0, bookmarkIntervalMs: 50, maxBodyBytes: 64 * 1024 });
});

afterEach(async () => {
  await server.close();
});

async function call(path: string, init: RequestInit = {}) {
  const res = await fetch(`${server.url}${path}`, init);
  const text = await res.text();
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    body: text ? JSON.parse(text) : undefined,
  };
}

const json = (method: string, body: unknown, type = 'application/json'): RequestInit => ({
  method,
  headers: { 'Content-Type': type },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

describe('discovery', () => {
  it('serves /version ending in -lbipam-sim and resource lists from the kind table', async () => {
    expect((await call('/version')).body.gitVersion).toMatch(/-lbipam-sim$/);
    const core = (await call('/api/v1')).body;
    const svc = core.resources.find((r: { name: string }) => r.name === 'services');
    expect(svc).toMatchObject({ kind: 'Service', namespaced: true, shortNames: ['svc'] });
    expect(svc.verbs).toContain('watch');
    expect(core.resources.map((r: { name: string }) => r.name)).toContain('services/status');
    const cilium = (await call('/apis/cilium.io/v2alpha1')).body;
    expect(cilium.resources.map((r: { name: string }) => r.name)).toEqual(
      expect.arrayContaining(['ciliumloadbalancerippools', 'ciliuml2announcementpolicies']),
    );
    const pools = (await call('/apis/cilium.io/v2')).body.resources[0];
    expect(pools).toMatchObject({
      shortNames: ['ippools', 'ippool', 'lbippool', 'lbippools'],
      categories: ['cilium'],
    });
    const groups = (await call('/apis')).body.groups.map((g: { name: string }) => g.name);
    expect(groups).toEqual([
      'events.k8s.io',
      'discovery.k8s.io',
      'apps',
      'coordination.k8s.io',
      'cilium.io',
      'gateway.networking.k8s.io',
    ]);
  });

  it('answers aggregated discovery when asked for it', async () => {
    const res = await call('/apis', {
      headers: {
        Accept: 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json',
      },
    });
    expect(res.type).toContain('as=APIGroupDiscoveryList');
    const cilium = res.body.items.find(
      (i: { metadata: { name: string } }) => i.metadata.name === 'cilium.io',
    );
    expect(cilium.versions.map((v: { version: string }) => v.version)).toEqual(['v2', 'v2alpha1']);
  });
});

describe('errors are Status objects', () => {
  it('404 names the resource and group', async () => {
    const svc = await call('/api/v1/namespaces/default/services/nope');
    expect(svc).toMatchObject({
      status: 404,
      body: {
        kind: 'Status',
        apiVersion: 'v1',
        status: 'Failure',
        reason: 'NotFound',
        code: 404,
        message: 'services "nope" not found',
      },
    });
    expect((await call('/apis/cilium.io/v2/ciliumloadbalancerippools/red')).body.message).toBe(
      'ciliumloadbalancerippools.cilium.io "red" not found',
    );
    expect((await call('/apis/nothing/v1/things')).status).toBe(404);
  });

  it('400 malformed JSON, 405, 409, 413, 415, 422 with field causes', async () => {
    const base = '/api/v1/namespaces/default/services';
    expect((await call(base, json('POST', '{"kind":'))).body).toMatchObject({
      kind: 'Status',
      code: 400,
      reason: 'BadRequest',
    });
    expect((await call(`${base}/web`, json('POST', {}))).status).toBe(405);
    const dup = await call(
      base,
      json('POST', {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'web' },
        spec: { ports: [{ port: 1 }] },
      }),
    );
    expect(dup.body).toMatchObject({ code: 409, reason: 'AlreadyExists' });
    const big = await call(base, json('POST', `{"x":"${'a'.repeat(70 * 1024)}"}`));
    expect(big.body).toMatchObject({ kind: 'Status', code: 413 });
    expect((await call(base, json('POST', 'hello', 'text/plain'))).body.code).toBe(415);
    const smp = await call(
      '/apis/cilium.io/v2/ciliumloadbalancerippools/blue',
      json('PATCH', { spec: {} }, 'application/strategic-merge-patch+json'),
    );
    expect(smp.body.code).toBe(415);
    const wrong = await call(
      base,
      json('POST', { apiVersion: 'apps/v1', kind: 'Service', metadata: { name: 'x' } }),
    );
    expect(wrong.body.code).toBe(422);
    expect(wrong.body.details.causes.map((c: { field: string }) => c.field)).toEqual(['apiVersion']);
    expect((await call('/api/v1/%E0%A4%A')).body.code).toBe(400);
    expect((await call('/version')).status).toBe(200); // still serving
  });
});

describe('writes', () => {
  it('dryRun=All validates and returns but stores nothing, also via DeleteOptions in the body', async () => {
    const base = '/api/v1/namespaces/default/services';
    const res = await call(
      `${base}?dryRun=All`,
      json('POST', {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'dry' },
        spec: { ports: [{ port: 53, protocol: 'UDP' }] },
      }),
    );
    expect(res.status).toBe(201);
    expect(res.body.spec.ports[0]).toMatchObject({ port: 53, protocol: 'UDP', targetPort: 53 });
    expect((await call(`${base}/dry`)).status).toBe(404);
    const del = await call(
      `${base}/web`,
      json('DELETE', { kind: 'DeleteOptions', apiVersion: 'v1', dryRun: ['All'] }),
    );
    expect(del.status).toBe(200);
    expect((await call(`${base}/web`)).status).toBe(200);
    expect((await call(`${base}?dryRun=Some`, json('POST', {}))).body.message).toContain(
      'Invalid dryRun value',
    );
  });

  it('fieldValidation: Strict rejects undeclared fields, Warn drops them with a Warning', async () => {
    const base = '/apis/cilium.io/v2/ciliumloadbalancerippools';
    const pool = {
      apiVersion: 'cilium.io/v2',
      kind: 'CiliumLoadBalancerIPPool',
      metadata: { name: 'old' },
      spec: { cidrs: [{ cidr: '10.0.0.0/24' }], blocks: [{ cidr: '10.0.0.0/24', cdir: 'x' }] },
    };
    const strict = await call(`${base}?fieldValidation=Strict`, json('POST', pool));
    expect(strict.body).toMatchObject({ code: 400, reason: 'BadRequest' });
    expect(strict.body.message).toContain(
      'strict decoding error: unknown field "spec.blocks[0].cdir", unknown field "spec.cidrs"',
    );
    const res = await fetch(`${server.url}${base}`, json('POST', pool));
    expect(res.headers.get('warning')).toContain('unknown field \\"spec.cidrs\\"');
    expect((await res.json()).spec).toEqual({ blocks: [{ cidr: '10.0.0.0/24' }], disabled: false });
    expect(
      (await call(`${base}/blue?fieldValidation=Nope`, json('PATCH', {}, 'application/merge-patch+json')))
        .body.code,
    ).toBe(400);
  });

  it('DELETE honours preconditions in DeleteOptions', async () => {
    const path = '/api/v1/namespaces/default/services/web';
    const stale = await call(path, json('DELETE', { preconditions: { uid: 'not-this-one' } }));
    expect(stale.body).toMatchObject({ code: 409, reason: 'Conflict' });
    const uid = (await call(path)).body.metadata.uid;
    expect((await call(path, json('DELETE', { preconditions: { uid } }))).status).toBe(200);
    expect((await call(path)).status).toBe(404);
  });

  it('/status writes change only status; main writes ignore status', async () => {
    const path = '/api/v1/namespaces/default/services/web';
    const st = await call(
      `${path}/status`,
      json(
        'PATCH',
        { status: { loadBalancer: { ingress: [{ ip: '192.168.0.20' }] } }, spec: { type: 'ClusterIP' } },
        'application/merge-patch+json',
      ),
    );
    expect(st.body.status.loadBalancer.ingress).toEqual([{ ip: '192.168.0.20' }]);
    expect(st.body.spec.type).toBe('LoadBalancer');
    const main = await call(
      path,
      json('PATCH', { status: { loadBalancer: {} } }, 'application/merge-patch+json'),
    );
    expect(main.body.status.loadBalancer.ingress).toEqual([{ ip: '192.168.0.20' }]);
  });

  it('server-side apply creates, then merges, and requires a fieldManager', async () => {
    const path = '/apis/cilium.io/v2/ciliumloadbalancerippools/green';
    const yaml =
      'apiVersion: cilium.io/v2\nkind: CiliumLoadBalancerIPPool\nmetadata:\n  name: green\nspec:\n  blocks:\n  - cidr: 10.0.0.0/28\n';
    expect((await call(path, json('PATCH', yaml, 'application/apply-patch+yaml'))).body.code).toBe(422);
    const created = await call(
      `${path}?fieldManager=test`,
      json('PATCH', yaml, 'application/apply-patch+yaml'),
    );
    expect(created.status).toBe(201);
    const again = await call(
      `${path}?fieldManager=test&force=true`,
      json('PATCH', yaml.replace('10.0.0.0/28', '10.0.1.0/28'), 'application/apply-patch+yaml'),
    );
    expect(again.status).toBe(200);
    expect(again.body.spec.blocks).toEqual([{ cidr: '10.0.1.0/28' }]);
    expect(again.body.metadata.generation).toBe(2);
  });
});

describe('reads', () => {
  const TABLE = { Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json' };

  it('renders Tables with kubectl columns', async () => {
    const svc = (await call('/api/v1/namespaces/default/services', { headers: TABLE })).body;
    expect(svc.kind).toBe('Table');
    expect(
      svc.columnDefinitions
        .filter((c: { priority: number }) => c.priority === 0)
        .map((c: { name: string }) => c.name),
    ).toEqual(['Name', 'Type', 'Cluster-IP', 'External-IP', 'Port(s)', 'Age']);
    const cells = svc.rows[0].cells;
    expect(cells.slice(0, 2)).toEqual(['web', 'LoadBalancer']);
    expect(cells[3]).toBe('<pending>');
    expect(cells[4]).toMatch(/^80:3\d{4}\/TCP,443:3\d{4}\/UDP$/);
    expect(svc.rows[0].object.kind).toBe('PartialObjectMetadata');
    const pools = (await call('/apis/cilium.io/v2alpha1/ciliumloadbalancerippools', { headers: TABLE })).body;
    expect(pools.columnDefinitions.map((c: { name: string }) => c.name)).toEqual([
      'Name',
      'Disabled',
      'Conflicting',
      'IPs Available',
      'Age',
    ]);
    expect(pools.rows[0].cells.slice(0, 4)).toEqual(['blue', false, 'False', '254']);
  });

  it('lists with selectors and serves a deprecated version with a Warning', async () => {
    const res = await fetch(
      `${server.url}/apis/cilium.io/v2alpha1/ciliumloadbalancerippools?labelSelector=nope`,
    );
    expect(res.headers.get('warning')).toContain('deprecated');
    expect((await res.json()).items).toEqual([]);
    const all = (await call('/apis/cilium.io/v2alpha1/ciliumloadbalancerippools')).body;
    expect(all.kind).toBe('CiliumLoadBalancerIPPoolList');
    expect(all.items[0].apiVersion).toBe('cilium.io/v2alpha1');
  });
});

describe('watch over HTTP', () => {
  async function readLines(
    path: string,
    until: (lines: string[]) => boolean,
    act?: () => void,
  ): Promise<string[]> {
    const res = await fetch(`${server.url}${path}`);
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const lines: string[] = [];
    let buf = '';
    let acted = false;
    while (!until(lines)) {
      const { value, done } = await reader.read();
      if (done) break;
      buf += new TextDecoder().decode(value);
      const parts = buf.split('\n');
      buf = parts.pop() ?? '';
      lines.push(...parts.filter((p) => p !== ''));
      if (!acted && act && lines.length > 0) {
        acted = true;
        act();
      }
    }
    await reader.cancel();
    return lines;
  }

  it('streams ADDED then changes as JSON lines, with bookmarks when allowed', async () => {
    const lines = await readLines(
      '/api/v1/namespaces/default/services?watch=true&allowWatchBookmarks=true',
      (l) => l.some((x) => x.includes('"BOOKMARK"')) && l.some((x) => x.includes('"MODIFIED"')),
      () =>
        store.patch({ apiVersion: 'v1', kind: 'Service', namespace: 'default', name: 'web' }, 'merge', {
          metadata: { labels: { a: 'b' } },
        }),
    );
    const events = lines.map((l) => JSON.parse(l));
    expect(events[0]).toMatchObject({ type: 'ADDED', object: { metadata: { name: 'web' } } });
    expect(events.find((e) => e.type === 'MODIFIED').object.metadata.labels).toEqual({ a: 'b' });
    expect(events.find((e) => e.type === 'BOOKMARK').object.metadata.resourceVersion).toBe(
      store.resourceVersion(),
    );
  });

  it('ends the stream after timeoutSeconds and when the server closes', async () => {
    const t0 = Date.now();
    const lines = await readLines('/api/v1/services?watch=true&timeoutSeconds=1', () => false);
    expect(lines).toHaveLength(1);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(900);
    const pending = readLines('/api/v1/services?watch=true', () => false);
    await new Promise((r) => setTimeout(r, 100));
    await server.close();
    expect(await pending).toHaveLength(1);
    server = await startApiServer({ store }); // afterEach closes it again
  });

  it('answers a resourceVersion the store has not reached with 504 ResourceVersionTooLarge, not a silent wait', async () => {
    const ahead = Number(store.resourceVersion()) + 1000;
    for (const path of [
      `/api/v1/services?watch=true&resourceVersion=${ahead}`,
      `/api/v1/services?resourceVersion=${ahead}`,
    ]) {
      const res = await call(path);
      expect(res, path).toMatchObject({
        status: 504,
        body: {
          kind: 'Status',
          code: 504,
          reason: 'Timeout',
          details: { causes: [{ reason: 'ResourceVersionTooLarge' }], retryAfterSeconds: 1 },
        },
      });
    }
    expect((await call('/api/v1/services?resourceVersion=abc')).status).toBe(400);
    expect((await call(`/api/v1/services?resourceVersion=${store.resourceVersion()}`)).status).toBe(200);
  });

  it('timeoutSeconds=0 is the server default (keep streaming), not an immediate end', async () => {
    const lines = await readLines(
      '/api/v1/namespaces/default/services?watch=true&timeoutSeconds=0',
      (l) => l.some((x) => x.includes('"MODIFIED"')),
      () =>
        setTimeout(
          () =>
            store.patch({ apiVersion: 'v1', kind: 'Service', namespace: 'default', name: 'web' }, 'merge', {
              metadata: { labels: { z: '1' } },
            }),
          200,
        ),
    );
    expect(lines.map((l) => JSON.parse(l).type)).toEqual(['ADDED', 'MODIFIED']);
  });

  it('answers 410 Gone for a compacted resourceVersion', async () => {
    for (let i = 0; i < 30; i++)
      store.patch({ apiVersion: 'v1', kind: 'Service', namespace: 'default', name: 'web' }, 'merge', {
        metadata: { labels: { i: String(i) } },
      });
    const res = await call('/api/v1/services?watch=true&resourceVersion=2');
    expect(res).toMatchObject({ status: 410, body: { kind: 'Status', code: 410, reason: 'Expired' } });
  });
});

describe('robustness', () => {
  it('a namespaced object has no cluster-wide path: GET or DELETE /api/v1/services/web is a 404 and deletes nothing', async () => {
    expect((await call('/api/v1/services/web')).status).toBe(404);
    expect((await call('/api/v1/services/web', { method: 'DELETE' })).status).toBe(404);
    expect(store.get({ apiVersion: 'v1', kind: 'Service', namespace: 'default', name: 'web' })).toBeDefined();
    expect((await call('/api/v1/namespaces/default/services/web')).status).toBe(200);
  });

  it('an unknown YAML !tag in a body is no reason for a process warning on the server', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on('warning', onWarning);
    try {
      const res = await call(
        '/api/v1/namespaces/default/services',
        json('POST', 'apiVersion: v1\nkind: !weird Service\nmetadata: {name: tagged}\n', 'application/yaml'),
      );
      expect(res.status).toBe(422);
      await new Promise((r) => setTimeout(r, 20));
      expect(warnings).toEqual([]);
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('refuses bodies nested deeper than any object (400, not a stack overflow)', async () => {
    const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
    const web = '/api/v1/namespaces/default/services/web';
    for (const [path, type, body] of [
      [web, 'application/merge-patch+json', deep(20_000)],
      [web, 'application/json-patch+json', `[{"op":"add","path":"/metadata/labels","value":${deep(5000)}}]`],
      [
        '/api/v1/namespaces/default/services',
        'application/json',
        `{"apiVersion":"v1","kind":"Service","metadata":{"name":"d"},"spec":{"selector":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}}`,
      ],
      [`${web}?fieldManager=x`, 'application/apply-patch+yaml', `a: ${deep(1200)}\n`],
    ]) {
      const res = await call(path, json(path.endsWith('services') ? 'POST' : 'PATCH', body, type));
      expect(res, `${type} ${path}`).toMatchObject({
        status: 400,
        body: { kind: 'Status', reason: 'BadRequest' },
      });
    }
    expect((await call('/version')).status).toBe(200);
  });

  it('answers any garbage write with a Status (never a hang or a crash) and keeps serving', async () => {
    const paths = [
      '/api/v1/namespaces/default/services',
      '/api/v1/namespaces/default/services/web',
      '/api/v1/namespaces/default/services/web/status',
      '/apis/cilium.io/v2/ciliumloadbalancerippools/blue',
      '/api/v1/namespaces',
    ];
    const types = [
      'application/json',
      'application/merge-patch+json',
      'application/json-patch+json',
      'application/strategic-merge-patch+json',
      'application/apply-patch+yaml',
      'text/plain',
    ];
    const body = fc.oneof(
      fc.string(),
      fc.json(),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.constant('{"apiVersion":"v1","kind":"Service","metadata":{"name":7}}'),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('POST', 'PUT', 'PATCH', 'DELETE'),
        fc.constantFrom(...paths),
        fc.constantFrom(...types),
        body,
        async (method, path, type, text) => {
          const res = await fetch(`${server.url}${path}?fieldManager=fuzz`, {
            method,
            headers: { 'Content-Type': type },
            body: text,
          });
          const parsed = JSON.parse(await res.text());
          if (res.status >= 400) {
            expect(parsed).toMatchObject({ kind: 'Status', status: 'Failure', code: res.status });
            expect(res.status).toBeLessThan(500);
          }
        },
      ),
      { numRuns: 150 },
    );
    expect((await call('/version')).status).toBe(200);
  });
});

describe('client-node', () => {
  it('lists and runs an informer (list + watch) against the server', async () => {
    const kc = new KubeConfig();
    kc.loadFromOptions({
      clusters: [{ name: 'sim', server: server.url, skipTLSVerify: true }],
      users: [{ name: 'sim', token: 't' }],
      contexts: [{ name: 'sim', cluster: 'sim', user: 'sim' }],
      currentContext: 'sim',
    });
    const api = kc.makeApiClient(CoreV1Api);
    const list = await api.listNamespacedService({ namespace: 'default' });
    expect(list.items.map((s) => s.metadata?.name)).toEqual(['web']);
    const informer = makeInformer(kc, '/api/v1/services', () => api.listServiceForAllNamespaces());
    const seen: string[] = [];
    const updated = new Promise<void>((resolve) => {
      informer.on('add', (s: V1Service) => seen.push(`add ${s.metadata?.name}`));
      informer.on('update', (s: V1Service) => {
        seen.push(`update ${s.status?.loadBalancer?.ingress?.[0]?.ip}`);
        resolve();
      });
    });
    await informer.start();
    const web = store.get({ apiVersion: 'v1', kind: 'Service', namespace: 'default', name: 'web' })!;
    store.update(
      { ...structuredClone(web), status: { loadBalancer: { ingress: [{ ip: '192.168.0.30' }] } } },
      { subresource: 'status' },
    );
    await updated;
    await informer.stop();
    expect(seen).toEqual(['add web', 'update 192.168.0.30']);
  });
});
