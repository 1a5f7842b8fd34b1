// Does a Service upsert change anything LB-IPAM reads? The rule is stableJson equality of spec,
// labels, annotations and generation (see engine.ts); most upserts are status writes coming back
// through the informer, with every one of those equal, so a structural walk answers them without
// building two JSON texts. The walk only ever says "equal" when stableJson would give the same
// text; for anything else the JSON comparison decides, so the rule itself is unchanged.
import type { Service } from '../cilium/objects';
import { stableJson } from './pools';

/** The parts of a Service LB-IPAM reads; an upsert that changes none of them is a no-op. */
export const serviceInput = (s: Service): string =>
  stableJson({
    spec: s.spec,
    labels: s.metadata.labels,
    annotations: s.metadata.annotations,
    generation: s.metadata.generation,
  });

/** True only if stableJson(a) === stableJson(b) (identical values, same arrays, same defined keys). */
function surelySameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!surelySameJson(a[i], b[i])) return false;
    return true;
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  let defined = 0;
  for (const k of Object.keys(ra)) {
    if (ra[k] === undefined) continue;
    defined++;
    if (!Object.prototype.hasOwnProperty.call(rb, k) || !surelySameJson(ra[k], rb[k])) return false;
  }
  for (const k of Object.keys(rb)) if (rb[k] !== undefined) defined--;
  return defined === 0;
}

export function sameServiceInput(prev: Service, next: Service): boolean {
  if (
    prev.metadata.generation === next.metadata.generation &&
    surelySameJson(prev.spec, next.spec) &&
    surelySameJson(prev.metadata.labels, next.metadata.labels) &&
    surelySameJson(prev.metadata.annotations, next.metadata.annotations)
  ) {
    return true;
  }
  return serviceInput(prev) === serviceInput(next);
}
