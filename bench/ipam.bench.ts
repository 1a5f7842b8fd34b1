// ipam.allocate_10k_ms, ipam.event_ms, ipam.heap_mb: 10,000 generic Services across 50 pools
// (IPv4 /16s, IPv6 /64s, start/stop ranges) allocated from scratch, then single Service events.
//
// What is timed is what the engine does when its informers deliver 10,000 Service upserts after
// the pools exist: the pool upserts and the building of the objects (the informer's job) happen
// before the clock starts. Every iteration builds fresh objects, a fresh engine and new IPv6
// blocks, so nothing an iteration learned (object identity, allocator state, cached address
// texts) carries over. The first iterations warm the JIT; the figure is the median of the
// measured ones (ipam.allocate_10k_cold_ms is the very first run, JIT warm-up included).
// ipam.heap_mb is what the engine retains after a real collection (the objects it was given,
// which the informer holds anyway, are not counted). ipam.event_pending_ms: one more Service
// event while 1,000 Services wait on full pools (each event retries every one of them).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { CiliumLoadBalancerIPPool, Service } from '../lib/cilium/objects';
import { LbIpamEngine } from '../lib/ipam';

const SERVICES = 10_000;
const WARMUP = 2;
const MEASURED = 5;

/** `iter` moves the IPv6 blocks, so the address-text cache of lib/net never holds an iteration's IPv6 addresses before it starts. */
function pools(iter: number): CiliumLoadBalancerIPPool[] {
  const out: CiliumLoadBalancerIPPool[] = [];
  const v6 = `fd${iter.toString(16).padStart(2, '0')}`;
  for (let i = 0; i < 50; i++) {
    const block =
      i % 3 === 0
        ? { cidr: `10.${i}.0.0/16` }
        : i % 3 === 1
          ? { cidr: `${v6}:${i.toString(16)}::/64` }
          : { start: `172.16.${i}.1`, stop: `172.16.${i}.250` };
    out.push({
      apiVersion: 'cilium.io/v2',
      kind: 'CiliumLoadBalancerIPPool',
      metadata: { name: `pool-${i}`, generation: 1, creationTimestamp: '2026-01-01T00:00:00Z' },
      // Each pool serves one team label, so Services spread over all 50 pools.
      spec: { blocks: [block], serviceSelector: { matchLabels: { team: `t${i}` } } },
    });
  }
  return out;
}

function service(i: number): Service {
  const team = i % 50;
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: `svc-${i}`, namespace: `ns-${i % 20}`, generation: 1, labels: { team: `t${team}` } },
    spec: {
      type: 'LoadBalancer',
      ports: [{ port: 80, protocol: 'TCP' }],
      ipFamilyPolicy: team % 3 === 1 ? 'SingleStack' : undefined,
      ipFamilies: team % 3 === 1 ? ['IPv6'] : undefined,
    },
  };
}

/** A real collection, so heap figures are what the engine retains, not garbage awaiting GC. */
function collector(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** Every Service got one address and the satisfied condition (checked outside the timing). */
function assertAllSatisfied(engine: LbIpamEngine, services: Service[]): void {
  const seen = new Set<string>();
  for (const s of services) {
    const st = engine.serviceStatus(s.metadata.namespace ?? 'default', s.metadata.name);
    const ip = st?.loadBalancer?.ingress?.[0]?.ip;
    const ok = st?.conditions?.some(
      (c) => c.type === 'cilium.io/IPAMRequestSatisfied' && c.status === 'True',
    );
    if (!ip || !ok || seen.has(ip))
      throw new Error(`${s.metadata.namespace}/${s.metadata.name} was not given a unique address`);
    seen.add(ip);
  }
}

interface Iteration {
  ms: number;
  heapMb: number;
  engine: LbIpamEngine;
}

function iteration(iter: number, gc: () => void, now: () => Date): Iteration {
  const poolObjects = pools(iter);
  const services = Array.from({ length: SERVICES }, (_, i) => service(i));
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const engine = new LbIpamEngine({}, now);
  for (const p of poolObjects) engine.apply({ op: 'upsert', object: p });
  const t0 = performance.now();
  for (const s of services) engine.apply({ op: 'upsert', object: s });
  const ms = performance.now() - t0;
  gc();
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
  assertAllSatisfied(engine, services);
  return { ms, heapMb, engine };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 === 1 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Single-event times while 1,000 Services wait on full pools: every event retries all of them (as Cilium does). */
function pendingEventTimes(now: () => Date): number[] {
  const engine = new LbIpamEngine({}, now);
  for (let i = 0; i < 50; i++) {
    engine.apply({
      op: 'upsert',
      object: {
        apiVersion: 'cilium.io/v2',
        kind: 'CiliumLoadBalancerIPPool',
        metadata: { name: `full-${i}`, generation: 1 },
        spec: {
          blocks: [{ start: `172.17.${i}.1`, stop: `172.17.${i}.100` }],
          serviceSelector: { matchLabels: { team: `t${i}` } },
        },
      },
    });
  }
  const v4 = (i: number): Service => {
    const s = service(i);
    return { ...s, spec: { type: 'LoadBalancer', ports: [{ port: 80, protocol: 'TCP' }] } };
  };
  for (let i = 0; i < 6_000; i++) engine.apply({ op: 'upsert', object: v4(i) });
  const pending = engine.diagnose('ns-0', 'svc-5980').state;
  if (pending !== 'pending') throw new Error(`expected svc-5980 to be pending, it is ${pending}`);
  const times: number[] = [];
  for (let i = 6_000; i < 6_100; i++) {
    const t = performance.now();
    engine.apply({ op: 'upsert', object: v4(i) });
    times.push(performance.now() - t);
    const d = performance.now();
    engine.apply({ op: 'delete', object: v4(i) });
    times.push(performance.now() - d);
  }
  return times;
}

export async function run(): Promise<{ name: string; value: number; unit: string }[]> {
  const now = () => new Date('2026-01-01T00:00:00Z');
  const gc = collector();
  // Only figures are kept between iterations; the last engine serves the single-event figure.
  const runs: Omit<Iteration, 'engine'>[] = [];
  let engine: LbIpamEngine | undefined;
  for (let i = 0; i < WARMUP + MEASURED; i++) {
    engine = undefined;
    const it = iteration(i, gc, now);
    runs.push({ ms: it.ms, heapMb: it.heapMb });
    engine = it.engine;
  }
  if (!engine) throw new Error('no iteration ran');
  const measured = runs.slice(WARMUP);
  const times: number[] = [];
  for (let i = SERVICES; i < SERVICES + 200; i++) {
    const up = service(i);
    const del = service(i);
    const t = performance.now();
    engine.apply({ op: 'upsert', object: up });
    times.push(performance.now() - t);
    const d = performance.now();
    engine.apply({ op: 'delete', object: del });
    times.push(performance.now() - d);
  }
  const round = (x: number, digits: number): number => Math.round(x * 10 ** digits) / 10 ** digits;
  return [
    { name: 'ipam.allocate_10k_ms', value: round(median(measured.map((r) => r.ms)), 1), unit: 'ms' },
    { name: 'ipam.allocate_10k_cold_ms', value: round(runs[0].ms, 1), unit: 'ms' },
    { name: 'ipam.event_ms', value: round(median(times), 3), unit: 'ms' },
    { name: 'ipam.heap_mb', value: round(median(measured.map((r) => r.heapMb)), 1), unit: 'MB' },
    { name: 'ipam.event_pending_ms', value: round(median(pendingEventTimes(now)), 3), unit: 'ms' },
  ];
}
