import type { ClusterState } from '../cilium/cluster-state';
import { LbIpamEngine, type Diagnosis, type EngineOptions } from '../ipam';

// The engine explains what the cluster's own statuses cannot: why a Service with an unfamiliar
// or missing reason waits, and what Cilium will do with a Service it has not processed yet. It
// never overwrites what Cilium wrote. Built lazily: most inventories never need it, and loading
// 10,000 Services into an engine on every build would cost more than the build itself.

export type DiagnoseFn = (namespace: string, name: string) => Diagnosis | undefined;

export function lazyEngineDiagnose(
  state: ClusterState,
  options: Partial<EngineOptions>,
  now: number,
): DiagnoseFn {
  let engine: LbIpamEngine | null = null;
  return (namespace, name) => {
    try {
      if (!engine) {
        engine = new LbIpamEngine(options, () => new Date(now));
        engine.start(
          Array.isArray(state.pools) ? state.pools : [],
          Array.isArray(state.services) ? state.services : [],
        );
      }
      return engine.diagnose(namespace, name);
    } catch {
      // An explanation is a bonus; malformed input must not take the inventory down with it.
      return undefined;
    }
  };
}
