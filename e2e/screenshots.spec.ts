import { expect, test } from '@playwright/test';
import { DashboardPage } from './pages/dashboard-page';
import { DEMO_ROWS } from './support/demo';

// Screens for humans to look at (e2e/.tmp/screens/), plus the layout promises they rely on.
const dir = 'e2e/.tmp/screens';

for (const [label, width] of [
  ['desktop', 1440],
  ['laptop', 1024],
  ['narrow', 390],
] as const) {
  test(`every screen fits a ${label} viewport (${width}px)`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    const dash = new DashboardPage(page);
    await page.goto('/');
    await dash.waitLive();
    for (const screen of ['Overview', 'Addresses', 'Pools', 'Alerts', 'Nodes']) {
      await dash.openScreen(screen);
      if (screen === 'Addresses') await expect(dash.rows).toHaveCount(DEMO_ROWS);
      // Judge the screen itself, not its loading skeleton.
      await expect(page.getByTestId('screen-loading')).toHaveCount(0);
      await page.screenshot({ path: `${dir}/${label}-${screen.toLowerCase()}.png`, fullPage: true });
      // The page itself never scrolls sideways; only the table may, inside its own box.
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `${screen} scrolls sideways`).toBeLessThanOrEqual(0);
    }
  });
}
