import type { SharingFacts } from '../cilium/sharing';
import type { IpAddr } from '../net';
import type { FreeIn } from './words';

/** What a screen shows about one Service (or one address). */
export interface Words {
  title: string;
  /** Why, in plain language, naming the objects involved. */
  detail: string;
  /** What to do about it, concretely; null when nothing needs doing. */
  fix: string | null;
}

/**
 * What every subject with the same cause shares, without naming any of them: a group of alerts
 * reads `<count> Services <headline>` ("3 Services are pending: 10.0.0.2 is already allocated").
 */
export interface SharedWords {
  headline: string;
  detail: string;
  fix: string | null;
}

export interface Explanation extends Words {
  /** The facts the words depend on, as a stable key: subjects with one key have one explanation. */
  key: string;
  shared: SharedWords;
}

/** The Service being explained, as screens name it. */
export interface Subject {
  /** "media/jellyfin", or "Gateway networking/envoy-external" for a Service Envoy Gateway generated. */
  name: string;
  /** Generated from a Gateway: users edit the Gateway, whose spec.infrastructure carries annotations. */
  gateway?: boolean;
}

/** A Service holding an address, as an explanation names it, with what sharing depends on. */
export interface Holder extends SharingFacts {
  name: string;
}

/** Why one requested address was not given, in Cilium's reason vocabulary plus 'free'. */
export type RequestedSituation =
  /** In no enabled block: in none at all, or only in a disabled or conflicting pool. */
  | {
      reason: 'no_pool';
      pool?: { name: string; state: 'disabled' | 'conflicting'; conflictMessage?: string | null };
    }
  | { reason: 'pool_selector_mismatch'; pool: string; selector: string }
  /** Held, and the requester has no sharing key; or withheld as a reserved first/last address of `pool`. */
  | { reason: 'already_allocated'; pool: string; holders: string[]; reserved?: boolean }
  /**
   * Held, the requester has a key, and `why` is the first rule of isCompatible that refuses (if
   * any); `requester` is what sharing depends on for the Service itself.
   */
  | {
      reason: 'already_allocated_incompatible_service';
      pool: string;
      holders: Holder[];
      requester: SharingFacts;
      why?: string;
    }
  /** In an enabled block of `pool` that selects it, and nobody holds it any more: Cilium has not retried yet. */
  | { reason: 'free'; pool: string };

export interface RequestedFacts {
  /** As Cilium parsed it (an IPv6 zone is part of it). */
  ip: IpAddr;
  situation: RequestedSituation;
}

/** Why one pool does not serve a generic request. */
export type PoolNote =
  /** Its serviceSelector does not match; `allocates`: it is neither disabled nor conflicting. */
  | { pool: string; why: 'selector'; selector: string; allocates: boolean }
  | { pool: string; why: 'disabled' | 'conflicting' | 'family' };

export type GenericFacts =
  /** `inNameOrder`: the pools are already in natural name order (the inventory's), so none is sorted. */
  | { reason: 'no_pool'; pools: PoolNote[]; inNameOrder?: boolean }
  /** The enabled pools that select it, all full. */
  | { reason: 'out_of_ips'; pools: string[] };

export interface PendingFacts {
  subject: Subject;
  /** Cilium's message on the Service, quoted as written. */
  message: string | null;
  /** Its requested addresses it does not hold, each with what stands in its way (empty: generic). */
  requested: RequestedFacts[];
  /** For a generic request: Cilium's reason and the pools involved. */
  generic?: GenericFacts;
  /** Free addresses of every pool that selects it and allocates. */
  free: FreeIn[];
}
