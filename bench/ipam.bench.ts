// ipam.allocate_10k_ms, ipam.event_ms, ipam.heap_mb: 10,000 generic Services across 50 pools
// (IPv4 /16s, IPv6 /64s, start/stop ranges) from scratch, then single Service events.
import type { CiliumLoadBalancerIPPool, Service } from '../lib/cilium/objects';
import { LbIpamEngine } from '../lib/ipam';

function pools(): CiliumLoadBalancerIPPool[] {
  const out: CiliumLoadBalancerIPPool[] = [];
  for (let i = 0; i < 50; i++) {
    const block = i % 3 === 0 ? { cidr: `10.${i}.0.0/16` } : i % 3 === 1 ? { cidr: `2001:db8:${i.toString(16)}::/64` } : { start: `172.16.${i}.1`, stop: `172.16.${i}.250` };
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
    spec: { type: 'LoadBalancer', ports: [{ port: 80, protocol: 'TCP' }], ipFamilyPolicy: team % 3 === 1 ? 'SingleStack' : undefined, ipFamilies: team % 3 === 1 ? ['IPv6'] : undefined },
  };
}

export async function run(): Promise<{ name: string; value: number; unit: string }[]> {
  const now = () => new Date('2026-01-01T00:00:00Z');
  (globalThis as { gc?: () => void }).gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const engine = new LbIpamEngine({}, now);
  for (const p of pools()) engine.apply({ op: 'upsert', object: p });
  for (let i = 0; i < 10_000; i++) engine.apply({ op: 'upsert', object: service(i) });
  const allocateMs = performance.now() - t0;
  const pending = engine.serviceKeys().filter((k) => engine.diagnose(...(k.split('/') as [string, string])).state !== 'satisfied');
  if (pending.length > 0) throw new Error(`${pending.length} services unexpectedly pending`);
  (globalThis as { gc?: () => void }).gc?.();
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
  const times: number[] = [];
  for (let i = 10_000; i < 10_200; i++) {
    const t = performance.now();
    engine.apply({ op: 'upsert', object: service(i) });
    times.push(performance.now() - t);
    const d = performance.now();
    engine.apply({ op: 'delete', object: service(i) });
    times.push(performance.now() - d);
  }
  times.sort((a, b) => a - b);
  return [
    { name: 'ipam.allocate_10k_ms', value: Math.round(allocateMs * 10) / 10, unit: 'ms' },
    { name: 'ipam.event_ms', value: Math.round(times[Math.floor(times.length / 2)] * 1000) / 1000, unit: 'ms' },
    { name: 'ipam.heap_mb', value: Math.round(heapMb * 10) / 10, unit: 'MB' },
  ];
}
