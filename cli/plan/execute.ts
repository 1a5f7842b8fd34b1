// Replays the loaded plan steps on a fresh engine: upserts, deletes and operator restarts.
import type { CiliumLoadBalancerIPPool, Service } from '../../lib/cilium/objects';
import { LbIpamEngine, type EngineOptions } from '../../lib/ipam';
import type { LoadedInput } from '../../lib/manifests/load';

const svcKey = (s: Service): string => `${s.metadata.namespace ?? 'default'}/${s.metadata.name}`;
const byKey =
  <T>(key: (o: T) => string) =>
  (a: T, b: T): number =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

/** Runs every step in order and returns the engine holding the final statuses. */
export function executePlan(input: LoadedInput, options: EngineOptions, now: () => Date): LbIpamEngine {
  const engine = new LbIpamEngine(options, now);
  // The cluster as the API server holds it between steps (what an operator restart lists).
  const pools = new Map<string, CiliumLoadBalancerIPPool>();
  const services = new Map<string, Service>();
  for (const step of input.events) {
    if (step.op === 'restart') {
      restart(engine, pools, services);
      continue;
    }
    const obj = step.object;
    if (obj.kind === 'CiliumLoadBalancerIPPool') {
      if (step.op === 'upsert') pools.set(obj.metadata.name, obj as CiliumLoadBalancerIPPool);
      else pools.delete(obj.metadata.name);
    } else {
      if (step.op === 'upsert') services.set(svcKey(obj as Service), obj as Service);
      else services.delete(svcKey(obj as Service));
    }
    engine.apply(step);
  }
  return engine;
}

/**
 * An operator restart (C.1): the new operator lists pools and Services (API-server list order,
 * i.e. by name) with the statuses the old one wrote, imports the ingress IPs and goes on.
 */
function restart(
  engine: LbIpamEngine,
  pools: Map<string, CiliumLoadBalancerIPPool>,
  services: Map<string, Service>,
): void {
  const listedPools = [...pools.values()]
    .map((p) => ({ ...p, status: engine.poolStatus(p.metadata.name) ?? p.status }))
    .sort(byKey((p) => p.metadata.name));
  const listedServices = [...services.values()]
    .map((s) => ({
      ...s,
      status: engine.serviceStatus(s.metadata.namespace ?? 'default', s.metadata.name) ?? s.status,
    }))
    .sort(byKey(svcKey));
  engine.start(listedPools, listedServices);
}
