import { expect, test } from '@playwright/test';
import { DashboardPage } from './pages/dashboard-page';
import { DEMO_POOLS, DEMO_ROWS } from './support/demo';

test('the header names the cluster and shows the stream is live', async ({ page }) => {
  const dash = new DashboardPage(page);
  await dash.goto();
  await expect(dash.clusterName).toHaveText(/embedded/);
  await expect(dash.connection).toHaveAttribute('data-state', 'live');
  await expect(dash.connection).toHaveText(/live/);
  await dash.openScreen('Overview');
  await expect(page.getByTestId('pool-card')).toHaveCount(DEMO_POOLS);
});

test('a refused stream shows "stale since", then recovers to live by itself', async ({ page }) => {
  // The server refusing the stream (503) makes EventSource give up; the tab must say so and retry.
  await page.route('**/api/events*', (route) =>
    route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":"test: stream refused"}' }),
  );
  const dash = new DashboardPage(page);
  await dash.goto();
  await expect(dash.connection).toHaveAttribute('data-state', 'stale');
  await expect(dash.connection).toContainText(/stale since \d\d:\d\d:\d\d/);
  // The table keeps showing the last known state meanwhile.
  await expect(dash.rows).toHaveCount(DEMO_ROWS);

  await page.unroute('**/api/events*');
  await expect(dash.connection).toHaveAttribute('data-state', 'live', { timeout: 15_000 });
});
