// The public LB-IPAM engine: an event-driven state machine that does what Cilium's operator does
// with pools and Services (S1), and reports the statuses Cilium would write.
import type { CiliumLoadBalancerIPPool, Service } from '../cilium/objects';
import { formatAddr, mergeRanges, parseAddr, type IpRange } from '../net';
import { addressOutlook, type AddressOutlook } from './address-outlook';
import { cloneStatus, Core } from './core';
import { cloneCore } from './clone';
import { diagnoseService } from './diagnose';
import { flushPoolCounts, updateAllPoolCounts } from './pool-counts';
import { poolOnDelete, poolOnUpsert, revalidateAllServices, settleConflicts, stableJson } from './pools';
import { sameServiceInput } from './same-input';
import { handleDeletedService, handleUpsertService, satisfyAndUpdateCounts } from './services';
import {
  defaultEngineOptions,
  type Diagnosis,
  type EngineEvent,
  type EngineOptions,
  type PoolStatus,
  type ServiceStatus,
  type WhatIfOutcome,
} from './types';
import { whatIfOutcome } from './what-if';

const svcKey = (s: Service): string => `${s.metadata.namespace ?? 'default'}/${s.metadata.name}`;
const isPool = (o: EngineEvent['object']): o is CiliumLoadBalancerIPPool =>
  o.kind === 'CiliumLoadBalancerIPPool';

export class LbIpamEngine {
  /** @internal */
  core: Core;
  private reported = new Map<string, string>();

  constructor(options?: Partial<EngineOptions>, now: () => Date = () => new Date()) {
    this.core = new Core({ ...defaultEngineOptions, ...options }, now);
  }

  get options(): EngineOptions {
    return this.core.options;
  }

  /** Operator (re)start per C.1: pools first, then every Service with its current status imported. */
  start(pools: CiliumLoadBalancerIPPool[], services: Service[]): void {
    const core = new Core(this.core.options, this.core.now);
    this.core = core;
    for (const s of services) core.known.set(svcKey(s), s);
    for (const p of pools) poolOnUpsert(core, p);
    settleConflicts(core);
    if (core.pools.size > 0) this.initializeServices();
    for (const p of pools) core.dirty.add(`pool/${p.metadata.name}`);
    for (const s of services) core.dirty.add(`service/${svcKey(s)}`);
  }

  apply(event: EngineEvent): void {
    const core = this.core;
    if (isPool(event.object)) {
      const pool = event.object;
      if (event.op === 'upsert') {
        poolOnUpsert(core, pool);
        if (!core.initialized && core.pools.size > 0) this.initializeServices();
      } else {
        poolOnDelete(core, pool);
        this.reported.delete(`pool/${pool.metadata.name}`);
        // The last pool is gone: the controller resets and goes dormant.
        if (core.initialized && core.pools.size === 0) core.reset();
      }
      return;
    }
    const svc = event.object as Service;
    const key = svcKey(svc);
    if (event.op === 'delete') {
      core.known.delete(key);
      core.written.delete(key);
      this.reported.delete(`service/${key}`);
      if (!core.initialized) return;
      handleDeletedService(core, key);
      satisfyAndUpdateCounts(core);
      return;
    }
    const prev = core.known.get(key);
    core.known.set(key, svc);
    if (!core.initialized) return;
    if (prev && sameServiceInput(prev, svc)) return; // status-only update
    handleUpsertService(core, svc, false, key);
    satisfyAndUpdateCounts(core);
  }

  private initializeServices(): void {
    const core = this.core;
    for (const svc of core.known.values()) handleUpsertService(core, svc, true);
    revalidateAllServices(core);
    updateAllPoolCounts(core);
    core.initialized = true;
  }

  serviceStatus(namespace: string, name: string): ServiceStatus | undefined {
    const s = this.core.written.get(`${namespace}/${name}`);
    return s ? cloneStatus(s) : undefined;
  }

  poolStatus(name: string): PoolStatus | undefined {
    flushPoolCounts(this.core);
    const rec = this.core.pools.get(name);
    if (!rec || rec.status.conditions.length === 0) return undefined;
    return { conditions: rec.status.conditions.map((c) => ({ ...c })) };
  }

  takeChanges(): string[] {
    flushPoolCounts(this.core);
    const out: string[] = [];
    for (const key of this.core.dirty) {
      const status = key.startsWith('pool/')
        ? this.poolStatus(key.slice(5))
        : this.serviceStatus(...(key.slice(8).split('/') as [string, string]));
      if (status === undefined) continue;
      const json = stableJson(status);
      if (this.reported.get(key) === json) continue;
      this.reported.set(key, json);
      out.push(key);
    }
    this.core.dirty.clear();
    return out;
  }

  diagnose(namespace: string, name: string): Diagnosis {
    return diagnoseService(this.core, namespace, name);
  }

  whatIf(events: EngineEvent[]): WhatIfOutcome {
    const copy = this.fork();
    for (const e of events) copy.apply(e);
    return whatIfOutcome(this, copy, events);
  }

  /** What Cilium would do with one address (see address-outlook.ts); null when it is not an address. */
  addressOutlook(ip: string, limit?: number): AddressOutlook | null {
    const addr = parseAddr(ip);
    return addr ? addressOutlook(this.core, addr, limit) : null;
  }

  /**
   * Who would hold `ip` if the disabled pool `pool` were enabled: the pool's upsert replayed on a
   * fork (pending Services are retried then, in Cilium's order). Undefined when the pool is not
   * disabled, or `ip` is not an address.
   */
  holdersIfEnabled(pool: string, ip: string): string[] | undefined {
    const rec = this.core.pools.get(pool);
    const addr = parseAddr(ip);
    if (!rec || rec.obj.spec?.disabled !== true || !addr) return undefined;
    const copy = this.fork();
    copy.apply({ op: 'upsert', object: { ...rec.obj, spec: { ...rec.obj.spec, disabled: false } } });
    for (const r of copy.core.ranges.forPool(pool)) {
      const { family, from, to } = r.alloc.range;
      if (family !== addr.family || addr.value < from || addr.value > to) continue;
      return (r.alloc.get(addr.value) ?? []).map((h) => h.key);
    }
    return [];
  }

  /**
   * The address a new Service that only `pool` selects would get next: the first allocating range
   * of the pool with room, its smallest free block's first address (HashAllocator). Cilium tries the
   * ranges of every pool that selects a Service in its own order (allocate.ts); the reserve form pins
   * this one address, so only the pool's own ranges matter. Null when the pool is unknown, blocked or full.
   */
  nextAddress(pool: string): string | null {
    for (const r of this.core.ranges.forPool(pool)) {
      if (r.disabled() || r.alloc.isFull) continue;
      const next = r.alloc.peekAny();
      if (next !== null) return formatAddr({ family: r.alloc.range.family, value: next });
    }
    return null;
  }

  /** The free stretches of `pool`'s allocating ranges (none when it is disabled or conflicting), merged. */
  freeRuns(pool: string): IpRange[] {
    return mergeRanges(
      this.core.ranges
        .forPool(pool)
        .filter((r) => !r.disabled())
        .flatMap((r) => r.alloc.freeRuns()),
    );
  }

  /** An independent copy (what-if runs events on it; this engine is untouched). */
  fork(): LbIpamEngine {
    // The copy starts from written pool statuses, not from counts still to be written.
    flushPoolCounts(this.core);
    const copy = new LbIpamEngine(this.core.options, this.core.now);
    copy.core = cloneCore(this.core);
    return copy;
  }

  /** Every Service key LB-IPAM currently has a status for (handled or released). */
  serviceKeys(): string[] {
    return [...this.core.written.keys()];
  }

  poolNames(): string[] {
    return [...this.core.pools.keys()];
  }

  /** Why the last upsert of a pool failed to load (a bad block); Cilium only logs this. */
  poolError(name: string): string | undefined {
    return this.core.poolErrors.get(name)?.message;
  }
}
