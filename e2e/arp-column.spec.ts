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
