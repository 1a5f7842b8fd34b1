import type { KubeObject } from '../../cilium/objects';
import { sameCanonical } from '../same-canonical';

// "Did this really change": key order never matters and undefined fields count as absent (as they
// would after a JSON round trip through the API server), using the store's own canonical form.

export function sameJson(a: unknown, b: unknown): boolean {
  return sameCanonical(a, b);
}

function withoutStatus(o: KubeObject): unknown {
  const { status: _status, metadata, ...rest } = o as KubeObject & { status?: unknown };
  const { resourceVersion: _rv, ...meta } = metadata;
  return { ...rest, metadata: meta };
}

/** True when two versions of an object differ only in status (and resourceVersion). */
export function statusOnlyChange(prev: KubeObject, next: KubeObject): boolean {
  return sameJson(withoutStatus(prev), withoutStatus(next));
}
