import { expect, test } from '@playwright/test';
import { seedTable } from '../test/fixtures/seed-table';
import { DashboardPage } from './pages/dashboard-page';
import { deniedPort, demoPort } from './support/paths';
import { DEMO_ROWS, HOME_ROWS } from './support/demo';

// The dashboard on port 3101 reads the demo cluster through a deny proxy (e2e/support/
// deny-proxy-cluster.ts): leases answer 403, the Gateway API 404. It must say so quietly in the
// header and keep showing everything it can read.
test.use({ baseURL: `http://127.0.0.1:${deniedPort}` });

test('unreadable leases and a missing Gateway API are header warnings, not a broken page', async ({
  page,
}) => {
  const dash = new DashboardPage(page);
  await dash.goto();
  const warnings = page.getByTestId('source-warning');
  await expect(warnings.filter({ hasText: 'no permission to read leases' })).toHaveCount(1);
  await expect(warnings.filter({ hasText: 'Gateway API is not installed' })).toHaveCount(1);
  // Only those two: the sources that can be read are not reported.
  await expect(warnings).toHaveCount(2);
  // Quiet: the header carries them, no alert or error screen replaces the table.
  await expect(page.getByRole('banner').getByTestId('source-warning')).toHaveCount(2);
  await expect(page.getByTestId('cluster-unavailable')).toHaveCount(0);

  // The table still shows every demo row, in order: the seed page's, then the lab's.
  await expect
    .poll(async () => (await dash.shownIps()).slice(0, HOME_ROWS))
    .toEqual(seedTable.map((r) => r.ip));
  await expect(dash.rowCount).toHaveText(`${DEMO_ROWS} rows`);
  await dash.waitLive();
});

test('without leases no row names an announcing node', async ({ page, context }) => {
  const dash = new DashboardPage(page);
  await dash.goto();
  await expect(dash.rows).toHaveCount(DEMO_ROWS);
  const announcers = (await dash.shownRows()).map((r) => r.announcer);
  expect(new Set(announcers)).toEqual(new Set(['--']));

  // The same row on the demo dashboard, which may read leases, does name one: the check above
  // would see a node name if the denied dashboard showed one.
  const demo = new DashboardPage(await context.newPage());
  await demo.page.goto(`http://127.0.0.1:${demoPort}/addresses`);
  await expect(demo.table).toBeVisible();
  await expect(demo.cell(demo.row('192.168.0.238'), 'announcer')).toHaveText(/^pitower-\d$/);
});

test('without the Gateway API, gateway Services fall back to their Envoy labels', async ({ page }) => {
  const dash = new DashboardPage(page);
  await dash.goto();
  // No Gateway objects: the name, namespace and type still come from the Service Envoy Gateway
  // generated (owning-gateway labels, and the infrastructure annotations it copied onto it).
  for (const ip of ['192.168.0.238', '192.168.0.239']) {
    const seed = seedTable.find((r) => r.ip === ip);
    const row = dash.row(ip);
    await expect(row).toHaveAttribute('data-status', 'allocated');
    await expect(dash.cell(row, 'service')).toHaveText(seed?.service ?? '?');
    await expect(dash.cell(row, 'namespace')).toHaveText('networking');
    await expect(dash.cell(row, 'type')).toHaveText('Gateway');
  }
});
