import { expect, test, type Page } from '@playwright/test';
import { DashboardPage } from './pages/dashboard-page';

// A signed link opens one allocation table, read-only, without the rest of the dashboard, until it
// expires; an expired or altered link gets a page saying so, with nothing of the cluster in it.

async function mint(
  page: Page,
  view: string,
  ttlSeconds?: number,
): Promise<{ url: string; expiresAt: string }> {
  const res = await page.request.post('/api/share-links', {
    data: { view, ...(ttlSeconds && { ttlSeconds }) },
  });
  expect(res.status()).toBe(201);
  return (await res.json()) as { url: string; expiresAt: string };
}

async function expectRefused(page: Page, reason: string) {
  await expect(page.getByTestId('link-refused')).toHaveAttribute('data-reason', reason);
  await expect(page.getByTestId('allocation-table')).toHaveCount(0);
  // Not hidden, absent: the page carries no address of the cluster at all.
  expect(await page.content()).not.toContain('192.168.0.22');
}

test('Share mints a signed link that opens the table alone, read-only, in a browser without a session', async ({
  page,
  browser,
}) => {
  const dash = new DashboardPage(page);
  await dash.goto('?pool=pool&sort=-service');
  await page.getByRole('button', { name: 'Share' }).click();
  await page.getByRole('button', { name: 'Signed, 7 days' }).click();
  const field = page.getByRole('dialog', { name: 'Share this view' }).getByRole('textbox');
  await expect(field).toHaveValue(/\/s\/[\w-]+\.[\w-]+$/);
  const link = await field.inputValue();

  const context = await browser.newContext();
  const visitor = await context.newPage();
  await visitor.goto(link);
  const shared = new DashboardPage(visitor);
  await expect(shared.table).toBeVisible();
  await expect(visitor).toHaveURL(/\?pool=pool&sort=-service$/);
  await expect(shared.rows).toHaveCount(20);
  await expect(shared.table.getByRole('columnheader', { name: /Service/ })).toHaveAttribute(
    'aria-sort',
    'descending',
  );
  await expect(visitor.getByTestId('signed-view')).toContainText('works until');
  // One table, nothing else: no navigation, no Share, no pool filter, no way into the dashboard.
  await expect(visitor.getByRole('navigation', { name: 'Screens' })).toHaveCount(0);
  await expect(visitor.getByRole('button', { name: 'Share' })).toHaveCount(0);
  await expect(shared.poolFilter).toHaveCount(0);
  await expect(shared.table.getByTestId('ip-link')).toHaveCount(0);
  await context.close();
});

test('a signed link works until it expires, then says so', async ({ page }) => {
  const { url, expiresAt } = await mint(page, '/pools/lab', 6);
  await page.goto(url);
  await expect(new DashboardPage(page).table).toBeVisible();
  await page.waitForTimeout(Math.max(0, Date.parse(expiresAt) - Date.now()) + 500);
  await page.reload();
  await expectRefused(page, 'expired');
  await expect(page.getByTestId('link-refused')).toContainText('This link has expired');
});

test('an altered link is refused: its view, its expiry or its signature changed', async ({ page }) => {
  const { url } = await mint(page, '/addresses?pool=lab');
  const [payload, sig] = url.slice('/s/'.length).split('.');
  const flipped = `${sig.slice(0, 5)}${sig[5] === 'A' ? 'B' : 'A'}${sig.slice(6)}`;
  await page.goto(`/s/${payload}.${flipped}`);
  await expectRefused(page, 'tampered');
  await expect(page.getByTestId('link-refused')).toContainText('This link is not valid');
  const wider = Buffer.from(JSON.stringify({ view: '/addresses', exp: 4102444800 })).toString('base64url');
  await page.goto(`/s/${wider}.${sig}`);
  await expectRefused(page, 'tampered');
  await page.goto('/s/not-a-token');
  await expectRefused(page, 'malformed');
});

test('only an allocation table can be signed; bad requests are named', async ({ request }) => {
  const bad = await request.post('/api/share-links', { data: { view: '/what-if' } });
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toMatchObject({
    parameter: 'view',
    error: expect.stringContaining('/addresses or /pools/<name>'),
  });
  const ttl = await request.post('/api/share-links', { data: { view: '/addresses', ttlSeconds: 0 } });
  expect(ttl.status()).toBe(400);
  expect(await ttl.json()).toMatchObject({ parameter: 'ttlSeconds' });
});
