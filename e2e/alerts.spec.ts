import { expect, test } from '@playwright/test';
import { DashboardPage } from './pages/dashboard-page';
import { DEMO_ERRORS } from './support/demo';

test('the pending plex Service is an alert with why and how to fix, on the overview and the alerts screen', async ({
  page,
}) => {
  const dash = new DashboardPage(page);
  await page.goto('/');
  const plex = dash.alert(/plex/);
  await expect(plex).toHaveCount(1);
  // plex asked for Jellyfin's address: the why names the address, the fix says what to do.
  await expect(plex.getByTestId('alert-detail')).toContainText('192.168.0.229');
  await expect(plex.getByTestId('alert-fix')).not.toBeEmpty();
  await expect(page.getByTestId('nav-alert-count')).toHaveText(String(DEMO_ERRORS));

  // The keyboard shortcut of the Alerts screen (l) opens it; the alert has a stable id to link to.
  await page.keyboard.press('l');
  await expect(page).toHaveURL(/\/alerts$/);
  await expect(plex).toHaveAttribute('data-alert-id', 'pending:media/plex');
  await page.getByRole('button', { name: 'warning', exact: true }).click();
  await expect(page).toHaveURL(/severity=warning/);
  await expect(plex).toHaveCount(0);
  await page.getByRole('button', { name: 'error', exact: true }).click();
  await expect(plex).toHaveCount(1);

  // The row it wants says so too.
  await dash.openScreen('Addresses');
  await expect(dash.row('192.168.0.229')).toHaveAttribute('data-status', 'contested');
  await expect(dash.cell(dash.row('192.168.0.229'), 'service')).toContainText('wanted by media/plex');
});
