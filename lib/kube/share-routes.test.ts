import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GET as getExport } from '../../app/api/export/route';
import { GET as getInventory } from '../../app/api/inventory/route';
import { GET as getIp } from '../../app/api/ips/[ip]/route';
import { GET as getSnapshot } from '../../app/api/snapshot/route';
import { POST as compareSnapshots } from '../../app/api/snapshots/compare/route';
import { POST as openSnapshot } from '../../app/api/snapshots/open/route';
import { POST as mintLink } from '../../app/api/share-links/route';
import type { Snapshot } from '../inventory/snapshot';
import { rowsOf } from '../inventory/testing/fixtures';
import type { Inventory } from '../inventory/types';
import type { IpDetailResponse } from '../inventory/view/ip-detail-wire';
import type { CompareSnapshotsResponse, OpenSnapshotResponse } from '../inventory/view/snapshot-wire';
import { startEmbeddedCluster, type EmbeddedCluster } from '../sim/embedded';
import { resetKubeRuntime } from './runtime';

// The export and snapshot routes as Next calls them, over the process-wide runtime: first the
// embedded demo cluster, then a snapshot of it in its place (LBIPAM_SNAPSHOT, as `lbipam start
// --snapshot` sets it).

let cluster: EmbeddedCluster;
let dir: string;
const saved = { ...process.env };
beforeAll(async () => {
  cluster = await startEmbeddedCluster({ seed: 'demo', l2RetryPeriodMs: 0 });
  dir = mkdtempSync(path.join(tmpdir(), 'lbipam-share-routes-'));
});
afterEach(async () => {
  await resetKubeRuntime();
  process.env = { ...saved };
});
afterAll(async () => {
  await cluster.stop();
  rmSync(dir, { recursive: true, force: true });
});

function useEmbedded() {
  process.env.LBIPAM_KUBECONFIG = cluster.kubeconfigPath;
  process.env.LBIPAM_ORIGIN = 'embedded';
  delete process.env.LBIPAM_SNAPSHOT;
}

const req = (url: string) => new Request(`http://127.0.0.1${url}`);
const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, new File([v], `${k}.json`));
  return new Request('http://127.0.0.1/api/snapshots/open', { method: 'POST', body: f });
};

async function takeSnapshot(): Promise<{ text: string; snapshot: Snapshot }> {
  const res = await getSnapshot();
  expect(res.status).toBe(200);
  expect(res.headers.get('content-disposition')).toMatch(
    /^attachment; filename="lbipam-snapshot-embedded-demo-\d{8}T\d{6}Z\.json"$/,
  );
  const text = await res.text();
  return { text, snapshot: JSON.parse(text) as Snapshot };
}

describe('GET /api/export', () => {
  it('answers each format with its type and file name; names a bad format or pool', async () => {
    useEmbedded();
    const md = await getExport(req('/api/export?format=markdown&pool=pool&download=1'));
    expect(md.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(md.headers.get('content-disposition')).toBe('attachment; filename="lbipam-embedded-demo-pool.md"');
    expect((await md.text()).split('\n')[2]).toBe(
      '| 192.168.0.220 | CoreDNS | kube-system | ClusterDNS | Fallback DNS |',
    );
    const json = await getExport(req('/api/export?format=json'));
    expect(json.headers.get('content-disposition')).toBe('inline; filename="lbipam-embedded-demo-all.json"');
    expect(((await json.json()) as { pools: unknown[] }).pools).toHaveLength(2);

    const none = await getExport(req('/api/export'));
    expect(none.status).toBe(400);
    expect(await none.json()).toMatchObject({ parameter: 'format' });
    const pool = await getExport(req('/api/export?format=csv&pool=nope'));
    expect(pool.status).toBe(404);
  });
});

describe('snapshots', () => {
  it('a snapshot of the cluster, served in its place, shows the same inventory, frozen at its time', async () => {
    useEmbedded();
    const live = (await (await getInventory(req('/api/inventory'))).json()) as Inventory;
    const { text, snapshot } = await takeSnapshot();
    expect(snapshot.objects.services.length).toBeGreaterThan(10);
    expect(snapshot.cluster).toMatchObject({ name: 'embedded demo', origin: 'embedded' });
    await resetKubeRuntime();

    const file = path.join(dir, 'demo.json');
    writeFileSync(file, text);
    process.env.LBIPAM_SNAPSHOT = file;
    const frozen = (await (await getInventory(req('/api/inventory'))).json()) as Inventory;
    expect(frozen.cluster).toMatchObject({
      name: 'embedded demo',
      readOnly: true,
      snapshot: { takenAt: snapshot.takenAt },
    });
    expect(frozen.generatedAt).toBe(snapshot.takenAt);
    expect(rowsOf(frozen)).toEqual(rowsOf(live));
    // The snapshot carries what the probers heard too: the same ARP verdicts and their alerts.
    expect(frozen.alerts).toEqual(live.alerts);
    expect(frozen.arp).toEqual(live.arp);
    expect(frozen.arp.length).toBeGreaterThan(0);
    // A snapshot of the snapshot is the same moment.
    const again = await takeSnapshot();
    expect(again.snapshot.takenAt).toBe(snapshot.takenAt);
    expect(again.snapshot.objects).toEqual(snapshot.objects);
    expect(again.snapshot.evidence).toEqual(snapshot.evidence);
    // The IP page reads its Service from the file, and judges the lease at the snapshot's time.
    const ip = (await (
      await getIp(req('/api/ips/192.168.0.238'), { params: Promise.resolve({ ip: '192.168.0.238' }) })
    ).json()) as IpDetailResponse;
    expect(ip.now).toBe(snapshot.takenAt);
    expect(ip.services[0].yaml).toMatch(/^apiVersion: v1\nkind: Service\n/);
    expect(ip.services[0].lease).toMatchObject({ holder: expect.any(String) });
  });

  it('a snapshot file that cannot be read is a 503 naming the file, never a crash', async () => {
    const file = path.join(dir, 'broken.json');
    writeFileSync(file, '{"kind":"lbipam.snapshot","version":1}');
    process.env.LBIPAM_SNAPSHOT = file;
    const res = await getInventory(req('/api/inventory'));
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: string }).error).toMatch(
      new RegExp(`^cannot read the cluster: snapshot ${file}: not a valid snapshot: takenAt: `),
    );
  });

  it('opens and compares uploads; a bad upload is a 4xx naming the field and what is wrong', async () => {
    useEmbedded();
    const { text } = await takeSnapshot();
    const opened = await openSnapshot(form({ file: text }));
    expect(opened.status).toBe(200);
    const body = (await opened.json()) as OpenSnapshotResponse;
    expect(body.snapshot).toMatchObject({ file: 'file.json', cluster: { name: 'embedded demo' } });
    expect(body.snapshot.pools.map((p) => p.name).sort()).toEqual(['lab', 'pool']);

    const same = await compareSnapshots(form({ before: text, after: text }));
    const diff = ((await same.json()) as CompareSnapshotsResponse).diff;
    expect(diff).toEqual({ added: [], released: [], moved: [], announcers: [] });

    const missing = await compareSnapshots(form({ before: text }));
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({
      error: "no snapshot file in the form field 'after'",
      field: 'after',
    });
    const bad = await openSnapshot(form({ file: '[]' }));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      error: 'file.json: expected a JSON object (an lbipam snapshot), got an array',
      code: 'bad-snapshot',
    });
    const notForm = await openSnapshot(
      new Request('http://127.0.0.1/api/snapshots/open', {
        method: 'POST',
        body: '{}',
        headers: { 'content-type': 'application/json' },
      }),
    );
    expect(notForm.status).toBe(400);
    expect(((await notForm.json()) as { error: string }).error).toBe(
      "expected a multipart form with 'file' (snapshot files)",
    );
    const huge = await openSnapshot(
      new Request('http://127.0.0.1/api/snapshots/open', {
        method: 'POST',
        body: 'x',
        headers: { 'content-length': String(200 * 1024 * 1024) },
      }),
    );
    expect(huge.status).toBe(413);
  });
});

describe('POST /api/share-links', () => {
  const post = (body: unknown) =>
    mintLink(new Request('http://127.0.0.1/api/share-links', { method: 'POST', body: JSON.stringify(body) }));

  it('is off without a secret, and says how to turn it on', async () => {
    delete process.env.LBIPAM_SHARE_SECRET;
    const res = await post({ view: '/addresses' });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({
      code: 'share-links-off',
      error: expect.stringContaining('LBIPAM_SHARE_SECRET'),
    });
  });

  it('mints a link to the view in one spelling, for the time asked', async () => {
    process.env.LBIPAM_SHARE_SECRET = 'x'.repeat(40);
    const res = await post({ view: '/addresses?share=1&pool=pool', ttlSeconds: 60 });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { url: string; view: string; expiresAt: string };
    expect(body.view).toBe('/addresses?pool=pool');
    expect(body.url).toMatch(/^\/s\/[\w-]+\.[\w-]+$/);
    expect(Date.parse(body.expiresAt) - Date.now()).toBeGreaterThan(55_000);
    expect((await post({ view: '/addresses', extra: 1 })).status).toBe(400);
  });
});
