// Stored objects keep one copy of each distinct string. structuredClone, which the store used to
// detach a written object from its caller, copies every string too: at the scale seed each of the
// 10,000 Services held its own "LoadBalancer", "TCP", "http", condition type and timestamp, and
// every status write copied them all again. Strings are immutable, so sharing them is safe.
//
// intern() hands back V8's internalized copy of a string: flat (a name built with `+` or a
// template is otherwise a chain of pieces), one per distinct value in the whole process, and held
// weakly by the engine's string table — it goes when no object uses it, so interning every string
// cannot grow without bound the way a Map of seen strings would.

/** The process-wide copy of `s` (equal to it; the same string for every equal input). */
export function intern(s: string): string {
  // A computed property name is internalized by V8; reading the key back returns that copy.
  for (const k in { [s]: 0 }) return k;
  return s;
}

const isPlain = (v: object) => {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/**
 * A deep copy of JSON-like data (plain objects, arrays, primitives) with its strings interned;
 * anything else (a Date, a Map) is copied by structuredClone, as before.
 */
export function cloneInterned<T>(v: T): T {
  if (typeof v === 'string') return intern(v) as T;
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(cloneInterned) as T;
  if (!isPlain(v)) return structuredClone(v);
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) out[k] = cloneInterned((v as Record<string, unknown>)[k]);
  return out as T;
}
