import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { POST as check } from '../../app/api/reserve/route';
import { POST as apply } from '../../app/api/reserve/apply/route';
import { GET as choices } from '../../app/api/reserve/choices/route';
import { GET as ipPlan } from '../../app/api/ip-plan/route';
import { startEmbeddedCluster, type EmbeddedCluster } from '../sim/embedded';
import { resetKubeRuntime } from './runtime';

// /api/reserve/* as Next calls them, over the process-wide runtime on the embedded demo cluster:
// what the form sends, what a script sends by hand, and what a read-only dashboard refuses.

let cluster: EmbeddedCluster;
const saved = { ...process.env };
beforeAll(async () => {
  cluster = await startEmbeddedCluster({ seed: 'demo', l2RetryPeriodMs: 0 });
});
afterEach(async () => {
  await resetKubeRuntime();
  process.env = { ...saved };
});
afterAll(() => cluster.stop());

function useEmbedded(env: Record<string, string> = {}) {
  process.env.LBIPAM_KUBECONFIG = cluster.kubeconfigPath;
  process.env.LBIPAM_ORIGIN = 'embedded';
  delete process.env.LBIPAM_CONTEXT;
  delete process.env.LBIPAM_CONFIG;
  Object.assign(process.env, env);
}

const post = (body: unknown) =>
  new Request('http://127.0.0.1/api/reserve', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const form = {
  target: 'service',
  pool: 'pool',
  ip: '192.168.0.238',
  name: 'my-app',
  namespace: 'media',
  ports: '80',
};

describe('/api/reserve', () => {
  it('checks a form: the YAML and what Cilium would do', async () => {
    useEmbedded();
    const res = await check(post({ form }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { version: number; check: { headline: string; yaml: string } };
    expect(body.check.headline).toBe('would stay pending: already_allocated to networking/envoy-internal');
    expect(body.check.yaml).toContain('lbipam.cilium.io/ips: "192.168.0.238"');
  });

  it('answers bad input per field, bad JSON and unknown fields with 400s that say what is wrong', async () => {
    useEmbedded();
    const bad = await check(post({ form: { ...form, name: 'x\ny', ports: '99999' } }));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      code: 'bad-input',
      errors: [
        { field: 'name', message: expect.stringContaining('a newline') },
        { field: 'ports', message: expect.stringContaining('1–65535') },
      ],
    });
    expect((await check(post('{'))).status).toBe(400);
    expect(await (await check(post({ form: { ...form, extra: 1 } }))).json()).toMatchObject({
      code: 'bad-request',
    });
    expect((await check(post({ form: { ...form, name: 'x'.repeat(3000) } }))).status).toBe(400);
  });

  it('offers the pool’s choices and the demo’s IP plan; an unknown pool is a 404', async () => {
    useEmbedded();
    const res = await choices(new Request('http://127.0.0.1/api/reserve/choices?pool=pool&namespace=media'));
    expect(await res.json()).toMatchObject({
      pool: 'pool',
      next: '192.168.0.223',
      freeRuns: ['192.168.0.223–225', '192.168.0.232–237'],
    });
    expect((await choices(new Request('http://127.0.0.1/api/reserve/choices?pool=none'))).status).toBe(404);
    expect((await choices(new Request('http://127.0.0.1/api/reserve/choices'))).status).toBe(400);
    expect(((await (await ipPlan()).json()) as { plan: { name: string }[] }).plan.map((r) => r.name)).toEqual(
      ['utility', 'home-automation', 'future', 'gateways'],
    );
  });

  it('refuses to apply when writing is off (LBIPAM_ALLOW_WRITES=0), before touching the cluster', async () => {
    useEmbedded({ LBIPAM_ALLOW_WRITES: '0' });
    const res = await apply(post({ form: { ...form, ip: '192.168.0.224', target: 'placeholder' } }));
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({
      code: 'read-only',
      error: expect.stringContaining('writing to the cluster is off'),
    });
    expect(
      cluster.store.get({
        apiVersion: 'v1',
        kind: 'Service',
        namespace: 'media',
        name: 'reserved-192-168-0-224',
      }),
    ).toBeUndefined();
  });
});
