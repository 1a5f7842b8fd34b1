import { expect, test } from '@playwright/test';
import { parse } from 'yaml';
import { DashboardPage } from './pages/dashboard-page';
import { kubectl, kubectlOk, manifestFile } from './support/kubectl';
import { emptyKubeconfig, emptyPort } from './support/paths';

// The dashboard on port 3102 shows a cluster started with `--seed empty`: no pools, no Services.
test.use({ baseURL: `http://127.0.0.1:${emptyPort}` });

interface PoolDoc {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string };
  spec?: { blocks?: { start?: string; stop?: string; cidr?: string }[] };
}

test.afterEach(async () => {
  // Leave the empty cluster empty, whatever the test got to.
  await kubectl(['delete', 'ciliumloadbalancerippools', '--all', '--wait=false'], undefined, emptyKubeconfig);
});

test('no pools: the empty state gives a minimal pool, and applying it with kubectl fills the table live', async ({
  page,
}) => {
  const dash = new DashboardPage(page);
  // No table without pools: the empty state stands in its place.
  await page.goto('/addresses');
  const empty = page.getByTestId('empty-no-pools');
  await expect(empty).toBeVisible();
  await dash.waitLive();
  await expect(empty).toContainText('no LoadBalancer IP pools');
  await expect(dash.rows).toHaveCount(0);
  await expect(page.getByTestId('pool-card')).toHaveCount(0);

  // The YAML shown is a real, minimal CiliumLoadBalancerIPPool.
  const yaml = (await page.getByLabel('Minimal CiliumLoadBalancerIPPool').textContent()) ?? '';
  const doc = parse(yaml) as PoolDoc;
  expect(doc.kind).toBe('CiliumLoadBalancerIPPool');
  expect(doc.apiVersion).toMatch(/^cilium\.io\//);
  expect(doc.spec?.blocks?.length).toBeGreaterThan(0);
  const poolName = doc.metadata?.name ?? '';
  expect(poolName).not.toBe('');

  // Marks this document: a reload would lose the mark.
  await page.evaluate(() => Object.assign(window, { e2eNoReload: true }));
  const { file, remove } = manifestFile('pool.yaml', yaml);
  try {
    await kubectlOk(['apply', '-f', file], undefined, emptyKubeconfig);
  } finally {
    remove();
  }

  await expect(empty).toHaveCount(0, { timeout: 5000 });
  // Its first address is there and free (nothing in the empty cluster asks for one).
  const first = doc.spec?.blocks?.[0]?.start ?? '';
  await expect(dash.rows.first()).toBeVisible();
  await expect(dash.rows.first()).toHaveAttribute('data-status', 'available');
  await expect(dash.rows.first()).toHaveAttribute('data-ip', first);
  expect(await page.evaluate(() => (window as unknown as { e2eNoReload?: boolean }).e2eNoReload)).toBe(true);
  // The overview lists it, reached without a reload.
  await dash.openScreen('Overview');
  await expect(page.locator(`[data-testid="pool-card"][data-pool="${poolName}"]`)).toBeVisible();
  await dash.openScreen('Addresses');
  expect(await page.evaluate(() => (window as unknown as { e2eNoReload?: boolean }).e2eNoReload)).toBe(true);

  // Deleting the pool brings the empty state back, still without a reload.
  await kubectlOk(['delete', 'ciliumloadbalancerippool', poolName], undefined, emptyKubeconfig);
  await expect(empty).toBeVisible({ timeout: 5000 });
  await expect(dash.rows).toHaveCount(0);
});
