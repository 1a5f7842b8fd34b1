import { expect, test } from '@playwright/test';
import { DashboardPage } from './pages/dashboard-page';
import { DEMO_ROWS } from './support/demo';

test('the text filter lives in the URL and survives a reload', async ({ page }) => {
  const dash = new DashboardPage(page);
  await dash.goto();
  await dash.filter.fill('home-automation');
  await expect(page).toHaveURL(/[?&]q=home-automation(&|$)/);
  const filtered = await dash.shownIps();
  expect(filtered).toEqual(['192.168.0.226', '192.168.0.227', '192.168.0.228', '192.168.0.230']);

  await page.reload();
  await expect(dash.filter).toHaveValue('home-automation');
  await expect.poll(() => dash.shownIps()).toEqual(filtered);
  await expect(dash.rowCount).toHaveText(`4 of ${DEMO_ROWS} rows`);
});

test('status and pool filters are shareable links; a filter that matches nothing can be cleared', async ({
  page,
}) => {
  const dash = new DashboardPage(page);
  await dash.goto('?status=available');
  await expect(dash.statusFilter).toHaveValue('available');
  const free = await dash.shownIps();
  expect(free).toContain('192.168.0.223');
  expect(free).not.toContain('192.168.0.220');

  await dash.filter.fill('no-such-service-anywhere');
  await expect(page.getByTestId('empty-no-matches')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page).not.toHaveURL(/[?&](q|status|pool)=/);
  await expect(dash.rows).toHaveCount(DEMO_ROWS);
});

test('IP sorts numerically and the table is keyboard-operable', async ({ page }) => {
  const dash = new DashboardPage(page);
  await dash.goto();
  await page.getByRole('button', { name: /^IP/ }).click();
  await expect(page.getByRole('columnheader', { name: /^IP/ })).toHaveAttribute('aria-sort', 'descending');
  // The lab's /28 (192.168.10.0/28) sorts after the home lab's 192.168.0.x.
  expect((await dash.shownIps())[0]).toBe('192.168.10.15');

  await page.keyboard.press('/');
  await expect(dash.filter).toBeFocused();
  await dash.rows.first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(dash.rows.nth(1)).toBeFocused();
});
