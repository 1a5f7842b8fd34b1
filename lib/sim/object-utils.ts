// Helpers over stored objects: key order (apiVersion, kind, metadata first, so the HTTP layer can
// swap the apiVersion prefix of cached JSON), deep freezing, canonical comparison and a JSON
// cache keyed by object identity (stored objects are immutable, so one string per version).
import { RecentCache } from './recent-cache';
import type { SimObject } from './types';

type Obj = Record<string, unknown>;

export function deepFreeze<T>(v: T): T {
  if (v !== null && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v as Obj)) deepFreeze(x);
  }
  return v;
}

/** apiVersion, kind, metadata first; the rest in their given order. */
export function ordered(obj: Obj, apiVersion: string, kind: string, metadata: Obj): SimObject {
  const out: Obj = { apiVersion, kind, metadata };
  for (const [k, v] of Object.entries(obj)) {
    if (k !== 'apiVersion' && k !== 'kind' && k !== 'metadata' && v !== undefined) out[k] = v;
  }
  return out as SimObject;
}

/** JSON with sorted keys, for "did anything change" comparisons that ignore key order. */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const keys = Object.keys(v as Obj)
      .filter((k) => (v as Obj)[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((v as Obj)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/** Everything but apiVersion/kind/metadata/status: what bumps metadata.generation. */
export function specPart(obj: Obj): string {
  const rest: Obj = {};
  for (const [k, v] of Object.entries(obj)) {
    if (k !== 'apiVersion' && k !== 'kind' && k !== 'metadata' && k !== 'status') rest[k] = v;
  }
  return canonical(rest);
}

/**
 * JSON of the objects serialised last. A write reaches every watcher of its kind at once (the
 * dashboard, the controllers' own informers, kubectl -w), so a few hundred recent versions cover
 * that fan-out; list bodies have their own cache (list-cache.ts). Kept for every stored object, as
 * it used to be, it held a second, serialised copy of all 10,000 Services for good.
 */
const jsonCache = new RecentCache<object, string>(512);

/** The object's JSON, computed once per stored version while it is recent. */
export function toJson(obj: SimObject): string {
  let s = jsonCache.get(obj);
  if (s === undefined) {
    s = JSON.stringify(obj);
    if (Object.isFrozen(obj)) jsonCache.set(obj, s);
  }
  return s;
}

/** The object's JSON as seen through another served version of its kind (same schema, new apiVersion). */
export function toJsonAs(obj: SimObject, apiVersion: string): string {
  const s = toJson(obj);
  if (obj.apiVersion === apiVersion) return s;
  const prefix = `{"apiVersion":${JSON.stringify(obj.apiVersion)},`;
  return s.startsWith(prefix)
    ? `{"apiVersion":${JSON.stringify(apiVersion)},${s.slice(prefix.length)}`
    : JSON.stringify({ ...obj, apiVersion });
}

export function rfc3339(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const NAME_CHARS = 'bcdfghjklmnpqrstvwxz2456789';

/** generateName suffix: five characters from the same alphabet Kubernetes uses. */
export function randomSuffix(): string {
  let s = '';
  for (let i = 0; i < 5; i++) s += NAME_CHARS[Math.floor(Math.random() * NAME_CHARS.length)];
  return s;
}
