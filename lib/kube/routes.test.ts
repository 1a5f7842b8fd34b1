import { writeFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GET as getEvents } from '../../app/api/events/route';
import { GET as getInventory } from '../../app/api/inventory/route';
import { GET as getStatus } from '../../app/api/status/route';
import type { Inventory } from '../inventory/types';
import { kubeconfigYaml, startEmbeddedCluster, type EmbeddedCluster } from '../sim/embedded';
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

    const res = await getInventory();
    expect(res.status).toBe(200);
    const inv = (await res.json()) as Inventory;
    expect(inv.cluster.name).toBe('embedded demo');
    expect(inv.pools.length).toBeGreaterThan(0);

    const status = (await (await getStatus()).json()) as {
      ready: boolean;
      version: number;
      sources: { state: string; required: boolean }[];
      summary: { state: string; messages: unknown[] };
    };
    expect(status).toMatchObject({ ready: true, version: inv.version });
    expect(status.sources).toHaveLength(7);
    expect(status.sources.filter((s) => s.required)).toHaveLength(4);
    expect(status.summary).toEqual({ state: 'live', since: null, messages: [] });
  });

  it('rejects a bad ?since= with a 400 that names the parameter', async () => {
    useEmbedded();
    const res = getEvents(new Request('http://127.0.0.1/api/events?since=yesterday'));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ parameter: 'since', error: expect.stringContaining("'since'") });
  });

  it('streams text/event-stream and starts with the snapshot', async () => {
    useEmbedded();
    const abort = new AbortController();
    const res = getEvents(new Request('http://127.0.0.1/api/events', { signal: abort.signal }));
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const reader = res.body!.getReader();
    let text = '';
    while (!text.includes('event: inventory')) text += new TextDecoder().decode((await reader.read()).value);
    abort.abort();
    const rt = getKubeRuntime();
    expect(rt.ok && rt.feed.subscriberCount()).toBe(0);
  });

  it('answers 503 with the reason, not a hang, when the cluster cannot be reached', async () => {
    const file = `${cluster.kubeconfigPath}.unreachable`;
    writeFileSync(file, kubeconfigYaml('http://127.0.0.1:1'));
    process.env.LBIPAM_KUBECONFIG = file;
    process.env.LBIPAM_ORIGIN = 'kubeconfig';
    const t0 = Date.now();
    const res = await getInventory();
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
    const res = await getInventory();
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: string }).error).toContain(
      'cannot read kubeconfig /nonexistent/kubeconfig',
    );
  });
});
