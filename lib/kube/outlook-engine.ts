import 'server-only';
import type { ClusterState } from '../cilium/cluster-state';
import { DEFAULT_ENGINE_OPTIONS } from '../inventory/build';
import { LbIpamEngine } from '../ipam';

// The engine behind a free address's outlook: the operator rebuilt from the live statuses, as a
// restarted operator imports them (lib/what-if does the same), kept for one inventory version. At
// 10,000 Services a rebuild costs a few hundred milliseconds, so a page refetching its outlook
// reuses it; it is dropped after a quiet minute so an idle dashboard does not carry it.

const KEEP_MS = 60_000;

let kept: { version: number; engine: LbIpamEngine; timer: ReturnType<typeof setTimeout> } | null = null;

export function outlookEngine(version: number, state: ClusterState, now: Date): LbIpamEngine {
  if (kept?.version === version) {
    kept.timer.refresh();
    return kept.engine;
  }
  if (kept) clearTimeout(kept.timer);
  const engine = new LbIpamEngine(DEFAULT_ENGINE_OPTIONS, () => now);
  engine.start(state.pools, state.services);
  const timer = setTimeout(() => {
    kept = null;
  }, KEEP_MS);
  timer.unref?.();
  kept = { version, engine, timer };
  return engine;
}
