import type { CiliumLoadBalancerIPPool, KubeObject, Service } from '../../cilium/objects';
import type { EngineEvent, PoolStatus, ServiceStatus } from '../../ipam/types';
import { Cache, keyOf, type ControllerStore } from './port';
import { sameJson, statusOnlyChange } from './compare';
import { defaultReporter, guarded, type Reporter } from './guard';

// The simulated cilium-operator LB-IPAM: one long-lived engine fed with pool and Service watch
// events in the order the store emits them, writing each Service's and pool's status back through
// the /status subresource only when it differs from what is stored (so its own writes, which come
// back as watch events, settle instead of looping).

/** The part of lib/ipam's LbIpamEngine this controller uses. */
export interface EnginePort {
  start(pools: CiliumLoadBalancerIPPool[], services: Service[]): void;
  apply(event: EngineEvent): void;
  serviceStatus(namespace: string, name: string): ServiceStatus | undefined | null;
  poolStatus(name: string): PoolStatus | undefined | null;
  /** Keys (`service/<ns>/<name>`, `pool/<name>`) whose status may have changed since the last call. */
  takeChanges(): Iterable<string>;
}

export const POOL_REF = { apiVersion: 'cilium.io/v2', kind: 'CiliumLoadBalancerIPPool' };
export const SERVICE_REF = { apiVersion: 'v1', kind: 'Service' };

type Queued = {
  kind: 'pool' | 'service';
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  object: KubeObject;
  prev?: KubeObject;
};

export class LbIpamController {
  private readonly pools: Cache<CiliumLoadBalancerIPPool>;
  private readonly services: Cache<Service>;
  private queue: Queued[] = [];
  /** Objects whose status write failed; re-checked on the next drain. */
  private retry = new Map<string, KubeObject>();
  private retryTimer: NodeJS.Timeout | null = null;
  private scheduled: NodeJS.Immediate | null = null;
  private stopped = false;
  /** Status writes so far, and the last error (a 409 is retried on the next event). */
  stats = { writes: 0, events: 0, lastError: '' };

  constructor(
    private readonly store: ControllerStore,
    private readonly engine: EnginePort,
    /** Where a failed step is reported (stderr, once per message, by default). */
    private readonly report?: Reporter,
  ) {
    this.pools = new Cache(store, POOL_REF);
    this.services = new Cache(store, SERVICE_REF);
  }

  start(): void {
    const enqueue =
      (kind: Queued['kind']) => (type: Queued['type'], object: KubeObject, prev?: KubeObject) => {
        this.queue.push({ kind, type, object, prev });
        this.schedule();
      };
    const pools = this.pools.start(enqueue('pool'));
    const services = this.services.start(enqueue('service'));
    // Like the operator at startup: load everything, then revalidate once (C.1).
    this.engine.start(pools, services);
    this.writeAll();
  }

  /** True while watch events wait to be processed. */
  get busy(): boolean {
    return this.queue.length > 0 || this.scheduled !== null;
  }

  stop(): void {
    this.stopped = true;
    if (this.scheduled) clearImmediate(this.scheduled);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.pools.close();
    this.services.close();
  }

  /** Processes queued events now (tests call it; otherwise it runs on the next turn of the loop). */
  drain(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = null;
    const batch = this.queue;
    this.queue = [];
    const touched: KubeObject[] = [...this.retry.values()];
    this.retry.clear();
    for (const ev of batch) {
      // Our own status writes come back as events; the engine has nothing to learn from them. A
      // status someone else changed is only put back to what the engine says (below).
      if (ev.type === 'MODIFIED' && ev.prev && statusOnlyChange(ev.prev, ev.object)) {
        touched.push(ev.object);
        // Still hand the engine the newest Service (a no-op for its state: nothing it reads
        // changed). Kept on the version before our status write, it would pin a second copy of
        // every Service the store has moved past (~21 MB at the scale seed).
        if (ev.kind === 'service') this.apply('upsert', ev.object);
        continue;
      }
      this.stats.events++;
      this.apply(ev.type === 'DELETED' ? 'delete' : 'upsert', ev.object);
    }
    if (batch.length > 0 || touched.length > 0) this.writeChanges(this.engine.takeChanges());
    for (const obj of touched) {
      const cur = this.current(obj);
      if (!cur) continue;
      if (obj.kind === 'Service') this.writeService(cur as Service);
      else this.writePool(cur as CiliumLoadBalancerIPPool);
    }
  }

  private apply(op: 'upsert' | 'delete', object: KubeObject): void {
    // One object the engine cannot digest must not stop LB-IPAM (or the server) for the rest.
    guarded(
      'LB-IPAM',
      `${op} of ${object.kind} ${keyOf(object)}`,
      () => this.engine.apply({ op, object } as EngineEvent),
      (m) => {
        this.stats.lastError = m;
        (this.report ?? defaultReporter)(m);
      },
    );
  }

  private current(obj: KubeObject): KubeObject | undefined {
    return (obj.kind === 'Service' ? this.services : this.pools).items.get(keyOf(obj));
  }

  private schedule(): void {
    if (this.scheduled || this.stopped) return;
    this.scheduled = setImmediate(() =>
      guarded('LB-IPAM', 'processing events', () => this.drain(), this.report),
    );
  }

  private writeAll(): void {
    this.engine.takeChanges(); // consumed: every object is checked below anyway
    for (const p of this.pools.values()) this.writePool(p);
    for (const s of this.services.values()) this.writeService(s);
  }

  private writeChanges(keys: Iterable<string>): void {
    for (const key of keys) {
      const [kind, a, b] = key.split('/');
      if (kind === 'pool') {
        const pool = this.pools.items.get(`/${a}`);
        if (pool) this.writePool(pool);
      } else if (kind === 'service') {
        const svc = this.services.items.get(`${a}/${b}`);
        if (svc) this.writeService(svc);
      }
    }
  }

  private writeService(svc: Service): void {
    const desired = this.engine.serviceStatus(svc.metadata.namespace ?? 'default', svc.metadata.name);
    if (!desired || sameJson(desired, svc.status ?? {})) return;
    this.write({ ...svc, status: desired });
  }

  private writePool(pool: CiliumLoadBalancerIPPool): void {
    const desired = this.engine.poolStatus(pool.metadata.name);
    if (!desired || sameJson(desired, pool.status ?? {})) return;
    this.write({ ...pool, status: desired });
  }

  private write(obj: KubeObject & { status: unknown }): void {
    try {
      this.store.updateStatus(obj);
      this.stats.writes++;
    } catch (err) {
      // Stale copy (409) or deleted meanwhile: check it again on the next drain.
      this.stats.lastError = `${keyOf(obj)}: ${err instanceof Error ? err.message : String(err)}`;
      this.retry.set(`${obj.kind}/${keyOf(obj)}`, obj);
      // Later, not at once: a write the server keeps refusing must not spin the event loop.
      this.retryTimer ??= setTimeout(() => {
        this.retryTimer = null;
        this.schedule();
      }, 1000).unref();
    }
  }
}
