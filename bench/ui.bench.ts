// The dashboard in Debian's chromium, on production servers (`lbipam start`, the bench build in
// .next-bench, built once if missing; see bench/support/harness.ts):
// ui.table_10k_first_render_ms (budget 1,500): scale seed (10,000 Services, 50 pools); a fresh
//   browser context navigates to the allocation table page until its first row is visible
//   (measured in the page, from navigation start); median of 8 after 1 warm-up.
// live.update_p95_ms (budget 500): one page open on the table filtered to `bench-live-`; 20 times,
//   a LoadBalancer Service bench-live-NN is created through the embedded cluster's HTTP API (the
//   server of the kubeconfig written by --embedded-kubeconfig) until its row is in the visible
//   table; p95 (nearest rank) of the 20.
// server.rss_10k_mb (budget 400): RSS of the server's process group (dashboard and embedded
//   cluster are one process), summed from /proc, after 20 page loads (the 9 above, the live page
//   and 10 more, each in a fresh context) and 200 writes (the 20 above, 90 creates, 90 deletes).
// ui.pools_1000_overlap_ms (budget 3,000): overlap seed (1,000 small pools, each overlapping its
//   neighbours, every other one conflicting; 2,000 Services); navigation until a table row is
//   visible; median of 3 after 1 warm-up.
import { chromium, type Browser, type Page } from '@playwright/test';
import {
  CHROMIUM,
  createService,
  deleteService,
  errorText,
  Figures,
  groupRssMb,
  median,
  note,
  percentile,
  round1,
  sleep,
  startDashboard,
  type Dashboard,
  type Figure,
} from './support/harness';

/** The allocation table page and its rows: the final contract of the rebuilt UI. */
const TABLE_PATH = '/addresses';
/** Today's UI has the table on the home page: used when TABLE_PATH answers 404. */
const TABLE_PATH_FALLBACK = '/';
const ROW_SELECTOR = '[data-testid="allocation-table"] tbody tr';
/** The table's free-text filter in the URL. */
const FILTER_PARAM = 'q';
/** The header's connection indicator once the page's event stream is open. */
const LIVE_SELECTOR = '[data-testid="connection-status"][data-state="live"]';

const FIRST_RENDER_RUNS = 8;
const LIVE_WRITES = 20;
const EXTRA_LOADS = 10;
const BULK_WRITES = 180;
const OVERLAP_RUNS = 3;
/** Where bench Services go: pool-0 of the scale seed is an IPv4 /16 selecting this label. */
const LIVE_NAMESPACE = 'scale-0';
const LIVE_LABELS = { 'scale.lbipam.io/pool': 'pool-0' };
const NAV_TIMEOUT_MS = 60_000;

async function tablePath(d: Dashboard): Promise<string> {
  const res = await fetch(`${d.url}${TABLE_PATH}`, { redirect: 'manual' });
  await res.arrayBuffer();
  if (res.status !== 404) return TABLE_PATH;
  note(`${TABLE_PATH} answers 404: measuring the table on ${TABLE_PATH_FALLBACK}`);
  return TABLE_PATH_FALLBACK;
}

/** True once a row matching `selector` (and containing `text`, if given) is visible. */
function visibleRow(page: Page, text: string | null, timeout = NAV_TIMEOUT_MS) {
  return page.waitForFunction(
    ([selector, want]) => {
      for (const tr of document.querySelectorAll<HTMLElement>(selector)) {
        // React can stream a hidden copy of the content (div[hidden]) next to the shown one.
        if (!tr.checkVisibility() || tr.getClientRects().length === 0) continue;
        if (want === null || (tr.textContent ?? '').includes(want)) return performance.now();
      }
      return false;
    },
    [ROW_SELECTOR, text] as const,
    { polling: 'raf', timeout },
  );
}

/** One navigation in a fresh context: ms from navigation start until a row is visible. */
async function firstRowMs(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'commit', timeout: NAV_TIMEOUT_MS });
    const at = await visibleRow(page, null);
    return (await at.jsonValue()) as number;
  } finally {
    await context.close();
  }
}

async function navigations(browser: Browser, url: string, runs: number): Promise<number[]> {
  await firstRowMs(browser, url); // warm-up: the server's first render of each route
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await firstRowMs(browser, url));
  return samples;
}

async function scaleFigures(browser: Browser, out: Figures): Promise<void> {
  let d: Dashboard;
  try {
    d = await startDashboard('scale');
  } catch (err) {
    out.fail(['ui.table_10k_first_render_ms', 'live.update_p95_ms', 'server.rss_10k_mb'], err);
    return;
  }
  let loads = 0;
  let writes = 0;
  try {
    const path = await tablePath(d);
    await out.measure(
      'ui.table_10k_first_render_ms',
      async () => {
        try {
          const samples = await navigations(browser, `${d.url}${path}`, FIRST_RENDER_RUNS);
          out.add('ui.table_10k_first_render_ms', Math.round(median(samples)), 'ms');
        } finally {
          loads += 1 + FIRST_RENDER_RUNS;
        }
      },
      d.status,
    );

    await out.measure(
      'live.update_p95_ms',
      async () => {
        const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
        try {
          const page = await context.newPage();
          const sep = path.includes('?') ? '&' : '?';
          loads++;
          await page.goto(`${d.url}${path}${sep}${FILTER_PARAM}=bench-live-`, { timeout: NAV_TIMEOUT_MS });
          // Nothing matches the filter yet, so there may be no table: wait for the live stream instead.
          await page.waitForSelector(LIVE_SELECTOR, { timeout: NAV_TIMEOUT_MS });
          await sleep(1_000);
          const samples: number[] = [];
          for (let i = 0; i < LIVE_WRITES; i++) {
            const name = `bench-live-${String(i).padStart(2, '0')}`;
            const t0 = performance.now();
            await createService(d, LIVE_NAMESPACE, name, { ...LIVE_LABELS, app: name });
            writes++;
            await visibleRow(page, name, 30_000);
            samples.push(performance.now() - t0);
            await sleep(100);
          }
          out.add('live.update_p95_ms', Math.round(percentile(samples, 95)), 'ms');
          note(`live.update samples (ms): ${samples.map((s) => Math.round(s)).join(' ')}`);
        } finally {
          await context.close();
        }
      },
      d.status,
    );

    await out.measure(
      'server.rss_10k_mb',
      async () => {
        for (; loads < 1 + FIRST_RENDER_RUNS + 1 + EXTRA_LOADS;) {
          loads++;
          await firstRowMs(browser, `${d.url}${path}`);
        }
        for (let i = 0; writes < LIVE_WRITES + BULK_WRITES; i++) {
          const name = `bench-bulk-${String(i >> 1).padStart(3, '0')}`;
          if (i % 2 === 0) await createService(d, LIVE_NAMESPACE, name, { ...LIVE_LABELS, app: name });
          else await deleteService(d, LIVE_NAMESPACE, name);
          writes++;
        }
        await sleep(3_000); // let the feed rebuild and the controllers settle
        out.add('server.rss_10k_mb', round1(groupRssMb(d.pgid)), 'MB');
        note(`server.rss after ${loads} page loads and ${writes} writes`);
      },
      d.status,
    );
  } finally {
    await d.stop();
  }
}

async function overlapFigure(browser: Browser, out: Figures): Promise<void> {
  await out.measure('ui.pools_1000_overlap_ms', async () => {
    // The embedded cluster settles 1,000 overlapping pools slowly (conflicts are settled pool ×
    // pool on every pool event, as Cilium does): give its start a longer deadline.
    const d = await startDashboard('overlap', 300_000);
    try {
      const samples = await navigations(browser, `${d.url}${await tablePath(d)}`, OVERLAP_RUNS);
      out.add('ui.pools_1000_overlap_ms', Math.round(median(samples)), 'ms');
    } catch (err) {
      throw new Error(`${errorText(err)}; ${d.status()}`);
    } finally {
      await d.stop();
    }
  });
}

export async function run(): Promise<Figure[]> {
  const out = new Figures();
  let browser: Browser;
  try {
    browser = await chromium.launch({ ...CHROMIUM, headless: true });
  } catch (err) {
    out.fail(
      ['ui.table_10k_first_render_ms', 'live.update_p95_ms', 'server.rss_10k_mb', 'ui.pools_1000_overlap_ms'],
      err,
    );
    return out.finish();
  }
  try {
    await scaleFigures(browser, out);
    await overlapFigure(browser, out);
  } finally {
    await browser.close();
  }
  return out.finish();
}
