import { expect, test } from '@playwright/test';
import { isAvailable, seedTable } from '../test/fixtures/seed-table';
import { kubectl, kubectlOk, manifestFile } from './support/kubectl';

// The pool map of /pools/<name>: the demo's pool `pool` (20 addresses, allowFirstLastIPs: Yes, so
// nothing reserved) as DOM cells, and a /16 created here (deleted after: the demo is shared) on the
// canvas, zoomed in and back out.

const BIG = 'e2e-poolmap-16';
const HELD = '10.250.3.7';
const manifest = `apiVersion: cilium.io/v2
kind: CiliumLoadBalancerIPPool
metadata:
  name: ${BIG}
spec:
  blocks:
    - cidr: 10.250.0.0/16
  serviceSelector:
    matchLabels:
      e2e.lbipam.io/poolmap: "true"
---
apiVersion: v1
kind: Service
metadata:
  name: e2e-poolmap-web
  namespace: default
  labels:
    e2e.lbipam.io/poolmap: "true"
  annotations:
    lbipam.cilium.io/ips: "${HELD}"
spec:
  type: LoadBalancer
  selector:
    app: e2e-poolmap-web
  ports:
    - name: http
      port: 80
`;

test('the demo pool: one cell per address in order, states as in the seed table, keyboard and hover', async ({
  page,
}) => {
  await page.goto('/pools/pool');
  const grid = page.getByRole('grid', { name: 'Addresses of pool pool' });
  await expect(grid).toBeVisible();
  const cells = grid.getByRole('gridcell');
  await expect(cells).toHaveCount(20);
  const links = grid.locator('a[data-ip]');
  expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute('data-ip')))).toEqual(
    seedTable.map((r) => r.ip),
  );
  // Every free address of the seed page is free on the map, every held one held (jellyfin's is
  // also wanted by the pending plex Service); nothing is reserved (allowFirstLastIPs: Yes).
  for (const seed of seedTable) {
    const state = await grid.locator(`a[data-ip="${seed.ip}"]`).getAttribute('data-state');
    if (isAvailable(seed)) expect(state, seed.ip).toBe('free');
    else expect(['allocated', 'shared', 'wanted'], seed.ip).toContain(state);
  }
  await expect(grid.locator('a[data-state="reserved"]')).toHaveCount(0);
  await expect(
    page.getByRole('gridcell', { name: /^192\.168\.0\.229, wanted by media\/plex, held by media\// }),
  ).toBeVisible();
  await expect(page.getByRole('gridcell', { name: '192.168.0.223, free' })).toBeVisible();
  await expect(page.locator('[data-testid="legend-item"][data-state="free"]')).toHaveText(/free\s*9$/);

  // One tab stop; arrows move by one address and by a row of 16.
  const first = grid.locator('a[data-ip="192.168.0.220"]');
  await first.focus();
  await expect(first).toHaveAttribute('tabindex', '0');
  await page.keyboard.press('ArrowRight');
  const second = grid.locator('a[data-ip="192.168.0.221"]');
  await expect(second).toBeFocused();
  await expect(second).toHaveAttribute('tabindex', '0');
  await expect(first).toHaveAttribute('tabindex', '-1');
  await page.keyboard.press('ArrowDown');
  await expect(grid.locator('a[data-ip="192.168.0.237"]')).toBeFocused();
  await page.keyboard.press('Home');
  await expect(grid.locator('a[data-ip="192.168.0.236"]')).toBeFocused();
  await page.keyboard.press('End');
  await expect(grid.locator('a[data-ip="192.168.0.239"]')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(grid.locator('a[data-ip="192.168.0.223"]')).toBeFocused();

  // Focus and hover show the owner, its ports and the announcing node.
  const card = page.getByTestId('cell-card');
  await grid.locator('a[data-ip="192.168.0.226"]').focus();
  await expect(card).toContainText('192.168.0.226');
  await expect(card.getByTestId('cell-owner')).toHaveCount(1);
  await expect(card.getByTestId('cell-owner')).toContainText('home-automation/');
  await expect(card.getByTestId('cell-ports')).toContainText('1883');
  await expect(card.getByTestId('cell-announcer')).toContainText(/announced by \S+|no node announces it/);
  await grid.locator('a[data-ip="192.168.0.238"]').hover();
  await expect(card).toContainText('networking/');

  // Enter opens the address page.
  await grid.locator('a[data-ip="192.168.0.226"]').focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/ips\/192\.168\.0\.226$/);
  await page.goBack();
  await page
    .getByRole('grid', { name: 'Addresses of pool pool' })
    .locator('a[data-ip="192.168.0.223"]')
    .click();
  await expect(page).toHaveURL(/\/ips\/192\.168\.0\.223$/);
});

test.describe('a /16 on the canvas', () => {
  test.beforeAll(async () => {
    const { file, remove } = manifestFile('poolmap.yaml', manifest);
    try {
      await kubectlOk(['apply', '-f', file]);
    } finally {
      remove();
    }
  });
  test.afterAll(async () => {
    await kubectl([
      'delete',
      'service',
      'e2e-poolmap-web',
      '-n',
      'default',
      '--ignore-not-found',
      '--wait=false',
    ]);
    await kubectl(['delete', 'ciliumloadbalancerippool', BIG, '--ignore-not-found', '--wait=false']);
  });

  test('zooms in by keyboard, click and wheel to addresses, breadcrumbs back out', async ({ page }) => {
    await page.goto(`/pools/${BIG}`);
    const map = page.getByRole('application', { name: new RegExp(`^Map of pool ${BIG}`) });
    await expect(map).toBeVisible();
    await expect(map).toHaveAccessibleName(/256 cells of up to 256 addresses/);
    await expect(page.getByTestId('legend-item').filter({ hasText: 'allocated' })).toContainText('1');

    // Keyboard: three to the right is 10.250.3.0/24, which holds the Service's address.
    await map.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    const focusText = page.getByTestId('pool-map-focus');
    await expect(focusText).toHaveText('10.250.3.0/24, 1 of 256 held');
    await page.keyboard.press('ArrowDown');
    await expect(focusText).toHaveText('10.250.19.0/24, 0 of 256 held');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    const crumbs = page.getByRole('navigation', { name: 'Map zoom' });
    await expect(crumbs.locator('[aria-current="location"]')).toHaveText('10.250.3.0/24');
    await expect(map).toHaveAccessibleName(/one address per cell/);
    for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowRight');
    await expect(focusText).toHaveText(`${HELD}, allocated to default/e2e-poolmap-web`);
    const card = page.getByTestId('cell-card');
    await expect(card.getByTestId('cell-ports')).toContainText('80/TCP');

    // Breadcrumbs back out; Escape too.
    await crumbs.getByRole('button', { name: `${BIG} (whole pool)` }).click();
    await expect(crumbs.locator('[aria-current="location"]')).toHaveText(`${BIG} (whole pool)`);

    // Click zooms in (the first cell, top left under the section's label line), wheel up and down.
    const box = (await page.getByTestId('pool-map-canvas').locator('canvas').boundingBox())!;
    await page.mouse.move(box.x + 6, box.y + 18 + 6);
    await expect(card).toContainText('10.250.0.0/24');
    await page.mouse.click(box.x + 6, box.y + 18 + 6);
    await expect(crumbs.locator('[aria-current="location"]')).toHaveText('10.250.0.0/24');
    await map.focus();
    await page.keyboard.press('Escape');
    await expect(crumbs.locator('[aria-current="location"]')).toHaveText(`${BIG} (whole pool)`);
    await page.mouse.move(box.x + 6, box.y + 18 + 6);
    await page.mouse.wheel(0, -100);
    await expect(crumbs.locator('[aria-current="location"]')).toHaveText('10.250.0.0/24');

    // At the address level, Enter opens the address.
    await map.focus();
    await page.keyboard.press('Escape');
    await expect(crumbs.locator('[aria-current="location"]')).toHaveText(`${BIG} (whole pool)`);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/ips\/10\.250\.0\.0$/);
  });
});
