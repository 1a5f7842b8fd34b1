import type { KubeObject } from '../../cilium/objects';

// Equality helpers for "did this really change": key order never matters, and undefined fields
// count as absent (as they would after a JSON round trip through the API server).

export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

export function sameJson(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
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
