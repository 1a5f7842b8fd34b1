// The JSONPath subset CRD printer columns use: `.a.b`, `.a[0]`, `.a[*].b` and
// `.a[?(@.type=="X")].b`. Multiple matches print comma-joined, as kubectl's column printer does.
type Node = unknown;

const SEGMENT = /^\.([A-Za-z0-9_-]+)|^\[(\d+|\*)\]|^\[\?\(@\.([A-Za-z0-9_.-]+)\s*==\s*"([^"]*)"\)\]/;

export function evalJsonPath(obj: unknown, path: string): unknown[] {
  let nodes: Node[] = [obj];
  let rest = path.trim().replace(/^\{|\}$/g, '');
  while (rest.length > 0) {
    const m = SEGMENT.exec(rest);
    if (!m) return [];
    rest = rest.slice(m[0].length);
    const next: Node[] = [];
    for (const n of nodes) {
      if (m[1] !== undefined) {
        if (n !== null && typeof n === 'object' && !Array.isArray(n)) {
          const v = (n as Record<string, unknown>)[m[1]];
          if (v !== undefined) next.push(v);
        }
      } else if (m[2] !== undefined) {
        if (!Array.isArray(n)) continue;
        if (m[2] === '*') next.push(...n);
        else if (n[Number(m[2])] !== undefined) next.push(n[Number(m[2])]);
      } else if (Array.isArray(n)) {
        for (const el of n) {
          let v: unknown = el;
          for (const p of m[3].split('.'))
            v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined;
          if (String(v) === m[4]) next.push(el);
        }
      }
    }
    nodes = next;
  }
  return nodes;
}

export function jsonPathCell(obj: unknown, path: string): string | number | boolean | null {
  const values = evalJsonPath(obj, path);
  if (values.length === 0) return null;
  if (values.length === 1) {
    const v = values[0];
    return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : JSON.stringify(v);
  }
  return values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(',');
}
