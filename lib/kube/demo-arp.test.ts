import { afterEach, describe, expect, it } from 'vitest';
import type { Inventory } from '../inventory/types';
import { createProbeHub, type ProbeHub } from '../probe/hub';
import { startEmbeddedCluster, type EmbeddedCluster } from '../sim/embedded';
import { DEMO_SEGMENT } from '../sim/l2-segment';
import { buildWithProbes } from './build';
import { ClusterWatch } from './cluster-watch';
import { loadKubeConfig } from './config';
import { InventoryFeed } from './inventory-feed';
import { withEvidence } from './evidence-source';

// The demo's simulated L2 segment through the data path (the feed, the hub, the inventory), as the
// dashboard process wires it in runtime.ts: every verdict visible, labelled simulated, and the
// real prober refused on demo addresses.

let cluster: EmbeddedCluster | undefined;
let feed: InventoryFeed | undefined;
let hub: ProbeHub | undefined;
afterEach(async () => {
  hub?.stop();
  await feed?.stop();
  await cluster?.stop();
  feed = cluster = hub = undefined;
});

async function until(what: string, ok: (inv: Inventory) => boolean): Promise<Inventory> {
  for (let t0 = Date.now(); Date.now() - t0 < 10_000; await new Promise((r) => setTimeout(r, 50))) {
    const inv = feed?.current();
    if (inv && ok(inv)) return inv;
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('the demo ARP segment', () => {
  it('shows ok, silent and foreign verdicts, simulated, with alerts; probe now adds a probe, pool addresses only, rate-limited', async () => {
    cluster = await startEmbeddedCluster({ seed: 'demo' });
    const loaded = loadKubeConfig({ LBIPAM_KUBECONFIG: cluster.kubeconfigPath, LBIPAM_ORIGIN: 'embedded' });
    const probes = (hub = createProbeHub({
      origin: 'embedded',
      seed: 'demo',
      env: { LBIPAM_PROBE: '1' },
    }));
    const watch = new ClusterWatch(loaded.kc, loaded.info);
    feed = new InventoryFeed(withEvidence(watch, probes), (input) => buildWithProbes(input, probes));
    feed.start();
    const inv = await until(
      'ARP verdicts',
      (i) => i.arp.length > 0 && i.arp.some((v) => v.verdict === 'foreign'),
    );
    const by = new Map(inv.arp.map((v) => [v.ip, v]));
    expect(by.get(DEMO_SEGMENT.silent)).toMatchObject({ verdict: 'silent', simulated: true });
    expect(by.get(DEMO_SEGMENT.printer.ip)).toMatchObject({
      verdict: 'foreign',
      macs: [{ mac: DEMO_SEGMENT.printer.mac, vendor: 'Brother Industries, LTD.', node: null }],
    });
    expect(by.get('192.168.0.227')).toMatchObject({ verdict: 'ok', simulated: true });
    expect(by.get('192.168.0.224')).toMatchObject({ verdict: 'quiet' });
    // The lab's split shared IP: both nodes holding one of its leases answer, as on a real segment.
    expect(by.get('192.168.10.2')).toMatchObject({ verdict: 'several-macs', simulated: true });
    expect(inv.probers).toEqual([expect.objectContaining({ kind: 'simulated', state: 'ok' })]);
    const alerts = inv.alerts.filter((a) => a.rule === 'arp').map((a) => a.title);
    expect(alerts).toEqual(
      expect.arrayContaining([
        `Nobody answers ARP for ${DEMO_SEGMENT.silent} (simulated)`,
        `A device that is no node answers ${DEMO_SEGMENT.printer.ip} (simulated)`,
      ]),
    );
    // Probe now on the simulated segment: a new probe of the address, in its history, marked simulated.
    const rec = await probes.probeNow(DEMO_SEGMENT.printer.ip);
    expect(rec.answers.map((a) => a.mac)).toEqual([DEMO_SEGMENT.printer.mac]);
    const after = await until('the probe in the history', (i) =>
      i.arp.some((v) => v.ip === DEMO_SEGMENT.printer.ip && v.history.length === 2),
    );
    expect(after.arp.find((v) => v.ip === DEMO_SEGMENT.printer.ip)).toMatchObject({
      verdict: 'foreign',
      simulated: true,
      at: rec.at,
    });
    await expect(probes.probeNow(DEMO_SEGMENT.printer.ip)).rejects.toThrow(/was probed 0 s ago; wait 5 s/);
    const nodeIp = inv.nodes[0]!.addresses.find((a) => a.type === 'InternalIP')!.address;
    await expect(probes.probeNow(nodeIp)).rejects.toThrow(
      /node address: probe now is for pool addresses only/,
    );
    await expect(probes.probeNow('10.9.9.9')).rejects.toMatchObject({ status: 403 });
  });
});
