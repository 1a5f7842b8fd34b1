// ui.ip_detail_ms (budget 300): scale seed (10,000 Services, 50 pools); in one browser tab on the
// allocation table (/addresses, its first rows visible and the stream live), a click on an
// allocated address's link until its IP page is complete: the heading of that address shown with
// the server's reads in (lease, YAML, Events: [data-complete="true"]), measured in the page from the
// click to the animation frame that shows it. Then back to the table for the next address. Median
// of 8 different addresses after 1 warm-up (the first click also loads the page's code).
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM, Figures, median, note, startDashboard, type Figure } from './support/harness';

const TABLE = '/addresses?status=allocated';
const ROW_LINK = '[data-testid="allocation-row"][data-status="allocated"] a[data-testid="ip-link"]';
const LIVE = '[data-testid="connection-status"][data-state="live"]';
const RUNS = 8;
const TIMEOUT_MS = 60_000;

async function tableShown(page: Page): Promise<void> {
  await page.waitForFunction(
    (sel) => [...document.querySelectorAll<HTMLElement>(sel)].some((a) => a.checkVisibility()),
    ROW_LINK,
    { timeout: TIMEOUT_MS, polling: 'raf' },
  );
}

/** Clicks the `n`-th address link of the table; ms until that address's page is complete. */
async function openFromTable(page: Page, n: number): Promise<{ ip: string; ms: number }> {
  const ip = await page.evaluate(
    ([sel, i]) => {
      const links = [...document.querySelectorAll<HTMLAnchorElement>(sel)].filter((a) => a.checkVisibility());
      const link = links[i % links.length];
      (window as unknown as { __clickAt: number }).__clickAt = performance.now();
      link.click();
      return link.textContent ?? '';
    },
    [ROW_LINK, n] as const,
  );
  const done = await page.waitForFunction(
    (want) => {
      const d = document.querySelector<HTMLElement>(`[data-testid="ip-detail"][data-complete="true"]`);
      if (!d || d.dataset.ip !== want || !d.checkVisibility()) return false;
      return performance.now() - (window as unknown as { __clickAt: number }).__clickAt;
    },
    ip,
    { timeout: TIMEOUT_MS, polling: 'raf' },
  );
  return { ip, ms: (await done.jsonValue()) as number };
}

export async function run(): Promise<Figure[]> {
  const out = new Figures();
  await out.measure('ui.ip_detail_ms', async () => {
    const browser = await chromium.launch({ ...CHROMIUM, headless: true });
    const d = await startDashboard('scale');
    try {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${d.url}${TABLE}`, { timeout: TIMEOUT_MS });
      await page.waitForSelector(LIVE, { timeout: TIMEOUT_MS });
      await tableShown(page);
      const samples: number[] = [];
      for (let i = 0; i <= RUNS; i++) {
        const { ip, ms } = await openFromTable(page, i * 7);
        if (i > 0) samples.push(ms);
        else note(`ui.ip_detail warm-up (${ip}): ${ms.toFixed(1)} ms`);
        await page.goBack();
        await tableShown(page);
      }
      note(`ui.ip_detail samples (ms): ${samples.map((s) => s.toFixed(1)).join(' ')}`);
      out.add('ui.ip_detail_ms', Math.round(median(samples)), 'ms');
      await context.close();
    } finally {
      await d.stop();
      await browser.close();
    }
  });
  return out.finish();
}
