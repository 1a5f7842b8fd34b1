// `npm run soak` (not part of `npm test`): the demo dashboard (production build, as the bench
// runs it) against its embedded cluster for SOAK_MINUTES (default 10), with SOAK_RATE (default
// 1,000) Service creates and deletes a minute. Passes when memory stays flat — the RSS of the last
// minute within 20 % of the second minute's (the first is warm-up) — and the dashboard's final
// Services and addresses are exactly the API server's. JSON lines on stdout, like the bench.
import {
  createService,
  deleteService,
  groupRssMb,
  note,
  round1,
  sleep,
  startDashboard,
} from './support/harness';

const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
const RATE = Number(process.env.SOAK_RATE ?? 1000);
const NS = 'default';
const LABELS = { 'soak.lbipam.io/run': '1' };

type Svc = {
  metadata: { namespace: string; name: string };
  status?: { loadBalancer?: { ingress?: { ip?: string }[] } };
};

async function apiServices(api: { server: string; token: string }): Promise<Map<string, string[]>> {
  const res = await fetch(`${api.server}/api/v1/services`, {
    headers: { authorization: `Bearer ${api.token}` },
  });
  const list = (await res.json()) as { items: Svc[] };
  return new Map(
    list.items.map((s) => [
      `${s.metadata.namespace}/${s.metadata.name}`,
      (s.status?.loadBalancer?.ingress ?? []).flatMap((i) => (i.ip ? [i.ip] : [])).sort(),
    ]),
  );
}

async function dashboardServices(url: string): Promise<Map<string, string[]>> {
  const inv = (await (await fetch(`${url}/api/inventory?collections=services`)).json()) as {
    services: { key: string; ips: string[] }[];
  };
  return new Map(inv.services.map((s) => [s.key, [...s.ips].sort()]));
}

const emit = (name: string, value: number, unit: string) =>
  process.stdout.write(`${JSON.stringify({ name, value, unit })}\n`);

const d = await startDashboard('demo');
let failed = false;
try {
  const live = new Set<string>();
  const rss: number[] = [];
  const gapMs = 60_000 / RATE;
  let ops = 0;
  let n = 0;
  for (let minute = 0; minute < MINUTES; minute++) {
    const end = performance.now() + 60_000;
    while (performance.now() < end) {
      const t0 = performance.now();
      // Keep about 50 soak Services alive: create until then, then delete as often as create.
      if (live.size < 50 || (live.size < 100 && ops % 2 === 0)) {
        const name = `soak-${n++}`;
        await createService(d, NS, name, LABELS);
        live.add(name);
      } else {
        const name = live.values().next().value!;
        await deleteService(d, NS, name);
        live.delete(name);
      }
      ops++;
      const left = gapMs - (performance.now() - t0);
      if (left > 0) await sleep(left);
    }
    rss.push(round1(groupRssMb(d.pgid)));
    note(
      `soak minute ${minute + 1}: ${ops} operations, ${live.size} soak Services live, RSS ${rss.at(-1)} MB`,
    );
  }
  await sleep(5_000); // let the feed and the controllers settle
  const [api, dash] = [await apiServices(d.api), await dashboardServices(d.url)];
  const differences = [...new Set([...api.keys(), ...dash.keys()])].filter(
    (k) => JSON.stringify(api.get(k)) !== JSON.stringify(dash.get(k)),
  );
  const base = rss[Math.min(1, rss.length - 1)]!;
  const growth = (rss.at(-1)! - base) / base;
  emit('soak.operations', ops, 'count');
  emit('soak.rss_first_mb', base, 'MB');
  emit('soak.rss_last_mb', rss.at(-1)!, 'MB');
  emit('soak.rss_growth_pct', round1(growth * 100), '%');
  emit('soak.state_differences', differences.length, 'count');
  if (differences.length > 0) note(`differences: ${differences.slice(0, 10).join(', ')}`);
  failed = differences.length > 0 || growth > 0.2 || !d.status().endsWith('running');
  note(
    failed ? `soak FAILED (${d.status()})` : 'soak passed: memory flat, the dashboard equals the API server',
  );
} finally {
  await d.stop();
}
process.exit(failed ? 1 : 0);
