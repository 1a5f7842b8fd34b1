import { expect, test, type Page } from '@playwright/test';
import { DashboardPage } from './pages/dashboard-page';

// Every view is its URL: what a user set up (filters, sort, the selected address, a screen's own
// choices) survives a reload and opens the same in a fresh tab from the link alone.

/** Opens `url` in a new tab of a new context (no session, no history): only the link counts. */
async function freshTab(page: Page, url: string): Promise<Page> {
  const context = await page.context().browser()!.newContext();
  const fresh = await context.newPage();
  await fresh.goto(url);
  return fresh;
}

test('Addresses: the filter, status, pool, sort and selected address survive a reload and a fresh tab', async ({
  page,
}) => {
  const dash = new DashboardPage(page);
  await dash.goto();
  await dash.filter.fill('home');
  await dash.statusFilter.selectOption('allocated');
  await dash.poolFilter.selectOption('pool');
  const serviceHeader = dash.table.getByRole('columnheader', { name: /Service/ });
  await serviceHeader.getByRole('button').click();
  await serviceHeader.getByRole('button').click();
  await expect(serviceHeader).toHaveAttribute('aria-sort', 'descending');
  await dash.cell(dash.row('192.168.0.227'), 'notes').click();
  await expect(page).toHaveURL(/ip=192\.168\.0\.227/);
  await expect(page).toHaveURL(/sort=-service/);
  const shown = await dash.shownIps();
  // Home Assistant, Matter Server, Mosquitto, OTBR: home-automation, by Service descending.
  expect(shown).toEqual(['192.168.0.230', '192.168.0.226', '192.168.0.228', '192.168.0.227']);

  const check = async (p: Page) => {
    const d = new DashboardPage(p);
    await expect(d.table).toBeVisible();
    await expect(d.filter).toHaveValue('home');
    await expect(d.statusFilter).toHaveValue('allocated');
    await expect(d.poolFilter).toHaveValue('pool');
    await expect(d.table.getByRole('columnheader', { name: /Service/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    await expect(d.row('192.168.0.227')).toHaveAttribute('aria-selected', 'true');
    expect(await d.shownIps()).toEqual(shown);
  };
  const url = page.url();
  await page.reload();
  await check(page);
  const fresh = await freshTab(page, url);
  await check(fresh);
  await fresh.context().close();
});

test('a pool: its table sort and selected address come back from the link', async ({ page }) => {
  const dash = new DashboardPage(page);
  await page.goto('/pools/lab?sort=-status&ip=192.168.10.3');
  await expect(dash.table).toBeVisible();
  await expect(dash.table.getByRole('columnheader', { name: /Status/ })).toHaveAttribute(
    'aria-sort',
    'descending',
  );
  await expect(dash.row('192.168.10.3')).toHaveAttribute('aria-selected', 'true');
  // Sorting by address again is the default: it leaves the URL.
  await dash.table.getByRole('columnheader', { name: /^IP/ }).getByRole('button').click();
  await expect(page).not.toHaveURL(/sort=/);
});

test('Alerts: the severity filter comes back from the link', async ({ page }) => {
  await page.goto('/alerts');
  await page.getByRole('group', { name: 'Severity' }).getByRole('button', { name: 'error' }).click();
  await expect(page).toHaveURL(/severity=error/);
  await page.reload();
  await expect(
    page.getByRole('group', { name: 'Severity' }).getByRole('button', { name: 'error' }),
  ).toHaveAttribute('aria-pressed', 'true');
});

test('Nodes: the filter of who may announce each address comes back from the link', async ({ page }) => {
  await page.goto('/nodes');
  const filter = page.getByRole('searchbox', { name: 'Filter announced addresses' });
  await filter.fill('envoy');
  await expect(page).toHaveURL(/announce=envoy/);
  await page.reload();
  await expect(page.getByRole('searchbox', { name: 'Filter announced addresses' })).toHaveValue('envoy');
});

test('What-if: the kind of edit, the object and the drained nodes come back from the link', async ({
  page,
}) => {
  await page.goto('/what-if');
  await page
    .getByRole('group', { name: 'What to try' })
    .getByRole('button', { name: 'Edit an L2 policy' })
    .click();
  const drain = page.getByRole('group', { name: 'Drain nodes' }).getByRole('checkbox').first();
  await drain.check();
  await expect(page).toHaveURL(/mode=policy/);
  await expect(page).toHaveURL(/drain=/);
  await page.reload();
  await expect(
    page.getByRole('group', { name: 'What to try' }).getByRole('button', { name: 'Edit an L2 policy' }),
  ).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('group', { name: 'Drain nodes' }).getByRole('checkbox').first()).toBeChecked();
});
