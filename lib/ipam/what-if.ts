// The outcome of proposed events, computed on a copy of the engine.
import type { CiliumLoadBalancerIPPool, Service } from '../cilium/objects';
import type { LbIpamEngine } from './engine';
import { stableJson } from './pools';
import type { EngineEvent, WhatIfOutcome } from './types';

export function whatIfOutcome(
  before: LbIpamEngine,
  after: LbIpamEngine,
  events: EngineEvent[],
): WhatIfOutcome {
  const svcKeys = new Set([...before.serviceKeys(), ...after.serviceKeys()]);
  const poolNames = new Set([...before.poolNames(), ...after.poolNames()]);
  const touched = new Set(
    events.map((e) =>
      e.object.kind === 'CiliumLoadBalancerIPPool'
        ? `pool/${(e.object as CiliumLoadBalancerIPPool).metadata.name}`
        : `service/${(e.object as Service).metadata.namespace ?? 'default'}/${e.object.metadata.name}`,
    ),
  );
  const out: WhatIfOutcome = { services: [], pools: [], changed: [] };
  for (const key of svcKeys) {
    const [namespace, name] = key.split('/') as [string, string];
    const b = before.serviceStatus(namespace, name);
    const a = after.serviceStatus(namespace, name);
    const changed = stableJson(b) !== stableJson(a);
    if (changed) out.changed.push(`service/${key}`);
    if (changed || touched.has(`service/${key}`)) out.services.push({ namespace, name, before: b, after: a });
  }
  for (const name of poolNames) {
    const b = before.poolStatus(name);
    const a = after.poolStatus(name);
    const changed = stableJson(b) !== stableJson(a);
    if (changed) out.changed.push(`pool/${name}`);
    if (changed || touched.has(`pool/${name}`)) out.pools.push({ name, before: b, after: a });
  }
  return out;
}
