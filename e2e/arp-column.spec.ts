import { expect, test } from '@playwright/test';
import { DashboardPage } from './pages/dashboard-page';

// The allocation table's ARP column on the demo, whose L2 segment is simulated
// (lib/sim/l2-segment.ts): the lease holder answers, Jellyfin's address is silent, a printer
// squats on a free address, and the lab's split shared IP is answered by two nodes.

test('the ARP column shows what the LAN answers for each address, labelled simulated', async ({ page }) => {
  const dash = new DashboardPage(page);
  await page.goto('/addresses?pool=pool');
  await expect(dash.rows.first()).toBeVisible();
  const arp = (ip: string) => dash.row(ip).locator('td[data-col="arp"]');
  await expect(arp('192.168.0.227').getByTestId('arp-verdict')).toHaveAttribute('data-verdict', 'ok');
  await expect(arp('192.168.0.229').getByTestId('arp-verdict')).toHaveAttribute('data-verdict', 'silent');
  await expect(arp('192.168.0.229')).toContainText('silent');
  await expect(arp('192.168.0.229')).toContainText('sim');
  const printer = arp('192.168.0.235').getByTestId('arp-verdict');
  await expect(printer).toHaveAttribute('data-verdict', 'foreign');
  await expect(printer.locator('[title]')).toHaveAttribute('title', /3c:2a:f4:5e:10:07.*simulated/);
  // A free address nobody answers shows nothing alarming.
  await expect(arp('192.168.0.224')).toHaveText('—');

  await page.goto('/addresses?pool=lab');
  await expect(arp('192.168.10.2').getByTestId('arp-verdict')).toHaveAttribute(
    'data-verdict',
    'several-macs',
  );
});

test('an address page says what answers it on the LAN: every MAC, its node or vendor, the last probes', async ({
  page,
}) => {
  await page.goto('/ips/192.168.0.235');
  const arp = page.getByTestId('ip-arp');
  await expect(arp).toHaveAttribute('data-verdict', 'foreign');
  await expect(arp.getByTestId('ip-arp-mac')).toHaveText([
    '3c:2a:f4:5e:10:07 no node’s · Brother Industries, LTD.',
  ]);
  await expect(arp.getByTestId('ip-arp-probe').first()).toContainText('3c:2a:f4:5e:10:07');
  await expect(page.getByText('simulated evidence')).toBeVisible();

  await page.goto('/ips/192.168.0.227');
  await expect(page.getByTestId('ip-arp')).toHaveAttribute('data-verdict', 'ok');
  await expect(page.getByTestId('ip-arp-mac')).toContainText(['node pitower-1']);
});

test('the pool map has an ARP layer: a mark per verdict, the worst first in the legend, switchable', async ({
  page,
}) => {
  await page.goto('/pools/pool');
  const cell = (ip: string) => page.locator(`a[data-ip="${ip}"]`);
  await expect(cell('192.168.0.235')).toHaveAttribute('data-arp', 'foreign');
  await expect(cell('192.168.0.235').getByTestId('arp-mark')).toBeVisible();
  await expect(cell('192.168.0.229')).toHaveAttribute('data-arp', 'silent');
  await expect(cell('192.168.0.229')).toHaveAttribute('aria-label', /ARP: silent/);
  await expect(cell('192.168.0.227')).toHaveAttribute('data-arp', 'ok');
  // A free address nobody answers carries no mark.
  await expect(cell('192.168.0.224').getByTestId('arp-mark')).toHaveCount(0);
  const legend = page.getByTestId('arp-legend-item');
  await expect(legend.first()).toHaveAttribute('data-verdict', 'foreign');
  await expect(page.getByText('ARP layer')).toContainText('(simulated)');
  await expect(legend.filter({ hasText: 'foreign device' })).toContainText('1');
  await expect(legend.filter({ hasText: 'silent' })).toContainText('1');

  // The hover card names the verdict and its evidence.
  await cell('192.168.0.235').hover();
  await expect(page.getByTestId('cell-arp')).toHaveAttribute('data-verdict', 'foreign');
  await expect(page.getByTestId('cell-arp')).toContainText('3c:2a:f4:5e:10:07');

  // Switched off, the marks go and the URL keeps it.
  await page.getByTestId('arp-layer-toggle').uncheck();
  await expect(page).toHaveURL(/[?&]arp=off/);
  await expect(page.getByTestId('arp-mark')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('arp-layer-toggle')).not.toBeChecked();
  await expect(cell('192.168.0.235').getByTestId('arp-mark')).toHaveCount(0);
  await page.getByTestId('arp-layer-toggle').check();
  await expect(cell('192.168.0.235').getByTestId('arp-mark')).toBeVisible();
});

test('probe now on an address adds a probe to its history; again at once is refused with the wait', async ({
  page,
}) => {
  await page.goto('/ips/192.168.0.235');
  const probes = page.getByTestId('ip-arp-probe');
  await expect(probes.first()).toBeVisible();
  const before = await probes.count();
  await page.getByTestId('probe-now').click();
  await expect(page.getByTestId('probe-now-status')).toContainText(/asked at \d\d:\d\d:\d\d UTC/);
  await expect(probes).toHaveCount(before + 1);
  await expect(probes.first()).toContainText('3c:2a:f4:5e:10:07');
  await page.getByTestId('probe-now').click();
  await expect(page.getByTestId('probe-now-status')).toContainText(/was probed \d+ s ago; wait \d+ s/);

  // A shared view sends nothing: no button.
  await page.goto('/ips/192.168.0.235?share=1');
  await expect(page.getByTestId('ip-arp')).toBeVisible();
  await expect(page.getByTestId('probe-now')).toHaveCount(0);
});

test('probe now refuses what is not a pool address, and bad requests, in words', async ({ request }) => {
  const probe = (data: unknown) => request.post('/api/probe', { data });
  const node = await probe({ ip: '192.168.0.201' });
  expect(node.status()).toBe(403);
  expect((await node.json()).error).toMatch(/node address: probe now is for pool addresses only/);
  const outside = await probe({ ip: '10.9.9.9' });
  expect(outside.status()).toBe(403);
  expect((await outside.json()).error).toMatch(/10\.9\.9\.9/);
  const bad = await probe({ address: '192.168.0.235' });
  expect(bad.status()).toBe(400);
  const notJson = await request.post('/api/probe', {
    data: 'ip=1',
    headers: { 'content-type': 'text/plain' },
  });
  expect(notJson.status()).toBe(400);
  expect((await notJson.json()).error).toMatch(/expected a JSON body/);
});
