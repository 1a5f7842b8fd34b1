// LB-IPAM's internal model: ranges (one allocator per pool block), the Service view, the stores.
// Go maps are iterated in random order by Cilium; here every store keeps insertion order so the
// engine is deterministic for a given event sequence.
import type { Condition, LoadBalancerIngress } from '../cilium/objects';
import { sharingIncompatibility } from '../cilium/sharing';
import type { ServicePortView } from '../cilium/service';
import { addrEquals, isV4Like, parseAddrZoned, type IpAddr } from '../net';
import { HashAllocator } from './hash-allocator';

export interface CandidateRanges {
  readonly store: RangesStore;
  readonly version: number;
  readonly poolEpoch: number;
  readonly ranges: LbRange[];
}

/** [IPv4, IPv6]; replaced, never edited. */
export type Candidates = readonly [CandidateRanges | undefined, CandidateRanges | undefined];
export const NO_CANDIDATES: Candidates = Object.freeze([undefined, undefined] as const);

/** Holders of an address; null marks a reserved first/last address (allocated with no owner). */
export type Holders = ServiceView[] | null;

let rangeIds = 0;

export class LbRange {
  readonly id = rangeIds++;
  externallyDisabled: boolean;
  internallyDisabled = false;
  constructor(
    readonly alloc: HashAllocator<Holders>,
    readonly originPool: string,
    disabled: boolean,
  ) {
    this.externallyDisabled = disabled;
  }
  disabled(): boolean {
    return this.internallyDisabled || this.externallyDisabled;
  }
}

export interface AllocatedIP {
  ip: IpAddr;
  origin: LbRange;
}

/**
 * A Service status as LB-IPAM holds it. Never edited once built: a view's status is replaced
 * (setIngress, setConditions), so what the engine last wrote can be kept by reference, with no
 * copy per patch. Empty arrays and undefined mean the same (readers copy through cloneStatus).
 */
export interface SvcStatus {
  readonly loadBalancer: { readonly ingress?: LoadBalancerIngress[] };
  readonly conditions?: Condition[];
}

// Shared starting values of a view: every one is replaced, never edited, so sharing is safe and
// spares a dozen allocations per new Service (viewFromService fills them all in at once).
const NO_LABELS: Record<string, string> = Object.freeze({});
const NO_FAMILIES = Object.freeze({ ipv4: false, ipv6: false });
/** The empty status, shared (statuses are never edited). */
export const NO_STATUS: SvcStatus = Object.freeze({ loadBalancer: Object.freeze({}) });
const NO_PARSED = Object.freeze({
  of: undefined,
  len: 0,
  addrs: Object.freeze([]) as unknown as (IpAddr | null)[],
});

export class ServiceView {
  generation = 0;
  labels: Record<string, string> = NO_LABELS;
  families: { readonly ipv4: boolean; readonly ipv6: boolean } = NO_FAMILIES;
  requestedIPs: readonly IpAddr[] = [];
  sharingKey = '';
  sharingCrossNamespace: readonly string[] = [];
  externalTrafficPolicy = '';
  ports: readonly ServicePortView[] = [];
  selector: Record<string, string> = NO_LABELS;
  status: SvcStatus = NO_STATUS;
  allocated: AllocatedIP[] = [];
  /** `service/<key>`, the key of its changes (see Core.patchSvc). */
  dirtyKey: string | undefined = undefined;
  /**
   * Per family, the ranges whose pool selects this Service, in range order, remembered after a
   * generic allocation failed, so that retries (every event retries every pending Service) walk
   * only those. Valid while the range store, its version and the pools' epoch are the ones seen.
   */
  candidates: Candidates = NO_CANDIDATES;
  /** Parsed form of status.loadBalancer.ingress, memoised on the array (replaced, never edited in place). */
  private parsed: { of: LoadBalancerIngress[] | undefined; len: number; addrs: (IpAddr | null)[] } =
    NO_PARSED;
  constructor(
    readonly key: string,
    readonly namespace: string,
    readonly name: string,
  ) {}

  /** isCompatible (S1): the first reason two Services cannot share an address, or undefined. */
  incompatibility(o: ServiceView): string | undefined {
    return sharingIncompatibility(this, o);
  }

  /** The ingress IPs parsed (null for an entry Go's parser would reject). */
  ingressAddrs(): (IpAddr | null)[] {
    const ingress = this.status.loadBalancer.ingress;
    const p = this.parsed;
    if (p.of === ingress && p.len === (ingress?.length ?? 0)) return p.addrs;
    const addrs = (ingress ?? []).map((i) => parseAddrZoned(i.ip ?? ''));
    this.parsed = { of: ingress, len: addrs.length, addrs };
    return addrs;
  }

  /** Appends an allocated IP to the ingress (a new array) and keeps the parsed form in step. */
  appendIngress(ip: IpAddr, text: string): void {
    const before = this.ingressAddrs();
    const ingress = [...(this.status.loadBalancer.ingress ?? []), { ip: text }];
    this.setIngress(ingress);
    this.parsed = { of: ingress, len: ingress.length, addrs: [...before, ip] };
  }

  /** A new status with this ingress (the old one may be what the engine last wrote). */
  setIngress(ingress: LoadBalancerIngress[] | undefined): void {
    const conditions = this.status.conditions;
    this.status =
      conditions === undefined ? { loadBalancer: { ingress } } : { loadBalancer: { ingress }, conditions };
  }

  /** A new status with these conditions (pass a new array: the old one may be shared). */
  setConditions(conditions: Condition[] | undefined): void {
    this.status = { loadBalancer: this.status.loadBalancer, conditions };
  }

  isSatisfied(): boolean {
    const addrs = this.ingressAddrs();
    if (this.requestedIPs.length > 0) {
      // netip.ParseAddr + Compare: zones parse and count (fe80::1%eth0 is not fe80::1).
      return this.requestedIPs.every((req) => addrs.some((a) => a !== null && addrEquals(a, req)));
    }
    let v4 = false;
    let v6 = false;
    for (const a of addrs) {
      // Go's net.ParseIP(x).To4() == nil counts unparsable entries (zoned ones too) as IPv6.
      if (a && a.zone === undefined && isV4Like(a)) v4 = true;
      else v6 = true;
    }
    return !((this.families.ipv4 && !v4) || (this.families.ipv6 && !v6));
  }
}

export class ServiceStore {
  satisfied = new Map<string, ServiceView>();
  unsatisfied = new Map<string, ServiceView>();
  get(key: string): ServiceView | undefined {
    return this.satisfied.get(key) ?? this.unsatisfied.get(key);
  }
  upsert(sv: ServiceView): void {
    if (sv.isSatisfied()) {
      this.unsatisfied.delete(sv.key);
      this.satisfied.set(sv.key, sv);
    } else {
      this.satisfied.delete(sv.key);
      this.unsatisfied.set(sv.key, sv);
    }
  }
  delete(key: string): void {
    this.satisfied.delete(key);
    this.unsatisfied.delete(key);
  }
}

export class RangesStore {
  ranges: LbRange[] = [];
  /** Bumped when a range is added or removed (lets retries keep their list of candidate ranges). */
  version = 0;
  poolToRanges = new Map<string, LbRange[]>();
  sharingKeyIPs = new Map<string, AllocatedIP[]>();

  add(r: LbRange): void {
    this.version++;
    this.ranges.push(r);
    const list = this.poolToRanges.get(r.originPool) ?? [];
    list.push(r);
    this.poolToRanges.set(r.originPool, list);
  }
  delete(r: LbRange): void {
    this.version++;
    const i = this.ranges.indexOf(r);
    if (i >= 0) this.ranges.splice(i, 1);
    const list = this.poolToRanges.get(r.originPool) ?? [];
    const j = list.indexOf(r);
    if (j >= 0) list.splice(j, 1);
    if (list.length > 0) this.poolToRanges.set(r.originPool, list);
    else this.poolToRanges.delete(r.originPool);
  }
  forPool(name: string): LbRange[] {
    return this.poolToRanges.get(name) ?? [];
  }
  addSharingIP(key: string, a: AllocatedIP): void {
    const list = this.sharingKeyIPs.get(key) ?? [];
    if (list.some((x) => x.origin === a.origin && x.ip.value === a.ip.value && x.ip.family === a.ip.family))
      return;
    list.push({ ip: a.ip, origin: a.origin });
    this.sharingKeyIPs.set(key, list);
  }
  deleteSharingIP(key: string, a: AllocatedIP): void {
    const list = this.sharingKeyIPs.get(key);
    if (!list) return;
    const i = list.findIndex(
      (x) => x.origin === a.origin && x.ip.value === a.ip.value && x.ip.family === a.ip.family,
    );
    if (i >= 0) list.splice(i, 1);
    if (list.length === 0) this.sharingKeyIPs.delete(key);
  }
}
