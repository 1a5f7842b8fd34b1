import { expect, test } from '@playwright/test';
import { DashboardPage } from './pages/dashboard-page';

// The GitOps page on the demo, whose repository (LBIPAM_REPO) is e2e/fixtures/gitops: Home
// Assistant declared as it runs, a Service claiming an address outside every pool, one claiming
// Home Assistant's address again, and an archived directory that is not deployed.

test('the GitOps page lists the findings, the drift against the cluster and the claims, with their lines', async ({
  page,
}) => {
  const dash = new DashboardPage(page);
  await page.goto('/');
  await dash.waitLive();
  await page.keyboard.press('g');
  await expect(page).toHaveURL(/\/gitops/);
  const findings = page.getByTestId('gitops-findings');
  await expect(findings).toContainText('192.168.0.227 is claimed by Service home-automation/home-assistant');
  await expect(findings).toContainText('apps/printer-proxy.yaml:20');
  await expect(findings).toContainText('claims 192.168.0.250, which no declared pool contains');

  const drift = page.getByTestId('gitops-drift');
  await expect(drift).toContainText('default/printer-proxy');
  await expect(drift).toContainText('default/ha-copy');
  // Declared as it runs: not drift.
  await expect(drift).not.toContainText('live Service home-automation/home-assistant holds');
  await expect(drift).toContainText('(the address is live on home-automation/home-assistant)');
  // Live but declared nowhere in the repository.
  await expect(drift).toContainText('media/jellyfin');

  const claims = page.getByTestId('gitops-claims');
  await expect(claims).toContainText('apps/home-assistant.yaml:8');
  // The archived directory is left out.
  await expect(page.getByTestId('gitops-screen')).not.toContainText('retired');
  await expect(page.getByTestId('gitops-plan')).toContainText('pending');
});

test('the API answers the same scan as JSON, naming the repository but not where it lies on the server', async ({
  request,
}) => {
  const res = await request.get('/api/gitops');
  expect(res.status()).toBe(200);
  const text = await res.text();
  expect(text).toContain('printer-proxy');
  expect(text).not.toContain(process.cwd());
});
