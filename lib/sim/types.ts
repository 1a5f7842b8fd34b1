// Shapes shared by the embedded API server's store and HTTP layer. Objects are plain JSON; the
// store hands out frozen objects so a caller can never mutate what other readers see.
import type { ObjectMeta } from '../cilium/objects';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** Any object the store holds: apiVersion and kind are always set on what it returns. */
export interface SimObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta & { [key: string]: unknown };
  [key: string]: unknown;
}

/** Names a kind: `{ apiVersion: 'v1', kind: 'Service' }` or `{ apiVersion: 'cilium.io/v2', kind: 'CiliumLoadBalancerIPPool' }`. */
export interface KindRef {
  apiVersion: string;
  kind: string;
}

/** Names one object. `namespace` is required for namespaced kinds and ignored for cluster-scoped ones. */
export interface ObjectRef extends KindRef {
  name: string;
  namespace?: string;
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK';

export interface WatchEvent {
  type: WatchEventType;
  /** The object as stored (frozen), in the store's version of its kind. */
  object: SimObject;
}

export interface WriteOptions {
  /** Validate and return the result without storing anything (`dryRun=All`). */
  dryRun?: boolean;
  /** Write only `status` (the `/status` subresource); otherwise `status` in the input is ignored on update. */
  subresource?: 'status';
  fieldManager?: string;
}

export interface ListOptions {
  namespace?: string;
  /** Kubernetes label selector syntax: `app=web,tier!=db,env in (a,b),!legacy`. */
  labelSelector?: string;
  /** `metadata.name=x`, `metadata.namespace!=y`, `spec.type=LoadBalancer` (Services). */
  fieldSelector?: string;
}

export interface ListResult {
  items: SimObject[];
  /** The store's resourceVersion when the list was taken: resume a watch from here. */
  resourceVersion: string;
}

export interface WatchOptions extends ListOptions {
  /** Unset or "0": start with synthetic ADDED events for every current object. Otherwise replay history after it (410 if compacted). */
  resourceVersion?: string;
}

export type PatchType = 'json' | 'merge' | 'strategic' | 'apply';

export interface PatchOptions extends WriteOptions {
  /** Server-side apply only: take the fields another manager owns instead of failing with 409 Conflict. */
  force?: boolean;
}

export type { ObjectMeta };
