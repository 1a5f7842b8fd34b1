// ui.poolmap_65k_ms (budget 100): scale seed; /pools/pool-0 (an IPv4 /16, 65,536 addresses, drawn
// on the canvas) in a fresh browser context, measured in the page with performance marks: from
// `lbipam:poolmap:data-ready` (the first render of the pool screen that has the pool and Service
// lists in its cache, before the rows are expanded) to `lbipam:poolmap:painted` (the animation
// frame after the canvas was drawn). So it counts row expansion, cell aggregation, React's commit
// and the drawing, not the network. Median of 8 after 1 warm-up.
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM, Figures, median, note, startDashboard, type Figure } from './support/harness';

const POOL_PATH = '/pools/pool-0';
const RUNS = 8;
const TIMEOUT_MS = 60_000;

async function once(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'commit', timeout: TIMEOUT_MS });
    await page.waitForSelector('[data-testid="pool-map-canvas"] canvas[data-painted="true"]', {
      timeout: TIMEOUT_MS,
    });
    return await page.evaluate(() => {
      const m = performance.measure('poolmap', 'lbipam:poolmap:data-ready', 'lbipam:poolmap:painted');
      return m.duration;
    });
  } finally {
    await context.close();
  }
}

export async function run(): Promise<Figure[]> {
  const out = new Figures();
  await out.measure('ui.poolmap_65k_ms', async () => {
    const browser = await chromium.launch({ ...CHROMIUM, headless: true });
    const d = await startDashboard('scale');
    try {
      const url = `${d.url}${POOL_PATH}`;
      await once(browser, url);
      const samples: number[] = [];
      for (let i = 0; i < RUNS; i++) samples.push(await once(browser, url));
      note(`ui.poolmap_65k samples (ms): ${samples.map((s) => s.toFixed(1)).join(' ')}`);
      out.add('ui.poolmap_65k_ms', Math.round(median(samples)), 'ms');
    } finally {
      await d.stop();
      await browser.close();
    }
  });
  return out.finish();
}
