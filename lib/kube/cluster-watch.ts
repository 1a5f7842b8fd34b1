import 'server-only';
import type { KubeConfig } from '@kubernetes/client-node';
import {
  emptyClusterState,
  type ClusterInfo,
  type ClusterState,
  type SourceStatus,
} from '../cilium/cluster-state';
import { sourceDefs, sourceKeys, type SourceKey } from './sources';
import { defaultTiming, type SupervisorTiming } from './backoff';
import { SupervisedSource } from './supervisor';

// All sources of one cluster behind one object: the trimmed ClusterState, every source's status, and
// a change signal. The inventory feed is its only consumer; requests never touch informers directly.

export interface ClusterWatchOptions {
  timing?: Partial<SupervisorTiming>;
  now?: () => number;
  /** Only these sources (tests); default all. */
  only?: SourceKey[];
}

type AnySource = { [K in SourceKey]: SupervisedSource<K> }[SourceKey];

export class ClusterWatch {
  private readonly sources: AnySource[];
  private readonly listeners = new Set<() => void>();
  private started = false;

  constructor(
    readonly kc: KubeConfig,
    readonly info: ClusterInfo,
    opts: ClusterWatchOptions = {},
  ) {
    const timing = { ...defaultTiming, ...opts.timing };
    const hooks = {
      now: opts.now ?? Date.now,
      onChange: () => this.emit(),
      // One source got through: the server is back, so the others retry now, not after their backoff.
      onRecovered: (key: SourceKey) => {
        for (const s of this.sources) if (s.def.key !== key) s.retryNow();
      },
    };
    const keys = opts.only ?? sourceKeys;
    this.sources = keys.map(
      (k) => new SupervisedSource(sourceDefs[k] as never, kc, hooks, timing) as AnySource,
    );
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    for (const s of this.sources) s.start();
  }

  async stop(): Promise<void> {
    this.started = false;
    await Promise.all(this.sources.map((s) => s.stop()));
  }

  /** A fresh, sorted snapshot: callers may keep it; later changes do not mutate it. */
  state(): ClusterState {
    const out = emptyClusterState();
    for (const s of this.sources) (out as Record<SourceKey, unknown[]>)[s.def.key] = s.items();
    return out;
  }

  statuses(): SourceStatus[] {
    return this.sources.map((s) => s.status());
  }

  /** Every required source has listed once (or is not served): the first inventory can be trusted. */
  requiredListed(): boolean {
    return this.sources.every((s) => !s.def.required || s.hasListed());
  }

  /** Every source listed once or known unreadable: nothing more is coming for a first inventory. */
  settled(): boolean {
    return this.sources.every((s) => s.hasSettled());
  }

  /** Called (synchronously, possibly many times per burst) on any object or status change. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const l of [...this.listeners]) l();
  }
}
