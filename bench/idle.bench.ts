// server.rss_idle_mb (budget 250, issue 11): RSS of the demo dashboard's process group (dashboard
// and embedded cluster in one process), summed from /proc, after every screen has been served once
// (each page's HTML and the data its screen fetches, and a stream opened and closed) and the server
// has then been left idle for 20 s — what a dashboard nobody looks at holds.
import { Figures, groupRssMb, note, round1, sleep, startDashboard, type Figure } from './support/harness';

const SCREENS = [
  '/',
  '/addresses',
  '/pools',
  '/pools/pool',
  '/alerts',
  '/nodes',
  '/ips/192.168.0.227',
  '/what-if',
  '/reserve',
  '/snapshots',
];
const DATA = [
  '/api/inventory',
  '/api/inventory?collections=services,arp',
  '/api/metrics',
  '/api/export?format=markdown',
];

async function streamBriefly(url: string) {
  const ac = new AbortController();
  const res = await fetch(url, { signal: ac.signal });
  const reader = res.body!.getReader();
  await reader.read();
  ac.abort();
}

export async function run(): Promise<Figure[]> {
  const out = new Figures();
  let d;
  try {
    d = await startDashboard('demo');
  } catch (err) {
    out.fail(['server.rss_idle_mb'], err);
    return out.finish();
  }
  try {
    await out.measure(
      'server.rss_idle_mb',
      async () => {
        for (const path of [...SCREENS, ...DATA]) {
          const res = await fetch(`${d.url}${path}`);
          if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
          await res.arrayBuffer();
        }
        await streamBriefly(`${d.url}/api/events`);
        note(`server.rss after serving every screen once: ${round1(groupRssMb(d.pgid))} MB`);
        await sleep(20_000);
        out.add('server.rss_idle_mb', round1(groupRssMb(d.pgid)), 'MB');
      },
      d.status,
    );
  } finally {
    await d.stop();
  }
  return out.finish();
}
