// The engine's state and the small helpers every handler uses (condition writing, "patching"
// a status, selector checks). Handlers live in services.ts and pools.ts.
import type {
  CiliumLoadBalancerIPPool,
  Condition,
  LabelSelector,
  LoadBalancerIngress,
  Service,
} from '../cilium/objects';
import { matchesSelector, selectorError } from '../cilium/selector';
import { lbClasses, type ServiceReaderOptions } from '../cilium/service';
import { RangesStore, ServiceStore, type LbRange, type ServiceView, type SvcStatus } from './model';
import type { EngineOptions, PoolStatus } from './types';

export interface PoolRecord {
  obj: CiliumLoadBalancerIPPool;
  status: PoolStatus & { conditions: Condition[] };
  /** Order of first sight; breaks creationTimestamp ties (Cilium: Go map order, i.e. random). */
  seq: number;
  /** Generation and allocator versions the counts were last computed for. */
  countsSeen?: { gen: number; ranges: LbRange[]; versions: number[] };
  /** `pool/<name>`, the key of its changes (see Core.patchPool). */
  dirtyKey?: string;
  /** Addresses in use when the count conditions were last decided (written or deferred). */
  usedSeen?: number;
  /** The serviceSelector compiled once per pool object (it is checked for every range walk). */
  matcher?: { obj: CiliumLoadBalancerIPPool; test: (labels: Record<string, string>) => boolean };
}

export class Core {
  pools = new Map<string, PoolRecord>();
  ranges = new RangesStore();
  services = new ServiceStore();
  /** Dormant until a pool exists (C.1). */
  initialized = false;
  /** The informer's view of every Service, handled or not, in first-seen order. */
  known = new Map<string, Service>();
  /** What LB-IPAM last wrote into each Service's status. */
  written = new Map<string, SvcStatus>();
  /** Keys whose status may have changed since the last takeChanges. */
  dirty = new Set<string>();
  /** Pools whose allocators changed since the counts were last written; all of them when countsAll. */
  countsDirty = new Set<string>();
  countsAll = true;
  /** Pools whose count conditions are decided but not yet written (see updatePoolCountsLazily). */
  countsPending = new Set<string>();
  poolSeq = 0;
  /** Bumped whenever a pool is added, replaced or removed (its selector may have changed). */
  poolEpoch = 0;
  /** Pools whose last upsert had a block Cilium cannot parse (it logs and retries; no status says so). */
  poolErrors = new Map<string, Error & { index?: number; field?: string }>();
  readonly readerOpts: ServiceReaderOptions;
  readonly classes: string[];

  constructor(
    readonly options: EngineOptions,
    readonly now: () => Date,
  ) {
    this.readerOpts = { ipv4: options.ipv4, ipv6: options.ipv6 };
    this.classes = lbClasses(options);
  }

  private lastTime = { ms: NaN, text: '' };

  timestamp(): string {
    // Whole seconds, as metav1.Time marshals; formatted once per distinct clock reading.
    const ms = this.now().getTime();
    if (ms !== this.lastTime.ms)
      this.lastTime = { ms, text: new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z') };
    return this.lastTime.text;
  }

  isResponsible(svc: Service): boolean {
    if (svc.spec?.type !== 'LoadBalancer') return false;
    const cls = svc.spec.loadBalancerClass;
    if (cls === undefined || cls === null) return this.options.defaultLBServiceIPAM === 'lbipam';
    return this.classes.includes(cls);
  }

  /** Pool selector check; a selector Cilium cannot parse selects nothing (Cilium errors and retries). */
  poolSelects(pool: PoolRecord, sv: ServiceView): boolean {
    let m = pool.matcher;
    if (!m || m.obj !== pool.obj) {
      m = { obj: pool.obj, test: compileSelector(pool.obj.spec?.serviceSelector) };
      pool.matcher = m;
    }
    return m.test(sv.labels);
  }

  /** meta.SetStatusCondition: lastTransitionTime moves only when the status flips. */
  setCondition(conds: Condition[], c: Omit<Condition, 'lastTransitionTime'>): void {
    const existing = conds.find((x) => x.type === c.type);
    if (!existing) {
      conds.push(makeCondition(c, this.timestamp()));
      return;
    }
    const time = existing.status !== c.status ? this.timestamp() : existing.lastTransitionTime;
    const i = conds.indexOf(existing);
    conds[i] = makeCondition(c, time ?? this.timestamp());
  }

  /** setSVCSatisfiedCondition; true when it changed something. */
  setSvcCondition(sv: ServiceView, satisfied: boolean, reason: string, message: string): boolean {
    const status = satisfied ? 'True' : 'False';
    const before = sv.status.conditions;
    const cur = before?.find((c) => c.type === SVC_CONDITION);
    if (
      cur &&
      cur.status === status &&
      (cur.observedGeneration ?? 0) === sv.generation &&
      cur.reason === reason &&
      cur.message === message
    ) {
      return false;
    }
    // A new array: the old one may belong to the status last written.
    const conds = before === undefined ? [] : before.slice();
    this.setCondition(conds, {
      type: SVC_CONDITION,
      status,
      observedGeneration: sv.generation,
      reason,
      message,
    });
    sv.setConditions(conds);
    return true;
  }

  setPoolCondition(
    pool: PoolRecord,
    type: string,
    status: Condition['status'],
    reason: string,
    message: string,
  ): boolean {
    const gen = pool.obj.metadata.generation ?? 0;
    const cur = pool.status.conditions.find((c) => c.type === type);
    if (
      cur &&
      cur.status === status &&
      (cur.observedGeneration ?? 0) === gen &&
      cur.reason === reason &&
      cur.message === message
    ) {
      return false;
    }
    this.setCondition(pool.status.conditions, { type, status, observedGeneration: gen, reason, message });
    return true;
  }

  /** patchSvcStatus: what Cilium would write with `replace /status` (statuses are never edited, so kept as is). */
  patchSvc(sv: ServiceView): void {
    this.written.set(sv.key, sv.status);
    // The key string is kept on the view: a Set hashes a string once, so reusing it is cheaper.
    sv.dirtyKey ??= `service/${sv.key}`;
    this.dirty.add(sv.dirtyKey);
  }

  patchPool(pool: PoolRecord): void {
    pool.dirtyKey ??= `pool/${pool.obj.metadata.name}`; // a record's name never changes
    this.dirty.add(pool.dirtyKey);
  }

  isPoolConflicting(pool: PoolRecord): boolean {
    return pool.status.conditions.some((c) => c.type === POOL_CONFLICT && c.status === 'True');
  }

  /** Controller restart: everything but the informer caches and what was written is forgotten. */
  reset(): void {
    this.pools = new Map();
    this.ranges = new RangesStore();
    this.services = new ServiceStore();
    this.initialized = false;
    this.countsAll = true;
    this.countsPending.clear();
  }

  /** Wires a range's allocator so that changes mark its pool's counts stale. */
  watchRange(r: LbRange): LbRange {
    const name = r.originPool;
    r.alloc.onChange = () => this.countsDirty.add(name);
    return r;
  }
}

export const SVC_CONDITION = 'cilium.io/IPAMRequestSatisfied';
export const POOL_CONFLICT = 'cilium.io/PoolConflict';
export const POOL_TOTAL = 'cilium.io/IPsTotal';
export const POOL_AVAILABLE = 'cilium.io/IPsAvailable';
export const POOL_USED = 'cilium.io/IPsUsed';

/** Field order as Go marshals metav1.Condition; observedGeneration is omitempty. */
function makeCondition(c: Omit<Condition, 'lastTransitionTime'>, time: string): Condition {
  const out: Condition = { type: c.type, status: c.status };
  if (c.observedGeneration) out.observedGeneration = c.observedGeneration;
  out.lastTransitionTime = time;
  out.reason = c.reason ?? '';
  out.message = c.message ?? '';
  return out;
}

/** A compiled selector test; nil/empty selects all, an invalid one selects nothing (Cilium errors). */
function compileSelector(sel: LabelSelector | null | undefined): (labels: Record<string, string>) => boolean {
  if (!sel) return () => true;
  if (selectorError(sel) !== undefined) return () => false;
  const pairs = Object.entries(sel.matchLabels ?? {});
  const hasExpr = (sel.matchExpressions ?? []).length > 0;
  if (pairs.length === 1 && !hasExpr) {
    const [k, v] = pairs[0];
    // The value test first: it settles almost every miss, and an inherited property never
    // equals a label value, so the result is that of hasOwnProperty && equal.
    return (labels) => labels[k] === v && Object.prototype.hasOwnProperty.call(labels, k);
  }
  return (labels) => matchesSelector(sel, labels);
}

/** A deep copy the caller may edit (public getters, statuses read from outside). */
export function cloneStatus(s: SvcStatus): {
  loadBalancer: { ingress?: LoadBalancerIngress[] };
  conditions?: Condition[];
} {
  const out: { loadBalancer: { ingress?: LoadBalancerIngress[] }; conditions?: Condition[] } = {
    loadBalancer: {},
  };
  if (s.loadBalancer.ingress && s.loadBalancer.ingress.length > 0) {
    out.loadBalancer.ingress = s.loadBalancer.ingress.map((i) => ({ ...i }));
  }
  if (s.conditions && s.conditions.length > 0) out.conditions = s.conditions.map((c) => ({ ...c }));
  return out;
}
