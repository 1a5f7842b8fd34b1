import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { seedTable } from '../test/fixtures/seed-table';
import { DashboardPage } from './pages/dashboard-page';
import { applyPool, deletePool } from './support/kubectl';

// The dashboard is where the README's allocation table comes from: the Markdown export of the
// demo's pool is the seed page's table, line for line; and printing a table gives every row, a page
// per pool, the cluster and the time on top, no navigation and no controls.

const seedMarkdown = [
  '| IP Address | Service | Namespace | Type | Notes |',
  '| --- | --- | --- | --- | --- |',
  ...seedTable.map((r) => `| ${r.ip} | ${r.service} | ${r.namespace} | ${r.type} | ${r.notes} |`),
  '',
].join('\n');

test("the Markdown export of the demo's pool, downloaded from the table, is the seed page's table", async ({
  page,
}) => {
  const dash = new DashboardPage(page);
  await dash.goto('?pool=pool');
  const links = page.getByTestId('export-links');
  await expect(links).toContainText('Export pool:');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    links.getByRole('link', { name: 'Markdown' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('lbipam-embedded-demo-pool.md');
  expect(await readFile(await download.path(), 'utf8')).toBe(seedMarkdown);
});

test('GET /api/export: every pool as CSV and JSON; bad input named', async ({ request }) => {
  const csv = await request.get('/api/export?format=csv');
  expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
  const lines = (await csv.text()).trim().split('\r\n');
  expect(lines).toHaveLength(1 + 36);
  // Jellyfin holds .229 while Plex waits for it; the announcing node is whichever holds the lease.
  expect(lines.find((l) => l.startsWith('pool,192.168.0.229,'))).toMatch(
    /^pool,192\.168\.0\.229,,1,contested,Jellyfin,media,Media Server,HTTP on port 8096,[^,]*,media\/jellyfin,media\/plex$/,
  );
  const json = await (await request.get('/api/export?format=json&pool=lab')).json();
  expect(json).toMatchObject({ kind: 'lbipam.allocations', version: 1, cluster: 'embedded demo' });
  expect(json.pools.map((p: { name: string }) => p.name)).toEqual(['lab']);
  expect(json.pools[0].rows).toHaveLength(16);

  const bad = await request.get('/api/export?format=docx');
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toMatchObject({
    parameter: 'format',
    error: expect.stringContaining('markdown, csv, json'),
  });
  const unknown = await request.get('/api/export?format=csv&pool=nope');
  expect(unknown.status()).toBe(404);
  expect(await unknown.json()).toMatchObject({ error: "no pool named 'nope' in this cluster" });
});

const WIDE = 'e2e-print';

test.describe('printing the allocation table', () => {
  test.beforeAll(() => applyPool(WIDE, '203.0.113.0/24'));
  test.afterAll(() => deletePool(WIDE));

  test('prints every row of a virtualised table, a page per pool, with the cluster and time on top', async ({
    page,
  }) => {
    const dash = new DashboardPage(page);
    await dash.goto();
    await expect(dash.rowCount).toHaveText('292 rows');
    await expect(page.getByTestId('allocation-scroller')).toHaveAttribute('data-virtual', 'true');
    expect(await dash.rows.count()).toBeLessThan(150);

    await page.emulateMedia({ media: 'print' });
    const sections = page.getByTestId('print-pool');
    await expect(sections).toHaveCount(3);
    expect(await sections.evaluateAll((s) => s.map((e) => e.getAttribute('data-pool')))).toEqual(
      expect.arrayContaining(['pool', 'lab', WIDE]),
    );
    await expect(page.getByTestId('print-row')).toHaveCount(292);
    await expect(
      sections.locator('[data-testid="print-row"]').filter({ hasText: '203.0.113.255' }),
    ).toHaveCount(1);
    // A new page for every pool after the first.
    expect(await sections.evaluateAll((s) => s.map((e) => getComputedStyle(e).breakBefore))).toEqual([
      'auto',
      'page',
      'page',
    ]);
    const header = page.getByTestId('print-header');
    await expect(header).toBeVisible();
    await expect(header).toContainText('LB-IPAM · embedded demo');
    await expect(header).toContainText(/Data as of \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/);
    // No navigation, no controls, not the screen's header.
    await expect(page.getByRole('navigation', { name: 'Screens' })).toBeHidden();
    await expect(page.getByRole('button', { name: 'Share' })).toBeHidden();
    await expect(dash.filter).toBeHidden();
    await expect(page.getByTestId('export-links')).toBeHidden();
    await expect(page.getByTestId('allocation-table')).toHaveCount(0);
    // The print dialog's PDF has a page per pool at least.
    const pdf = await page.pdf({ format: 'A4' });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(3);

    await page.emulateMedia({ media: 'screen' });
    await expect(page.getByTestId('print-tables')).toHaveCount(0);
    await expect(dash.table).toBeVisible();
  });
});
