import { expect, test } from '@playwright/test';
import { DashboardPage } from './pages/dashboard-page';

test('the header names the cluster and shows the stream is live', async ({ page }) => {
  const dash = new DashboardPage(page);
  await dash.goto();
  await expect(dash.clusterName).toHaveText(/embedded/);
  await expect(dash.connection).toHaveAttribute('data-state', 'live');
  await expect(dash.connection).toHaveText(/live/);
  await expect(page.getByTestId('pool-card')).toHaveCount(1);
});
