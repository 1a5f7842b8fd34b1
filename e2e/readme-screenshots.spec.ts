import { expect, test, type Page } from '@playwright/test';
import { DashboardPage } from './pages/dashboard-page';
import { DEMO_ROWS } from './support/demo';

// The README's screenshots (docs/screenshots/), taken from the demo by this test so they show what
// the product does today. Each waits for what makes its screen worth a look before the picture.

const dir = 'docs/screenshots';

interface Shot {
  name: string;
  path: string;
  /** What must be on screen first. */
  ready: (page: Page) => Promise<void>;
  /** Something to do before the picture (run a what-if, …). */
  act?: (page: Page) => Promise<void>;
}

const shots: Shot[] = [
  {
    name: 'overview',
    path: '/',
    ready: async (page) => {
      await expect(page.getByTestId('pool-card')).toHaveCount(2);
      await expect(page.getByTestId('alert').first()).toBeVisible();
    },
  },
  {
    name: 'addresses',
    path: '/addresses',
    ready: async (page) => expect(new DashboardPage(page).rows).toHaveCount(DEMO_ROWS),
  },
  {
    name: 'pool-lab',
    path: '/pools/lab',
    ready: async (page) => expect(page.getByRole('gridcell').first()).toBeVisible(),
  },
  {
    name: 'alerts',
    path: '/alerts',
    ready: async (page) =>
      expect(page.getByTestId('alert').filter({ hasText: 'Nobody announces Gateway lab/edge' })).toHaveCount(
        1,
      ),
  },
  {
    name: 'ip-gateway',
    path: '/ips/192.168.10.3',
    ready: async (page) => {
      await expect(page.getByTestId('ip-headline')).toHaveText('Held by lab/cilium-gateway-edge.');
      await expect(page.getByTestId('ip-owner-hostnames')).toContainText('wiki.lab.example');
    },
  },
  {
    name: 'nodes',
    path: '/nodes',
    ready: async (page) => expect(page.getByTestId('node-row')).toHaveCount(4),
  },
  {
    name: 'what-if',
    path: '/what-if?pool=pool',
    ready: async (page) =>
      expect(page.getByRole('textbox', { name: /Manifests \(YAML\)/ })).toHaveValue(/name: pool\n/),
    act: async (page) => {
      const editor = page.getByRole('textbox', { name: /Manifests \(YAML\)/ });
      await editor.fill((await editor.inputValue()).replace('stop: 192.168.0.239', 'stop: 192.168.0.229'));
      await editor.press('Control+Enter');
      await expect(page.getByTestId('what-if-summary')).toContainText('If applied:');
    },
  },
];

test('README screenshots of every screen, from the demo', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1280, height: 820 });
  for (const shot of shots) {
    await page.goto(shot.path);
    await new DashboardPage(page).waitLive();
    await expect(page.getByTestId('screen-loading')).toHaveCount(0);
    await shot.ready(page);
    await shot.act?.(page);
    // Calm pictures: no caret, no hover card, no animation mid-way.
    await page.mouse.move(0, 0);
    await page.screenshot({ path: `${dir}/${shot.name}.png`, animations: 'disabled', caret: 'hide' });
  }
});
