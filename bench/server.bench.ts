// What the dashboard server sends and holds at the scale seed (10,000 Services in 50 pools), on a
// production server (`lbipam start`, the bench build in .next-bench, built once if missing; see
// bench/support/harness.ts):
// ui.html_10k_kb (budget 1,024): the first HTML document of `/`, uncompressed (asked for without
//   accept-encoding), in KB.
// api.overview_10k_kb (budget 256): the first screen's data as it crosses the wire gzipped (the
//   compressed bytes, asked for with accept-encoding: gzip), in KB: OVERVIEW_URL (the core
//   collections) when the server answers it with only those, else the whole /api/inventory.
// sse.clients_200_rss_mb (budget 600): RSS of the server's process group (dashboard and embedded
//   cluster in one process), summed from /proc, with 200 plain Node http clients reading
//   /api/events at once (no ?since=, so each one is sent a snapshot first), held open ~10 s while
//   5 Services are created; measured at the end of the hold (stderr also gives the RSS before the
//   clients). RSS depends on when V8 last collected, so expect spread; sse.clients_200_peak_rss_mb
//   (no budget) is the highest RSS sampled every 250 ms during the hold: the fan-out's burst.
// metrics.scrape_10k_ms (budget 50): one Prometheus scrape of /api/metrics, request to last byte;
//   median of 20 after 2 warm-ups.
import http from 'node:http';
import { gunzipSync, gzipSync } from 'node:zlib';
import {
  createService,
  Figures,
  groupRssMb,
  note,
  round1,
  sleep,
  startDashboard,
  type Dashboard,
  type Figure,
} from './support/harness';

/** The first screen's data from the new data layer: only the core collections. */
const OVERVIEW_URL = '/api/inventory?collections=pools,alerts,nodes,l2Policies';
const OVERVIEW_COLLECTIONS = ['pools', 'alerts', 'nodes', 'l2Policies'];
/** Today's data layer: the whole inventory. */
const OVERVIEW_URL_FALLBACK = '/api/inventory';
const HTML_URL = '/';
const EVENTS_URL = '/api/events';

const SSE_CLIENTS = 200;
const SSE_HOLD_MS = 10_000;
const SSE_WRITES = 5;

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The bytes on the wire (still compressed when content-encoding says so). */
  body: Buffer;
}

/** A GET with exactly these headers (fetch would add accept-encoding and decompress). */
function rawGet(url: string, headers: Record<string, string>): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers, agent: false, timeout: 60_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${url} timed out`)));
    req.on('error', reject);
  });
}

const kb = (bytes: number) => round1(bytes / 1024);

async function htmlKb(d: Dashboard): Promise<number> {
  const res = await rawGet(`${d.url}${HTML_URL}`, { accept: 'text/html' });
  if (res.status !== 200) throw new Error(`GET ${HTML_URL}: ${res.status}`);
  if (res.headers['content-encoding'])
    throw new Error(`GET ${HTML_URL} came ${res.headers['content-encoding']}-encoded unasked`);
  return kb(res.body.length);
}

/** Collections a whole inventory has beyond the core ones (today's shape has rows and freeRanges). */
const NON_CORE = ['services', 'announcers', 'events', 'rows', 'freeRanges'];

/** Whether a JSON body holds only the core collections (the new data layer honours ?collections=). */
function onlyCore(json: Buffer): boolean {
  const doc = JSON.parse(json.toString('utf8')) as Record<string, unknown>;
  return OVERVIEW_COLLECTIONS.every((c) => c in doc) && NON_CORE.every((c) => !(c in doc));
}

async function overviewKb(d: Dashboard): Promise<number> {
  const get = (p: string) =>
    rawGet(`${d.url}${p}`, { accept: 'application/json', 'accept-encoding': 'gzip' });
  const decoded = (r: Raw) => (r.headers['content-encoding'] === 'gzip' ? gunzipSync(r.body) : r.body);
  let url = OVERVIEW_URL;
  let res = await get(url);
  if (res.status !== 200 || !onlyCore(decoded(res))) {
    note(
      `${OVERVIEW_URL} ${res.status === 200 ? 'answers the whole inventory' : `answers ${res.status}`}: measuring ${OVERVIEW_URL_FALLBACK}`,
    );
    url = OVERVIEW_URL_FALLBACK;
    res = await get(url);
  }
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status}`);
  if (res.headers['content-encoding'] === 'gzip') return kb(res.body.length);
  // The server does not compress: what gzip would put on the wire (zlib's default level, as
  // servers use) stands in for it.
  note(
    `${url} is not compressed by the server (content-encoding ${res.headers['content-encoding'] ?? 'none'}): gzipping its ${kb(res.body.length)} KB with zlib`,
  );
  return kb(gzipSync(res.body).length);
}

interface SseClient {
  bytes: number;
  events: number;
  req: http.ClientRequest;
}

function openSse(url: string, agent: http.Agent): Promise<SseClient> {
  return new Promise((resolve, reject) => {
    const client: SseClient = { bytes: 0, events: 0, req: undefined as unknown as http.ClientRequest };
    client.req = http.get(url, { agent, headers: { accept: 'text/event-stream' } }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        reject(new Error(`GET ${EVENTS_URL}: ${res.statusCode}`));
        return;
      }
      res.on('data', (c: Buffer) => {
        client.bytes += c.length;
        for (let i = c.indexOf('\nevent: '); i >= 0; i = c.indexOf('\nevent: ', i + 1)) client.events++;
        if (c.subarray(0, 7).toString() === 'event: ') client.events++;
      });
      res.on('error', () => {});
      resolve(client);
    });
    client.req.on('error', reject);
  });
}

async function sseRssMb(d: Dashboard): Promise<{ rss: number; peak: number }> {
  const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
  const clients: SseClient[] = [];
  note(`sse: server RSS before the clients ${groupRssMb(d.pgid)} MB`);
  // The figure is the RSS at the end of the hold; the peak sampled meanwhile is a figure too.
  let peak = 0;
  const sampler = setInterval(() => {
    try {
      peak = Math.max(peak, groupRssMb(d.pgid));
    } catch {
      // the server is gone: the figure fails below, saying so
    }
  }, 250);
  try {
    const opened = await Promise.allSettled(
      Array.from({ length: SSE_CLIENTS }, () => openSse(`${d.url}${EVENTS_URL}`, agent)),
    );
    for (const o of opened) if (o.status === 'fulfilled') clients.push(o.value);
    const refused = opened.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    if (refused)
      throw new Error(`${SSE_CLIENTS - clients.length} SSE clients failed: ${String(refused.reason)}`);
    const started = performance.now();
    for (let i = 0; i < SSE_WRITES; i++) {
      await sleep(SSE_HOLD_MS / (SSE_WRITES + 1));
      const name = `bench-sse-${i}`;
      await createService(d, 'scale-0', name, { 'scale.lbipam.io/pool': 'pool-0', app: name });
    }
    await sleep(Math.max(0, SSE_HOLD_MS - (performance.now() - started)));
    const rss = groupRssMb(d.pgid);
    const quiet = clients.filter((c) => c.events === 0).length;
    const mb = clients.reduce((s, c) => s + c.bytes, 0) / 1024 / 1024;
    note(
      `sse: ${clients.length} clients read ${round1(mb)} MB in ${SSE_HOLD_MS / 1000} s; ${quiet} got no event`,
    );
    if (quiet > 0) throw new Error(`${quiet} of ${clients.length} SSE clients received no event`);
    return { rss, peak: Math.max(peak, rss) };
  } finally {
    clearInterval(sampler);
    for (const c of clients) c.req.destroy();
    agent.destroy();
  }
}

const SCRAPES = 20;

async function scrapeMs(d: Dashboard): Promise<number> {
  const once = async () => {
    const t0 = performance.now();
    const res = await fetch(`${d.url}/api/metrics`);
    const text = await res.text();
    if (res.status !== 200 || !text.includes('lbipam_pool_addresses'))
      throw new Error(`/api/metrics answered ${res.status}: ${text.slice(0, 200)}`);
    return performance.now() - t0;
  };
  await once();
  await once();
  const samples: number[] = [];
  for (let i = 0; i < SCRAPES; i++) samples.push(await once());
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

export async function run(): Promise<Figure[]> {
  const out = new Figures();
  let d: Dashboard;
  try {
    d = await startDashboard('scale');
  } catch (err) {
    out.fail(
      [
        'ui.html_10k_kb',
        'api.overview_10k_kb',
        'metrics.scrape_10k_ms',
        'sse.clients_200_rss_mb',
        'sse.clients_200_peak_rss_mb',
      ],
      err,
    );
    return out.finish();
  }
  try {
    await out.measure(
      'ui.html_10k_kb',
      async () => out.add('ui.html_10k_kb', await htmlKb(d), 'KB'),
      d.status,
    );
    await out.measure(
      'api.overview_10k_kb',
      async () => out.add('api.overview_10k_kb', await overviewKb(d), 'KB'),
      d.status,
    );
    await out.measure(
      'metrics.scrape_10k_ms',
      async () => out.add('metrics.scrape_10k_ms', round1(await scrapeMs(d)), 'ms'),
      d.status,
    );
    await out.measure(
      ['sse.clients_200_rss_mb', 'sse.clients_200_peak_rss_mb'],
      async () => {
        const { rss, peak } = await sseRssMb(d);
        out.add('sse.clients_200_rss_mb', round1(rss), 'MB');
        out.add('sse.clients_200_peak_rss_mb', round1(peak), 'MB');
      },
      d.status,
    );
  } finally {
    await d.stop();
  }
  return out.finish();
}
