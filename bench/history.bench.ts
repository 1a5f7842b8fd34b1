// history.record_10k_ms: a pool edit that moves 10,000 addresses (each of 50 pools' 200 Services
// takes its neighbour's address, and each pool's block is widened), recorded: observe the new
// inventory, detect the changes against the last recorded state (10,050: every address moved,
// carrying its new holder and announcing node, and the 50 pool edits) and store them with the
// state in one transaction. Median of 5,
// alternating between the two inventories. history.query_ip_ms: one address's history (the IP
// page's first page, 50 newest changes) with 1,000,000 changes stored over 10,000 addresses;
// median of 200 lookups of random addresses. Both on PGlite (in memory, the embedded default) and
// on a real PostgreSQL started for the bench (`_postgres`), as the issue asks for both.
import { cpus } from 'node:os';
import { buildInventory, type InventoryConfig } from '../lib/inventory/build';
import type { Inventory } from '../lib/inventory/types';
import { allowServerModules } from '../cli/server-modules';
import { scaleState } from './inventory.bench';
import { Figures, note } from './support/harness';

allowServerModules();

const NOW = Date.parse('2026-01-10T12:00:00Z');
const config = (version: number): InventoryConfig => ({
  cluster: { name: 'bench', origin: 'embedded', server: 'https://127.0.0.1:1', readOnly: true },
  sources: [],
  version,
  now: NOW,
});

function median(samples: number[]): number {
  const s = [...samples].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return Math.round((s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2) * 100) / 100;
}

/** The scale state, and the same cluster after a pool edit that gave every Service its neighbour's address. */
function twoInventories(): [Inventory, Inventory] {
  const before = scaleState();
  const after = scaleState();
  after.pools = after.pools.map((p, i) => ({
    ...p,
    spec: { blocks: [{ start: `10.${i}.0.0`, stop: `10.${i}.1.255` }] },
  }));
  after.services = after.services.map((s) => {
    const ip = s.status?.loadBalancer?.ingress?.[0]?.ip;
    if (!ip) return s;
    const [a, b, c, d] = ip.split('.').map(Number);
    const moved = `${a}.${b}.${c}.${(d % 200) + 1}`;
    return {
      ...s,
      metadata: { ...s.metadata, annotations: { ...s.metadata.annotations, 'lbipam.cilium.io/ips': moved } },
      status: { ...s.status, loadBalancer: { ingress: [{ ip: moved }] } },
    };
  });
  return [buildInventory(before, null, config(1)), buildInventory(after, null, config(2))];
}

async function measure(
  name: string,
  open: () => Promise<import('../lib/history/db').SqlDb>,
  figures: Figures,
) {
  const { HistoryStore } = await import('../lib/history/store');
  const { observe } = await import('../lib/history/observed');
  const { detectChanges } = await import('../lib/history/detect');
  const suffix = name === 'PGlite' ? '' : '_postgres';
  const db = await open();
  try {
    const store = await HistoryStore.open(db);
    await figures.measure(`history.record_10k_ms${suffix}`, async () => {
      const [a, b] = twoInventories();
      let last = observe(a);
      await store.record('bench', [], last, a.generatedAt);
      const samples: number[] = [];
      let count = 0;
      for (let i = 0; i < 6; i++) {
        const inv = i % 2 === 0 ? b : a;
        const t = performance.now();
        const next = observe(inv);
        const changes = detectChanges(last, next, {
          at: new Date(NOW + i * 1000).toISOString(),
          cluster: 'bench',
        });
        await store.record('bench', changes, next, inv.generatedAt);
        if (i > 0) samples.push(performance.now() - t); // the first warms the JIT and the database
        last = next;
        count = changes.length;
      }
      const moved = (await store.query({ cluster: 'bench', kinds: ['address.moved'], limit: 1 })).changes
        .length;
      if (count !== 10_050 || moved === 0)
        throw new Error(`expected 10,050 changes with moves, got ${count}`);
      note(`${name}: ${count.toLocaleString('en-US')} changes per pool edit`);
      figures.add(`history.record_10k_ms${suffix}`, median(samples), 'ms');
    });
    await figures.measure(`history.query_ip_ms${suffix}`, async () => {
      // 1,000,000 changes over 10,000 addresses (100 each) in the last 90 days, written by SQL.
      // In steps of 100,000: one statement stays well inside the query timeout.
      for (let from = 1; from <= 1_000_000; from += 100_000) {
        await db.query(
          `with g as (select g, '10.' || (g % 10000 / 200) || '.0.' || (g % 200 + 1) as ip, 'pool-' || (g % 10000 / 200) as pool,
                             jsonb_build_object('pool', 'pool-' || (g % 10000 / 200), 'holders',
                               jsonb_build_array('team-' || (g % 20) || '/svc-' || g), 'node', 'node-' || (g % 3 + 1))::text as held
                      from generate_series($1::int, $1::int + 99999) g)
           insert into history_changes (at, cluster, kind, subject, ip, pool, namespace, before, after, unwatched)
           select to_timestamp(1767000000 + g * 7), 'big',
                  case when g % 2 = 0 then 'address.allocated' else 'address.released' end,
                  ip, ip, pool, 'team-' || (g % 20),
                  case when g % 2 = 0 then null else held end, case when g % 2 = 0 then held else null end, false
           from g`,
          [from],
        );
      }
      await db.query('analyze history_changes');
      const total = await store.count('big');
      if (total !== 1_000_000) throw new Error(`expected 1,000,000 changes, found ${total}`);
      const ip = (k: number) => `10.${Math.floor((k % 10_000) / 200)}.0.${(k % 200) + 1}`;
      for (let i = 0; i < 20; i++) await store.query({ cluster: 'big', ip: ip(i * 37), limit: 50 });
      const samples: number[] = [];
      for (let i = 0; i < 200; i++) {
        const k = Math.floor(Math.random() * 10_000);
        const t = performance.now();
        const page = await store.query({ cluster: 'big', ip: ip(k), limit: 50 });
        samples.push(performance.now() - t);
        if (page.changes.length !== 50 || page.next === null)
          throw new Error(`expected a full page for ${ip(k)}`);
      }
      figures.add(`history.query_ip_ms${suffix}`, median(samples), 'ms');
    });
  } finally {
    await db.close();
  }
}

export async function run() {
  const figures = new Figures();
  note(`history bench on ${cpus().length} cores`);
  const { openPglite } = await import('../lib/history/db');
  await measure('PGlite', () => openPglite(null), figures);
  const { startPostgres, postgresSkipReason } = await import('../lib/history/testing/postgres');
  const why = postgresSkipReason();
  if (why) {
    figures.fail(['history.record_10k_ms_postgres', 'history.query_ip_ms_postgres'], new Error(why));
  } else {
    const pg = await startPostgres();
    try {
      const { openPostgres } = await import('../lib/history/db');
      await measure('PostgreSQL', () => openPostgres(pg.url), figures);
    } finally {
      await pg.stop();
    }
  }
  return figures.finish();
}
