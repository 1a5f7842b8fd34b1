import { expect, test } from '@playwright/test';
import { applyPool, deletePool } from './support/kubectl';

// A pool of 512 addresses: its table lists every one, but only the rows in view are in the DOM;
// the keyboard still reaches the first and the last, scrolling them in.

const POOL = 'e2e-wide';

test.beforeAll(() => applyPool(POOL, '198.51.100.0/23'));
test.afterAll(() => deletePool(POOL));

test('a 512-address pool: every row counted, few rendered, Home and End reach both ends', async ({
  page,
}) => {
  await page.goto(`/pools/${POOL}`);
  const scroller = page.getByTestId('allocation-scroller');
  await expect(scroller).toHaveAttribute('data-virtual', 'true');
  await expect(page.getByText('512 rows', { exact: true })).toBeVisible();
  const table = page.getByRole('table', { name: 'IP allocation table' });
  // Screen readers hear the whole table's size (512 rows and the header), not the rendered slice.
  await expect(table).toHaveAttribute('aria-rowcount', '513');
  const rows = page.getByTestId('allocation-row');
  await expect(rows.first()).toHaveAttribute('data-ip', '198.51.100.0');
  expect(await rows.count()).toBeLessThan(100);

  await rows.first().focus();
  await page.keyboard.press('End');
  const last = page.locator('[data-testid="allocation-row"][data-ip="198.51.101.255"]');
  await expect(last).toBeFocused();
  await expect(last).toBeInViewport();
  expect(await rows.count()).toBeLessThan(100);
  await page.keyboard.press('ArrowUp');
  await expect(page.locator('[data-testid="allocation-row"][data-ip="198.51.101.254"]')).toBeFocused();
  await page.keyboard.press('Home');
  await expect(page.locator('[data-testid="allocation-row"][data-ip="198.51.100.0"]')).toBeFocused();

  // Scrolling by hand brings the middle in, and leaves the top out of the DOM.
  await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
  await expect(page.locator('[data-testid="allocation-row"][data-ip="198.51.100.0"]')).toHaveCount(0);
  await expect.poll(async () => Number(await rows.first().getAttribute('data-index'))).toBeGreaterThan(150);
  expect(await rows.count()).toBeLessThan(100);
});
