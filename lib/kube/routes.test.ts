import { writeFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GET as getEvents } from '../../app/api/events/route';
import { GET as getInventory } from '../../app/api/inventory/route';
import { GET as getStatus } from '../../app/api/status/route';
import { GET as getAlert } from '../../app/api/alerts/[id]/route';
import type { Inventory } from '../inventory/types';
import { kubeconfigYaml, startEmbeddedCluster, type EmbeddedCluster } from '../sim/embedded';
import { rowsOf } from '../inventory/testing/fixtures';
import { getKubeRuntime, resetKubeRuntime } from './runtime';

// The route handlers as Next calls them (a Request in, a Response out), over the process-wide
// runtime pointed at the embedded cluster through the same env vars `lbipam start` sets.

let cluster: EmbeddedCluster;
const saved = { ...process.env };
beforeAll(async () => {
  cluster = await startEmbeddedCluster({ seed: 'demo', l2RetryPeriodMs: 0 });
});
afterEach(async () => {
  await resetKubeRuntime();
  process.env = { ...saved };
});
afterAll(async () => {
  await cluster.stop();
});

function useEmbedded() {
  process.env.LBIPAM_KUBECONFIG = cluster.kubeconfigPath;
  process.env.LBIPAM_ORIGIN = 'embedded';
  delete process.env.LBIPAM_CONTEXT;
}

describe('API routes', () => {
  it('serves the inventory and the status from one shared runtime', async () => {
    useEmbedded();
    expect(getKubeRuntime()).toMatchObject({ ok: true });
    const a = getKubeRuntime();
    const b = getKubeRuntime();
    expect(a.ok && b.ok && a.feed === b.feed).toBe(true);

    const res = await getInventory(new Request('http://127.0.0.1/api/inventory'));
    expect(res.status).toBe(200);
    const inv = (await res.json()) as Inventory;
    expect(inv.cluster.name).toBe('embedded demo');
    expect(rowsOf(inv).length).toBeGreaterThan(0);

    const status = (await (await getStatus()).json()) as {
      ready: boolean;
      version: number;
      sources: { state: string; required: boolean }[];
      summary: { state: string; messages: unknown[] };
    };
    expect(status).toMatchObject({ ready: true, version: inv.version });
    expect(status.sources).toHaveLength(10);
    expect(status.sources.filter((s) => s.required)).toHaveLength(4);
    expect(status.summary).toEqual({ state: 'live', since: null, messages: [] });
  });

  it('serves only the collections asked for, and names an unknown one with a 400', async () => {
    useEmbedded();
    const res = await getInventory(new Request('http://127.0.0.1/api/inventory?collections=pools,alerts'));
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual([
      'alerts',
      'cilium',
      'cluster',
      'generatedAt',
      'pools',
      'sources',
      'version',
    ]);
    const bad = await getInventory(new Request('http://127.0.0.1/api/inventory?collections=pools,rows'));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      parameter: 'collections',
      error: expect.stringContaining("'rows'"),
    });
  });

  it('lists the members of an alert group on demand, and 404s an unknown group', async () => {
    useEmbedded();
    const inv = (await (
      await getInventory(new Request('http://127.0.0.1/api/inventory'))
    ).json()) as Inventory;
    const group = inv.alerts[0];
    expect(group).toBeDefined();
    const res = await getAlert(new Request(`http://127.0.0.1/api/alerts/${group.id}`), {
      params: Promise.resolve({ id: group.id }),
    });
    expect(res.status).toBe(200);
    const page = (await res.json()) as { total: number; members: { id: string }[] };
    expect(page.total).toBe(group.count);
    expect(page.members).toHaveLength(Math.min(group.count, 200));
    const missing = await getAlert(new Request('http://127.0.0.1/api/alerts/nope'), {
      params: Promise.resolve({ id: 'nope' }),
    });
    expect(missing.status).toBe(404);
    const badLimit = await getAlert(new Request(`http://127.0.0.1/api/alerts/${group.id}?limit=0`), {
      params: Promise.resolve({ id: group.id }),
    });
    expect(badLimit.status).toBe(400);
  });

  it('rejects a bad ?since= with a 400 that names the parameter', async () => {
    useEmbedded();
    const res = getEvents(new Request('http://127.0.0.1/api/events?since=yesterday'));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ parameter: 'since', error: expect.stringContaining("'since'") });
  });

  it('streams text/event-stream and starts with hello and a reset to the current version', async () => {
    useEmbedded();
    const abort = new AbortController();
    // Held until the end: undici's Request follows `abort` through a WeakRef, so a Request the
    // garbage collector took (history's PGlite makes garbage at start) would never see the abort.
    const request = new Request('http://127.0.0.1/api/events', { signal: abort.signal });
    const res = getEvents(request);
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const reader = res.body!.getReader();
    let text = '';
    while (!text.includes('event: reset')) text += new TextDecoder().decode((await reader.read()).value);
    abort.abort();
    expect(request.signal.aborted).toBe(true);
    const rt = getKubeRuntime();
    expect(rt.ok && rt.feed.subscriberCount()).toBe(0);
  });

  it('answers 503 with the reason, not a hang, when the cluster cannot be reached', async () => {
    const file = `${cluster.kubeconfigPath}.unreachable`;
    writeFileSync(file, kubeconfigYaml('http://127.0.0.1:1'));
    process.env.LBIPAM_KUBECONFIG = file;
    process.env.LBIPAM_ORIGIN = 'kubeconfig';
    const t0 = Date.now();
    const res = await getInventory(new Request('http://127.0.0.1/api/inventory'));
    expect(Date.now() - t0).toBeLessThan(6_000);
    expect(res.status).toBe(503);
    const body = (await res.json()) as {
      error: string;
      code: string;
      summary: { state: string; messages: { text: string }[] };
    };
    expect(body.code).toBe('not-synced');
    expect(body.error).toContain('still reading the cluster at http://127.0.0.1:1');
    expect(body.error).toContain('cannot reach the API server at http://127.0.0.1:1 (connection refused)');
    expect(body.summary.state).toBe('reconnecting');
    expect(body.summary.messages).toHaveLength(1);

    // /api/status answers at once meanwhile: not ready, and why.
    const status = (await (await getStatus()).json()) as { ready: boolean; summary: { state: string } };
    expect(status).toMatchObject({ ready: false, summary: { state: 'reconnecting' } });
  });

  it('answers 503 naming the problem when the kubeconfig cannot be read', async () => {
    process.env.LBIPAM_KUBECONFIG = '/nonexistent/kubeconfig';
    const res = await getInventory(new Request('http://127.0.0.1/api/inventory'));
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: string }).error).toContain(
      'cannot read kubeconfig /nonexistent/kubeconfig',
    );
  });
});
