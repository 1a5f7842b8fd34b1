import { canonical } from './object-utils';

// canonical(a) === canonical(b), answered by walking both values instead of building both texts.
// The store asks it on every write (is this a no-op? did the spec change?) and the controllers on
// every event; at the scale seed building the two texts — sorted keys, joined strings — was
// gigabytes of garbage while the seed settled. Same rule as canonical: key order never matters,
// fields whose value is undefined count as absent, and primitives compare as their JSON does
// (NaN and Infinity read as null, as does undefined inside an array).

type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is object => v !== null && typeof v === 'object';

/** Primitives (and functions, symbols, undefined) as canonical() writes them. */
function samePrimitive(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a === b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return a === b;
  if (typeof a === 'number' && typeof b === 'number' && Number.isFinite(a) && Number.isFinite(b))
    return a === b;
  return canonical(a) === canonical(b);
}

/**
 * True exactly when canonical(a) === canonical(b) (for values canonical() can write: it throws on
 * a BigInt). `ignore`: top-level keys left out of the
 * comparison (as if both values lacked them).
 */
export function sameCanonical(a: unknown, b: unknown, ignore?: ReadonlySet<string>): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameCanonical(a[i], b[i])) return false;
    return true;
  }
  if (isObject(a) || isObject(b)) {
    if (!isObject(a) || !isObject(b)) return false;
    const ra = a as Obj;
    const rb = b as Obj;
    let defined = 0;
    for (const k of Object.keys(ra)) {
      if (ra[k] === undefined || ignore?.has(k)) continue;
      defined++;
      if (!Object.prototype.hasOwnProperty.call(rb, k) || rb[k] === undefined) return false;
      if (!sameCanonical(ra[k], rb[k])) return false;
    }
    for (const k of Object.keys(rb)) if (rb[k] !== undefined && !ignore?.has(k)) defined--;
    return defined === 0;
  }
  return samePrimitive(a, b);
}

const NOT_SPEC = new Set(['apiVersion', 'kind', 'metadata', 'status']);

/** specPart(a) === specPart(b): everything but apiVersion/kind/metadata/status is the same. */
export const sameSpecPart = (a: Obj, b: Obj): boolean => sameCanonical(a, b, NOT_SPEC);
