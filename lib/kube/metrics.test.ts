import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getMetrics } from '../../app/api/metrics/route';
import { startEmbeddedCluster, type EmbeddedCluster } from '../sim/embedded';
import { getKubeRuntime, resetKubeRuntime } from './runtime';

// /api/metrics over the running embedded demo, read as Prometheus would read it.

let cluster: EmbeddedCluster;
const saved = { ...process.env };
beforeAll(async () => {
  cluster = await startEmbeddedCluster({ seed: 'demo', l2RetryPeriodMs: 0 });
  process.env.LBIPAM_KUBECONFIG = cluster.kubeconfigPath;
  process.env.LBIPAM_ORIGIN = 'embedded';
  process.env.LBIPAM_IDLE_GC = '0';
});
afterAll(async () => {
  await resetKubeRuntime();
  process.env = { ...saved };
  await cluster.stop();
});

/** `name{labels} value` lines into a lookup by name and label text. */
function parse(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const m = /^([a-z_:][a-z0-9_:]*)(\{[^}]*\})? (\S+)$/i.exec(line);
    if (!m) throw new Error(`not a Prometheus sample line: ${line}`);
    out.set(`${m[1]}${m[2] ?? ''}`, Number(m[3]));
  }
  return out;
}

describe('/api/metrics', () => {
  it('says what the dashboard sees of the demo: pools, the pending Service, sources, announcements', async () => {
    const rt = getKubeRuntime();
    if (!rt.ok) throw new Error(rt.error);
    expect(await rt.feed.ready(15_000)).not.toBeNull();
    const res = await getMetrics();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const m = parse(await res.text());
    const inv = rt.feed.current();
    const pool = inv?.pools.find((p) => p.name === 'pool');
    expect(m.get('lbipam_inventory_ready')).toBe(1);
    expect(m.get('lbipam_pool_addresses{pool="pool",state="total"}')).toBe(Number(pool?.total));
    expect(m.get('lbipam_pool_addresses{pool="pool",state="used"}')).toBe(Number(pool?.used));
    expect(m.get('lbipam_pool_conflicting{pool="lab"}')).toBe(0);
    // Plex asks for an address another Service holds (the seed page's own pending row).
    expect(m.get('lbipam_services_pending{reason="already_allocated"}')).toBeGreaterThanOrEqual(1);
    expect(m.get('lbipam_source_state{source="services",state="live"}')).toBe(1);
    expect(m.get('lbipam_source_state{source="services",state="stale"}')).toBe(0);
    const held = inv?.announcers.filter((a) => a.state === 'held').length ?? 0;
    expect(held).toBeGreaterThan(0);
    expect(m.get('lbipam_l2_announcements{state="held"}')).toBe(held);
    // The demo's simulated L2 segment: Jellyfin's address is announced but silent.
    expect(m.get('lbipam_arp_verdicts{verdict="silent"}')).toBeGreaterThanOrEqual(1);
    expect([...m.keys()].some((k) => k.startsWith('lbipam_process_resident_memory_bytes'))).toBe(true);
    const errors = inv?.alerts.filter((g) => g.severity === 'error').reduce((n, g) => n + g.count, 0) ?? 0;
    const said = [...m]
      .filter(([k]) => k.startsWith('lbipam_alerts{severity="error"'))
      .reduce((n, [, v]) => n + v, 0);
    expect(said).toBe(errors);
  });
});
