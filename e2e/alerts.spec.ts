import { expect, test } from '@playwright/test';
import { DashboardPage } from './pages/dashboard-page';

test('the pending plex Service is an alert with why and how to fix', async ({ page }) => {
  const dash = new DashboardPage(page);
  await dash.goto();
  const plex = dash.alert(/plex/);
  await expect(plex).toHaveCount(1);
  // plex asked for Jellyfin's address: the why names the address, the fix says what to do.
  await expect(plex.getByTestId('alert-detail')).toContainText('192.168.0.229');
  await expect(plex.getByTestId('alert-fix')).not.toBeEmpty();
  // The row it wants says so too.
  await expect(dash.row('192.168.0.229')).toHaveAttribute('data-status', 'contested');
  await expect(dash.cell(dash.row('192.168.0.229'), 'service')).toContainText('wanted by media/plex');

  // Collapsible, and keyboard-operable.
  const toggle = page.getByRole('button', { name: /Alerts/ });
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(plex).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(plex).toHaveCount(1);
});
