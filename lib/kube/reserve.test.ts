import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_IP_PLAN } from '../ip-plan/plan';
import { readReserveForm } from '../manifests/reserve/form';
import type { ReserveForm } from '../manifests/reserve/types';
import { storeClusterState } from '../sim/cluster-state';
import { startEmbeddedCluster, type EmbeddedCluster } from '../sim/embedded';
import { loadKubeConfig } from './config';
import { applyReservation, dryRunReservation, readReserveBody, reserveChoices, WRITES_OFF } from './reserve';

// The reserve form's server side against the embedded demo cluster over loopback: the choices of a
// pool, a dry run the API server answers, and apply — refused when writing is off, a second
// reserver of one address told who holds it.

let cluster: EmbeddedCluster;
let kc: ReturnType<typeof loadKubeConfig>['kc'];
let info: ReturnType<typeof loadKubeConfig>['info'];

beforeAll(async () => {
  cluster = await startEmbeddedCluster({ seed: 'demo', l2RetryPeriodMs: 0 });
  ({ kc, info } = loadKubeConfig({ LBIPAM_KUBECONFIG: cluster.kubeconfigPath, LBIPAM_ORIGIN: 'embedded' }));
});
afterAll(() => cluster?.stop());

/** The cluster as the store holds it now (what the dashboard's watch converges to). */
const state = () => storeClusterState(cluster.store);

let version = 1;
const input = (form: ReserveForm) => {
  const r = readReserveForm({
    target: 'placeholder',
    pool: 'pool',
    name: 'frigate',
    namespace: 'media',
    ports: '5000/TCP',
    ...form,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.input;
};

describe('choices', () => {
  it("a pool's next address, the plan's suggestions ranked by namespace, and every free address", () => {
    const c = reserveChoices(version++, state(), DEMO_IP_PLAN, 'pool', 'networking')!;
    expect(c.next).toBe('192.168.0.223');
    expect(c.free).toEqual(
      ['223', '224', '225', '232', '233', '234', '235', '236', '237'].map((x) => `192.168.0.${x}`),
    );
    expect(c.freeMore).toBe('0');
    expect(c.freeRuns).toEqual(['192.168.0.223–225', '192.168.0.232–237']);
    // networking's own ranges (utility, gateways) are full: the open "future" range comes first.
    expect(c.suggestions.map((s) => [s.ip, s.range, s.fit])).toEqual([
      ['192.168.0.232', 'future', 'open'],
      ['192.168.0.233', 'future', 'open'],
      ['192.168.0.234', 'future', 'open'],
    ]);
    expect(reserveChoices(version++, state(), DEMO_IP_PLAN, 'nope', 'media')).toBeNull();
  });
});

describe('dry run', () => {
  it('the API server accepts a Service and a Gateway without storing them; its refusal is shown as written', async () => {
    const before = cluster.store.list({ apiVersion: 'v1', kind: 'Service' }).items.length;
    expect(await dryRunReservation(kc, input({ target: 'service', ip: '192.168.0.224' }))).toMatchObject({
      ok: true,
      status: 201,
    });
    expect(
      await dryRunReservation(
        kc,
        input({ target: 'gateway', ip: '192.168.0.224', ports: 'https=443/HTTPS' }),
      ),
    ).toMatchObject({ ok: true });
    expect(cluster.store.list({ apiVersion: 'v1', kind: 'Service' }).items.length).toBe(before);
    const missing = await dryRunReservation(
      kc,
      input({ target: 'service', ip: '192.168.0.224', namespace: 'nowhere' }),
    );
    expect(missing).toMatchObject({ ok: false, status: 404, reason: 'NotFound' });
    expect(missing.message).toContain('nowhere');
    expect(await dryRunReservation(kc, input({ target: 'app-template', ip: '192.168.0.224' }))).toMatchObject(
      {
        ok: false,
        reason: 'NotAnObject',
      },
    );
  });
});

describe('apply', () => {
  it('is refused with a clear message when writing is off', async () => {
    const r = await applyReservation(kc, { ...info, readOnly: true }, state, input({ ip: '192.168.0.223' }));
    expect(r).toMatchObject({ state: 'refused', status: 403, code: 'read-only', error: WRITES_OFF });
  });

  it('creates the placeholder, which Cilium gives the address; a second reserver is told who holds it', async () => {
    const first = await applyReservation(kc, info, state, input({ ip: '192.168.0.223' }));
    expect(first).toMatchObject({
      state: 'created',
      object: 'media/reserved-192-168-0-223',
      ips: ['192.168.0.223'],
    });
    // The same address again, in the same namespace, seen from a state that predates the first:
    // the API server's AlreadyExists refuses it, and names what it holds the address for.
    const stale = (() => {
      const s = state();
      return { ...s, services: s.services.filter((x) => x.metadata.name !== 'reserved-192-168-0-223') };
    })();
    const again = await applyReservation(kc, info, () => stale, input({ ip: '192.168.0.223', name: 'nvr' }));
    expect(again).toMatchObject({ state: 'refused', status: 409, code: 'already-exists' });
    expect(again.state === 'refused' && again.error).toBe(
      'media/reserved-192-168-0-223 already exists: it holds the address for media/frigate',
    );
    // Another namespace, state fresh: the check already says who holds it.
    const other = await applyReservation(
      kc,
      info,
      state,
      input({ ip: '192.168.0.223', namespace: 'home-automation' }),
    );
    expect(other).toMatchObject({
      state: 'refused',
      status: 409,
      code: 'pending',
      heldBy: ['media/reserved-192-168-0-223'],
    });
    // Another namespace, racing (its state predates the first): Cilium gives the address to the
    // first; the second is removed again and told who holds it.
    let reads = 0;
    const race = await applyReservation(
      kc,
      info,
      // The check reads the stale picture; by the time Cilium answered, the watch has caught up.
      () => (reads++ === 0 ? stale : state()),
      input({ ip: '192.168.0.223', namespace: 'home-automation' }),
    );
    expect(race).toMatchObject({ state: 'refused', code: 'taken', heldBy: ['media/reserved-192-168-0-223'] });
    expect(
      cluster.store.get({
        apiVersion: 'v1',
        kind: 'Service',
        namespace: 'home-automation',
        name: 'reserved-192-168-0-223',
      }),
    ).toBeUndefined();
  });
});

describe('the request body', () => {
  it('names the field that is wrong, and refuses unknown fields', () => {
    const bad = readReserveBody({
      form: { target: 'service', ip: '192.168.0.223', name: 'Bad\nName', ports: '80' },
    });
    expect(bad).toMatchObject({
      ok: false,
      status: 400,
      body: { code: 'bad-input', errors: [{ field: 'name' }] },
    });
    expect(readReserveBody({ form: { nope: 'x' } })).toMatchObject({
      ok: false,
      body: { code: 'bad-request', field: 'form' },
    });
    expect(readReserveBody([])).toMatchObject({ ok: false, body: { code: 'bad-request' } });
  });
});
