import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { DashboardPage, type ShownRow } from './pages/dashboard-page';
import { applyPool, deletePool, kubectl, kubectlOk } from './support/kubectl';
import { snapshotPort } from './support/paths';

// A snapshot is the whole state in one file, for someone without access to the cluster: downloaded
// here, it opens by upload with the same table, and `lbipam start --snapshot FILE` serves it as a
// dashboard of its own (read-only, saying when it was taken). Two snapshots compare by address.

const POOL = 'e2e-snap';
const IP = '192.0.2.5';

const service = (name: string) => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: default
  labels:
    e2e.lbipam.io/pool: ${POOL}
  annotations:
    lbipam.cilium.io/ips: "${IP}"
spec:
  type: LoadBalancer
  ports:
  - name: http
    port: 8080
    protocol: TCP
`;

let dir: string;

test.beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lbipam-e2e-snapshots-'));
  await applyPool(POOL, '192.0.2.0/29');
  await kubectlOk(['apply', '-f', '-'], service('e2e-snap-a'));
});

test.afterAll(async () => {
  for (const name of ['e2e-snap-a', 'e2e-snap-b'])
    await kubectl(['delete', 'service', '-n', 'default', name, '--ignore-not-found', '--wait=false']);
  await deletePool(POOL);
  await rm(dir, { recursive: true, force: true });
});

async function downloadSnapshot(page: Page, name: string): Promise<string> {
  await page.goto('/snapshots');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('download-snapshot').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^lbipam-snapshot-embedded-demo-\d{8}T\d{6}Z\.json$/);
  const file = path.join(dir, name);
  await download.saveAs(file);
  return file;
}

/** The live table once `ip` is held by `service`. */
async function liveRows(page: Page, service: string): Promise<ShownRow[]> {
  const dash = new DashboardPage(page);
  await dash.goto();
  await expect(dash.cell(dash.row(IP), 'service')).toHaveText(service, { timeout: 10_000 });
  return dash.shownRows();
}

function startSnapshotDashboard(file: string): ChildProcess {
  return spawn(
    process.execPath,
    ['bin/lbipam.mjs', 'start', '--snapshot', file, '--host', '127.0.0.1', '--port', String(snapshotPort)],
    { detached: true, stdio: 'ignore', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } },
  );
}

async function healthy(url: string): Promise<void> {
  await expect
    .poll(async () => (await fetch(url).catch(() => null))?.status ?? 0, {
      timeout: 60_000,
      intervals: [250],
    })
    .toBe(200);
}

test('a snapshot downloaded, opened by upload and served by --snapshot shows the same table', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const before = await liveRows(page, 'e2e-snap-a');
  const liveMarkdown = await (await page.request.get('/api/export?format=markdown')).text();
  const file = await downloadSnapshot(page, 'before.json');
  const doc = JSON.parse(await readFile(file, 'utf8'));
  expect(doc).toMatchObject({ kind: 'lbipam.snapshot', version: 1, cluster: { name: 'embedded demo' } });
  expect(
    doc.objects.services.some((s: { metadata: { name: string } }) => s.metadata.name === 'e2e-snap-a'),
  ).toBe(true);

  // Opened by upload: the same rows, marked as a snapshot of that cluster at that time.
  await page.getByLabel('Snapshot to open').setInputFiles(file);
  const opened = page.getByTestId('opened-snapshot');
  await expect(opened.getByTestId('opened-snapshot-cluster')).toHaveText('embedded demo');
  await expect(opened.getByTestId('opened-snapshot-time')).toHaveAttribute('datetime', doc.takenAt);
  const dash = new DashboardPage(page);
  expect(await dash.shownRows()).toEqual(before);
  // Its exports are made in the browser, of the snapshot, not of the cluster the page is served by.
  const [exported] = await Promise.all([
    page.waitForEvent('download'),
    opened.getByTestId('export-links').getByRole('button', { name: 'Markdown' }).click(),
  ]);
  expect(exported.suggestedFilename()).toBe('lbipam-embedded-demo-all.md');
  expect(await readFile(await exported.path(), 'utf8')).toBe(liveMarkdown);

  // Served as a dashboard of its own: the same table, read-only, with its time instead of "live".
  const server = startSnapshotDashboard(file);
  try {
    const base = `http://127.0.0.1:${snapshotPort}`;
    await healthy(`${base}/api/health`);
    const other = await page.context().newPage();
    const frozen = new DashboardPage(other);
    await other.goto(`${base}/addresses`);
    await expect(frozen.table).toBeVisible();
    expect(await frozen.shownRows()).toEqual(before);
    await expect(other.getByTestId('snapshot-state')).toHaveAttribute('data-taken-at', doc.takenAt);
    await expect(other.getByTestId('snapshot-state')).toContainText('not live');
    await expect(other.getByTestId('cluster-state')).toHaveCount(0);
    await expect(frozen.clusterName).toHaveText('embedded demo');
    await expect(other.getByText('read-only', { exact: true })).toBeVisible();
    // Its exports are of the snapshot; its IP page reads the Service from the file.
    const md = await (await other.request.get(`${base}/api/export?format=markdown&pool=${POOL}`)).text();
    expect(md).toContain(`| ${IP} | e2e-snap-a | default | -- | HTTP on port 8080 |`);
    await other.goto(`${base}/ips/${IP}`);
    await expect(other.getByLabel('YAML of Service default/e2e-snap-a')).toContainText('name: e2e-snap-a');
    await other.close();
  } finally {
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
  }
});

test('two snapshots compared: the address that moved between Services is listed', async ({ page }) => {
  await liveRows(page, 'e2e-snap-a');
  const before = await downloadSnapshot(page, 'one.json');
  await kubectlOk(['delete', 'service', '-n', 'default', 'e2e-snap-a']);
  await kubectlOk(['apply', '-f', '-'], service('e2e-snap-b'));
  await liveRows(page, 'e2e-snap-b');
  const after = await downloadSnapshot(page, 'two.json');

  await page.getByLabel('Earlier snapshot').setInputFiles(before);
  await page.getByLabel('Later snapshot').setInputFiles(after);
  await page.getByRole('button', { name: 'Compare' }).click();
  const moved = page.getByTestId('diff-moved');
  await expect(moved.getByTestId('diff-row')).toHaveCount(1);
  await expect(moved.getByTestId('diff-row')).toHaveAttribute('data-ip', IP);
  await expect(moved).toContainText('e2e-snap-a (default/e2e-snap-a) → e2e-snap-b (default/e2e-snap-b)');
  await expect(page.getByTestId('diff-added').getByTestId('diff-row')).toHaveCount(0);
  await expect(page.getByTestId('diff-released').getByTestId('diff-row')).toHaveCount(0);
});

test('a file that is not a snapshot is refused with what is wrong, and nothing is shown', async ({
  page,
}) => {
  const foreign = path.join(dir, 'allocations.json');
  await writeFile(foreign, await (await page.request.get('/api/export?format=json')).text());
  await page.goto('/snapshots');
  await page.getByLabel('Snapshot to open').setInputFiles(foreign);
  await expect(page.getByTestId('snapshot-error')).toHaveText(
    "allocations.json: this is an allocation export (lbipam.allocations), not a snapshot: it lacks the cluster's objects",
  );
  await expect(page.getByTestId('opened-snapshot')).toHaveCount(0);
  const garbage = path.join(dir, 'garbage.json');
  await writeFile(garbage, '{"kind":"lbipam.snapshot","version":1,"takenAt":"now"}');
  await page.getByLabel('Snapshot to open').setInputFiles(garbage);
  await expect(page.getByTestId('snapshot-error')).toHaveText(
    'garbage.json: not a valid snapshot: takenAt: expected an ISO time such as 2026-01-10T12:00:00Z',
  );
});
