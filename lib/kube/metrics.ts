import 'server-only';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import type { SourceStatus } from '../cilium/cluster-state';
import type { Inventory } from '../inventory/types';
import type { InventoryFeed } from './inventory-feed';

// /api/metrics: what the dashboard sees, for Prometheus. Metrics are data — a row per metric with
// the samples it reads from the current inventory (or the sources' states) — so adding one is
// adding a row. Values are read at scrape time from the feed's current inventory; nothing is kept
// between scrapes. Counts of IPv6 pools (decimal strings that can pass 2^53) become float64, as
// every Prometheus value is.

export interface Sample {
  labels: Record<string, string>;
  value: number;
}

export interface MetricInput {
  inventory: Inventory | null;
  sources: SourceStatus[];
  now: number;
}

export interface MetricDef {
  name: string;
  help: string;
  labels: readonly string[];
  samples: (m: MetricInput) => Sample[];
}

const SOURCE_STATES: SourceStatus['state'][] = [
  'starting',
  'live',
  'reconnecting',
  'stale',
  'forbidden',
  'missing',
];

/** Counts per key, as samples of one label. */
function countBy<T>(items: readonly T[], label: string, key: (t: T) => string | null): Sample[] {
  const counts = new Map<string, number>();
  for (const it of items) {
    const k = key(it);
    if (k !== null) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts].map(([k, value]) => ({ labels: { [label]: k }, value }));
}

export const METRICS: MetricDef[] = [
  {
    name: 'lbipam_inventory_ready',
    help: 'Whether the dashboard has an inventory of the cluster (every required source listed once).',
    labels: [],
    samples: (m) => [{ labels: {}, value: m.inventory ? 1 : 0 }],
  },
  {
    name: 'lbipam_source_state',
    help: 'The state of each source the dashboard watches (1 for its current state).',
    labels: ['source', 'state'],
    samples: (m) =>
      m.sources.flatMap((s) =>
        SOURCE_STATES.map((state) => ({
          labels: { source: s.source, state },
          value: s.state === state ? 1 : 0,
        })),
      ),
  },
  {
    name: 'lbipam_source_state_seconds',
    help: 'Seconds since each source entered its current state (how long stale or reconnecting).',
    labels: ['source'],
    samples: (m) =>
      m.sources.flatMap((s) => {
        const since = Date.parse(s.since);
        return Number.isFinite(since)
          ? [{ labels: { source: s.source }, value: Math.max(0, (m.now - since) / 1000) }]
          : [];
      }),
  },
  {
    name: 'lbipam_pool_addresses',
    help: 'Addresses of each pool: total, used (held by Services) and available.',
    labels: ['pool', 'state'],
    samples: (m) =>
      (m.inventory?.pools ?? []).flatMap((p) =>
        (['total', 'used', 'available'] as const).map((state) => ({
          labels: { pool: p.name, state },
          value: Number(p[state]),
        })),
      ),
  },
  {
    name: 'lbipam_pool_conflicting',
    help: 'Whether Cilium marked the pool conflicting (it then hands out nothing from it).',
    labels: ['pool'],
    samples: (m) =>
      (m.inventory?.pools ?? []).map((p) => ({ labels: { pool: p.name }, value: p.conflicting ? 1 : 0 })),
  },
  {
    name: 'lbipam_pool_disabled',
    help: 'Whether the pool is disabled (spec.disabled).',
    labels: ['pool'],
    samples: (m) =>
      (m.inventory?.pools ?? []).map((p) => ({ labels: { pool: p.name }, value: p.disabled ? 1 : 0 })),
  },
  {
    name: 'lbipam_services_pending',
    help: "LoadBalancer Services LB-IPAM left without an address, by Cilium's reason.",
    labels: ['reason'],
    samples: (m) =>
      countBy(m.inventory?.services ?? [], 'reason', (s) =>
        s.satisfied === false ? (s.reason ?? 'unknown') : null,
      ),
  },
  {
    name: 'lbipam_services',
    help: 'LoadBalancer Services by LB-IPAM state: satisfied, pending, or not handled by LB-IPAM.',
    labels: ['state'],
    samples: (m) =>
      countBy(m.inventory?.services ?? [], 'state', (s) =>
        s.satisfied === true ? 'satisfied' : s.satisfied === false ? 'pending' : 'unhandled',
      ),
  },
  {
    name: 'lbipam_l2_announcements',
    help: 'L2 announcement leases by state: held (renewed in time), expired (stale), unheld.',
    labels: ['state'],
    samples: (m) => countBy(m.inventory?.announcers ?? [], 'state', (a) => a.state),
  },
  {
    name: 'lbipam_l2_announcements_by_node',
    help: 'Addresses each node announces (holds the L2 lease of).',
    labels: ['node'],
    samples: (m) =>
      countBy(m.inventory?.announcers ?? [], 'node', (a) => (a.state === 'held' ? a.holder : null)),
  },
  {
    name: 'lbipam_arp_verdicts',
    help: 'Addresses by ARP/NDP verdict (ok, silent, wrong-node, several-macs, foreign, …) from the probers.',
    labels: ['verdict'],
    samples: (m) => countBy(m.inventory?.arp ?? [], 'verdict', (v) => v.verdict),
  },
  {
    name: 'lbipam_alerts',
    help: 'Alerts the dashboard raises, by severity and rule (a group counts its members).',
    labels: ['severity', 'rule'],
    samples: (m) => {
      const counts = new Map<string, Sample>();
      for (const g of m.inventory?.alerts ?? []) {
        const k = `${g.severity}\u0000${g.rule}`;
        const s = counts.get(k) ?? { labels: { severity: g.severity, rule: g.rule }, value: 0 };
        s.value += g.count;
        counts.set(k, s);
      }
      return [...counts.values()];
    },
  },
];

/** One registry per process: the rows above as gauges read at scrape time, and Node's own metrics. */
export function metricsRegistry(feed: Pick<InventoryFeed, 'current' | 'source'>, defs = METRICS): Registry {
  const registry = new Registry();
  for (const def of defs) {
    new Gauge({
      name: def.name,
      help: def.help,
      labelNames: [...def.labels],
      registers: [registry],
      collect() {
        this.reset();
        const input: MetricInput = {
          inventory: feed.current(),
          sources: feed.source.statuses(),
          now: Date.now(),
        };
        for (const s of def.samples(input)) this.set(s.labels, s.value);
      },
    });
  }
  collectDefaultMetrics({ register: registry, prefix: 'lbipam_' });
  return registry;
}
