import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { DashboardPage } from './pages/dashboard-page';
import { demoPort } from './support/paths';

// A shared view (?share=1) is the same screens, read-only: no control that changes anything or
// asks the server to compute for the visitor (what-if, snapshot uploads; the reserve form, when it
// comes, follows useShareMode too). It stays shared while the visitor follows links inside it,
// embeds in an iframe (?embed=1, without the navigation), and "Share" copies the link.

const SHARED_SCREENS = ['/', '/addresses', '/pools', '/pools/lab', '/alerts', '/nodes', '/ips/192.168.0.229'];

/** Anything a visitor could use to change or send something. */
async function writeControls(page: Page): Promise<string[]> {
  return page.locator('main textarea, main input[type=file], main form, main button').evaluateAll((els) =>
    els
      .filter((el) => {
        // Buttons that only change what is shown (sorting, filters, paging, expanding, copying) are views.
        const text = (el.textContent ?? '').trim();
        return el.tagName !== 'BUTTON' || /run|apply|reserve|probe|upload|compare|create|delete/i.test(text);
      })
      .map((el) => `${el.tagName.toLowerCase()} ${(el.textContent ?? '').trim().slice(0, 40)}`),
  );
}

test('every screen of a shared view: read-only, no write control, no way to the write screens', async ({
  page,
}) => {
  const nav = page.getByRole('navigation', { name: 'Screens' });
  for (const [i, path] of SHARED_SCREENS.entries()) {
    // The first link carries the marker; the rest are visited as the tab keeps it.
    await page.goto(i === 0 ? `${path}?share=1` : path);
    await expect(page.getByText('shared view', { exact: true })).toBeVisible();
    await expect(nav.getByRole('link')).toHaveText(['Overview', 'Addresses', 'Pools', /^Alerts/, 'Nodes']);
    await expect(page.locator('main')).not.toBeEmpty();
    expect(await writeControls(page), path).toEqual([]);
  }
  // The keyboard shortcut of a left-out screen does nothing; a link to one says it is left out.
  await page.keyboard.press('w');
  await expect(page).not.toHaveURL(/what-if/);
  for (const path of ['/what-if', '/snapshots']) {
    await page.goto(path);
    await expect(page.getByTestId('not-shared')).toBeVisible();
    expect(await writeControls(page), path).toEqual([]);
  }
});

test('following an address inside a shared view stays shared', async ({ page }) => {
  const dash = new DashboardPage(page);
  await dash.goto('?share=1&pool=pool');
  await dash.row('192.168.0.238').getByTestId('ip-link').click();
  await expect(page).toHaveURL(/\/ips\/192\.168\.0\.238$/);
  await expect(page.getByText('shared view', { exact: true })).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'What-if' }),
  ).toHaveCount(0);
});

test('the full dashboard has the write screens; Share copies a read-only link to exactly this view', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const dash = new DashboardPage(page);
  await dash.goto('?pool=pool&status=available');
  await expect(
    page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'What-if' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this view' });
  await expect(dialog.getByTestId('share-copied')).toHaveText('Copied to the clipboard.');
  const link = await dialog.getByRole('textbox', { name: 'Link to this view' }).inputValue();
  expect(link).toBe(`http://127.0.0.1:${demoPort}/addresses?pool=pool&status=available&share=1`);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

  const other = await context.newPage();
  const shared = new DashboardPage(other);
  await other.goto(link);
  await expect(shared.table).toBeVisible();
  await expect(other.getByText('shared view', { exact: true })).toBeVisible();
  await expect(shared.rowCount).toHaveText('9 of 36 rows');
  await other.close();
});

test('embedded in an iframe: the table alone, read-only, without the navigation', async ({ page }) => {
  // The wiki is another origin the demo lets frame it (LBIPAM_FRAME_ANCESTORS in playwright.config.ts).
  const wiki = createServer((_req, res) =>
    res
      .writeHead(200, { 'content-type': 'text/html' })
      .end(
        `<h1>Homelab wiki</h1><iframe title="allocations" style="width:1200px;height:900px" src="http://127.0.0.1:${demoPort}/addresses?embed=1&pool=pool"></iframe>`,
      ),
  );
  await new Promise<void>((r) => wiki.listen(0, '127.0.0.1', () => r()));
  try {
    await page.goto(`http://localhost:${(wiki.address() as AddressInfo).port}/`);
    const frame = page.frameLocator('iframe[title="allocations"]');
    await expect(frame.getByTestId('allocation-table')).toBeVisible();
    await expect(frame.getByTestId('allocation-row')).toHaveCount(20);
    await expect(frame.getByRole('navigation', { name: 'Screens' })).toHaveCount(0);
    await expect(frame.getByRole('button', { name: 'Share' })).toHaveCount(0);
    await expect(frame.getByText('shared view', { exact: true })).toBeVisible();
  } finally {
    wiki.close();
  }
});
