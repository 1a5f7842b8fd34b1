import { expect, test, type Page } from '@playwright/test';
import { DashboardPage } from './pages/dashboard-page';
import { DEMO_POOLS, DEMO_ROWS, HOME_ROWS } from './support/demo';

// The shell: one EventSource for the whole visit, the core data hydrated once, each screen's own
// data fetched once and then kept live, and no page re-sending the inventory on navigation.

async function countEventSources(page: Page) {
  await page.addInitScript(() => {
    const Native = window.EventSource;
    const w = window as unknown as { __eventSources: number };
    w.__eventSources = 0;
    class Counted extends Native {
      constructor(url: string | URL, init?: EventSourceInit) {
        super(url, init);
        w.__eventSources += 1;
      }
    }
    window.EventSource = Counted;
  });
  return () => page.evaluate(() => (window as unknown as { __eventSources: number }).__eventSources);
}

test('navigating every screen keeps one EventSource and never re-fetches what it has', async ({ page }) => {
  const eventSources = await countEventSources(page);
  const inventoryFetches: string[] = [];
  const navigationPayloads: number[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/inventory')) inventoryFetches.push(new URL(r.url()).search);
  });
  page.on('response', async (r) => {
    if (r.request().headers()['rsc'] === '1')
      navigationPayloads.push((await r.body().catch(() => Buffer.alloc(0))).length);
  });
  const dash = new DashboardPage(page);
  await page.goto('/');
  await expect(page.getByTestId('pool-card')).toHaveCount(DEMO_POOLS);
  await dash.waitLive();
  // The overview's data came with the page: nothing else fetched (the pool cards' small maps ask
  // for the Service list once the page is idle).
  expect(inventoryFetches.filter((f) => f !== '?collections=services')).toEqual([]);

  await dash.openScreen('Addresses');
  await expect(dash.rows).toHaveCount(DEMO_ROWS);
  await dash.openScreen('Pools');
  await page.getByRole('link', { name: 'pool', exact: true }).click();
  await expect(page).toHaveURL(/\/pools\/pool$/);
  await expect(dash.rows).toHaveCount(HOME_ROWS);
  await dash.openScreen('Alerts');
  await expect(dash.alert(/plex/)).toHaveCount(1);
  await dash.openScreen('Nodes');
  await expect(page.getByTestId('node-row')).toHaveCount(4);
  await dash.openScreen('Overview');
  await dash.openScreen('Addresses');
  await expect(dash.rows).toHaveCount(DEMO_ROWS);

  expect(await eventSources()).toBe(1);
  // Only the on-demand collections, each once: the Service list for the first screen that showed
  // rows, the ARP verdicts for the first table, the announcers for the nodes screen.
  expect(inventoryFetches).toEqual(['?collections=services', '?collections=arp', '?collections=announcers']);
  // Client-side navigations carry the page, not the inventory.
  expect(navigationPayloads.length).toBeGreaterThan(0);
  for (const size of navigationPayloads) expect(size).toBeLessThan(30_000);
  await dash.waitLive();
});

test('an unknown address is a designed not-found page, and an unknown pool says so in the shell', async ({
  page,
}) => {
  const res = await page.goto('/no-such-screen');
  expect(res?.status()).toBe(404);
  await expect(page.getByTestId('not-found')).toContainText('There is no such page');
  await page.getByRole('link', { name: '← Overview' }).click();
  await expect(page.getByTestId('pool-card')).toHaveCount(DEMO_POOLS);

  await page.goto('/pools/no-such-pool');
  await expect(page.getByTestId('pool-not-found')).toContainText('No pool named no-such-pool');
  await expect(page.getByRole('navigation', { name: 'Screens' })).toBeVisible();
});
