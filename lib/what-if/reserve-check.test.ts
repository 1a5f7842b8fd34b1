import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClusterState } from '../cilium/cluster-state';
import { readReserveForm } from '../manifests/reserve/form';
import type { ReserveForm } from '../manifests/reserve/types';
import { LbIpamEngine } from '../ipam';
import { storeClusterState } from '../sim/cluster-state';
import { startEmbeddedCluster, type EmbeddedCluster } from '../sim/embedded';
import { checkReservation, NOT_PROBED } from './reserve-check';
import { lanBlocks, lanVerdictOf } from './reserve-answers';
import type { ArpVerdict } from '../inventory/arp/verdict';
import type { ProberStatus } from '../inventory/arp/evidence';

// The check on the demo home lab (../shared/seed/load-balancers.md) as the embedded cluster holds
// it after its LB-IPAM controller settled: the questions the seed page's "Pick an available IP" leaves
// to chance, answered by the engine before anything is applied.

let cluster: EmbeddedCluster;
let state: ClusterState;

beforeAll(async () => {
  cluster = await startEmbeddedCluster({ seed: 'demo', l2RetryPeriodMs: 0 });
  state = storeClusterState(cluster.store);
});
afterAll(() => cluster?.stop());

const check = (form: ReserveForm) => {
  const r = readReserveForm({
    target: 'service',
    pool: 'pool',
    name: 'my-app',
    namespace: 'media',
    ports: '8080/TCP',
    ...form,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return checkReservation(state, r.input, {}, new Date());
};

describe('the reserve check against the demo cluster', () => {
  it("the pool's next address is the engine's, and requesting it is satisfied", () => {
    const engine = new LbIpamEngine({}, () => new Date());
    engine.start(state.pools, state.services);
    const next = engine.nextAddress('pool');
    // .220–.222 and .226–.231 are held: the smallest free block is .223–.225.
    expect(next).toBe('192.168.0.223');
    const c = check({ ip: next! });
    expect(c).toMatchObject({
      verdict: 'satisfied',
      headline: 'Cilium would assign 192.168.0.223 — satisfied',
      ips: ['192.168.0.223'],
      reason: 'satisfied',
      holders: [],
      explanation: null,
      exists: false,
      lan: NOT_PROBED,
    });
    expect(c.yaml).toContain('lbipam.cilium.io/ips: "192.168.0.223"');
  });

  it('a taken address stays pending, already_allocated to the Gateway that holds it', () => {
    const c = check({ ip: '192.168.0.238' });
    expect(c.verdict).toBe('pending');
    expect(c.headline).toBe('would stay pending: already_allocated to networking/envoy-internal');
    expect(c.holders).toEqual(['networking/envoy-internal']);
    expect(c.explanation?.title).toBe('media/my-app is pending: 192.168.0.238 is already allocated');
    expect(c.explanation?.fix).toContain('192.168.0.223–225');
  });

  it("an address outside every pool: no_pool; one in the lab's pool: pool_selector_mismatch and its selector", () => {
    const out = check({ ip: '10.9.9.9' });
    expect(out).toMatchObject({ verdict: 'pending', reason: 'no_pool' });
    expect(out.notes).toContain("10.9.9.9 is not in pool 'pool'.");
    const lab = check({ ip: '192.168.10.7', pool: 'lab' });
    expect(lab).toMatchObject({ verdict: 'pending', reason: 'pool_selector_mismatch' });
    expect(`${lab.explanation?.cause} ${lab.explanation?.fix}`).toContain('io.kubernetes.service.namespace');
    // In the namespace the pool selects, the same address is given.
    expect(check({ ip: '192.168.10.7', pool: 'lab', namespace: 'lab' }).verdict).toBe('satisfied');
  });

  it('loadBalancerClass: unset and the L2 class are handled, the BGP class is handled but not announced by L2, another is ignored', () => {
    expect(check({ ip: '192.168.0.224' }).verdict).toBe('satisfied');
    expect(check({ ip: '192.168.0.224', lbClass: 'io.cilium/l2-announcer' }).verdict).toBe('satisfied');
    const bgp = check({ ip: '192.168.0.224', lbClass: 'io.cilium/bgp-control-plane' });
    expect(bgp.verdict).toBe('satisfied');
    expect(bgp.notes.join(' ')).toContain('L2 announcements skip it');
    const other = check({ ip: '192.168.0.224', lbClass: 'example.com/metallb' });
    expect(other).toMatchObject({ verdict: 'not-handled', reason: null, ips: [] });
    expect(other.headline).toBe(
      "LB-IPAM would not handle it: its loadBalancerClass 'example.com/metallb' belongs to another controller",
    );
  });

  it('sharing a held address: the same key and compatible ports share it; without a key it is already_allocated', () => {
    // The demo's shared address in the lab: two Services with one key. A third with that key,
    // in the lab namespace, on another port joins them.
    const shared = state.services.find((s) => s.metadata.annotations?.['lbipam.cilium.io/sharing-key']);
    expect(shared).toBeDefined();
    const ip = shared!.status!.loadBalancer!.ingress![0].ip!;
    const key = shared!.metadata.annotations!['lbipam.cilium.io/sharing-key'];
    const ns = shared!.metadata.namespace!;
    const pool = ip.startsWith('192.168.10.') ? 'lab' : 'pool';
    const joined = check({ ip, pool, namespace: ns, sharingKey: key, ports: 'extra=40123/TCP' });
    expect(joined.verdict).toBe('satisfied');
    expect(joined.headline).toMatch(/— satisfied \(shared with .+\)$/);
    const alone = check({ ip, pool, namespace: ns, ports: 'extra=40123/TCP' });
    expect(alone).toMatchObject({ verdict: 'pending', reason: 'already_allocated' });
    // Same key, but the same port and protocol as a holder: incompatible.
    const port = shared!.spec.ports![0];
    const clash = check({
      ip,
      pool,
      namespace: ns,
      sharingKey: key,
      ports: `${port.port}/${port.protocol ?? 'TCP'}`,
    });
    expect(clash).toMatchObject({ verdict: 'pending', reason: 'already_allocated_incompatible_service' });
  });

  it('a Gateway is checked as the Service Envoy Gateway would create; the placeholder as itself', () => {
    const gw = check({
      target: 'gateway',
      name: 'envoy-iot',
      namespace: 'networking',
      ports: 'https=443/HTTPS',
      ip: '192.168.0.232',
    });
    expect(gw).toMatchObject({ verdict: 'satisfied', subject: 'Gateway networking/envoy-iot' });
    expect(gw.yaml).toContain('infrastructure:');
    // Re-checking the live envoy-internal Gateway at its own address: it holds it, nobody else does.
    const same = check({
      target: 'gateway',
      name: 'envoy-internal',
      namespace: 'networking',
      ports: 'https=443/HTTPS',
      ip: '192.168.0.238',
    });
    expect(same).toMatchObject({ verdict: 'satisfied', holders: [], exists: true });
    expect(same.notes[0]).toMatch(
      /^networking\/envoy-networking-envoy-internal-[0-9a-f]{8} is already in the cluster\.$/,
    );
    const ph = check({ target: 'placeholder', ip: '192.168.0.233', purpose: 'Frigate' });
    expect(ph.verdict).toBe('satisfied');
    expect(ph.notes.join(' ')).toContain('holds the address until the workload arrives');
  });
});

describe('the LAN on the address (ARP verdicts)', () => {
  const verdict = (over: Partial<ArpVerdict>): ArpVerdict => ({
    ip: '192.168.0.235',
    verdict: 'foreign',
    detail: '',
    expectedNode: null,
    macs: [],
    at: 1,
    vantage: 'test',
    unicast: null,
    simulated: false,
    history: [],
    ...over,
  });
  const prober: ProberStatus = {
    name: 'p',
    kind: 'agent',
    node: null,
    state: 'ok',
    message: null,
    lastSweep: 1,
  };

  it('says not probed when nothing probes, and blocks nothing', () => {
    expect(lanVerdictOf(verdict({}), [])).toEqual(NOT_PROBED);
    expect(lanBlocks(NOT_PROBED, '192.168.0.235')).toBeNull();
  });

  it('blocks an address a device that is no node answers for, naming the device', () => {
    const lan = lanVerdictOf(
      verdict({
        macs: [
          { mac: '3c:2a:f4:5e:10:07', vendor: 'Brother Industries, LTD.', node: null, methods: ['arp'] },
        ],
      }),
      [prober],
    );
    expect(lan).toEqual({ state: 'foreign', mac: '3c:2a:f4:5e:10:07', vendor: 'Brother Industries, LTD.' });
    expect(lanBlocks(lan, '192.168.0.235')).toContain(
      '3c:2a:f4:5e:10:07 (Brother Industries, LTD.) answers ARP',
    );
  });

  it('reads a node answering, nobody answering and not reached yet, none of which blocks', () => {
    const node = lanVerdictOf(
      verdict({
        verdict: 'ok',
        macs: [{ mac: '02:00:00:00:00:01', vendor: null, node: 'pitower-1', methods: ['arp'] }],
      }),
      [prober],
    );
    expect(node).toEqual({ state: 'node', node: 'pitower-1', mac: '02:00:00:00:00:01' });
    expect(lanVerdictOf(verdict({ verdict: 'quiet', simulated: true }), [prober])).toEqual({
      state: 'silent',
      simulated: true,
    });
    expect(lanVerdictOf(undefined, [prober])).toMatchObject({ state: 'not-probed' });
    for (const l of [node, lanVerdictOf(undefined, [prober])]) expect(lanBlocks(l, 'x')).toBeNull();
  });
});
