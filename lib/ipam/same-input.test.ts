// The no-op rule for Service upserts must stay exactly "same stableJson of what LB-IPAM reads".
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Service } from '../cilium/objects';
import { sameServiceInput, serviceInput } from './same-input';

const value = fc.anything({
  withDate: true,
  withMap: true,
  withNullPrototype: true,
  withSparseArray: true,
  maxDepth: 3,
});
const part = fc.oneof(
  value,
  fc.dictionary(fc.constantFrom('a', 'b', 'type', 'ports'), fc.oneof(value, fc.constant(undefined))),
);

const svc = (spec: unknown, labels: unknown, annotations: unknown, generation: unknown): Service =>
  ({ kind: 'Service', metadata: { name: 'x', labels, annotations, generation }, spec }) as unknown as Service;

/** A structural copy in which undefined-valued keys may be added or dropped and key order changes. */
function reshuffle(v: unknown, flip: boolean): unknown {
  if (Array.isArray(v)) return v.map((x) => reshuffle(x, flip));
  if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    const keys = Object.keys(v).reverse();
    const out: Record<string, unknown> = flip ? { extra: undefined } : {};
    for (const k of keys) {
      const x = (v as Record<string, unknown>)[k];
      if (x === undefined && flip) continue;
      out[k] = reshuffle(x, flip);
    }
    return out;
  }
  return v;
}

describe('sameServiceInput', () => {
  it('agrees with comparing the stableJson texts, on unrelated and on reshaped inputs', () => {
    fc.assert(
      fc.property(
        part,
        part,
        part,
        fc.oneof(fc.integer(), fc.constant(undefined)),
        part,
        fc.boolean(),
        fc.boolean(),
        (spec, labels, ann, gen, other, flip, related) => {
          const a = svc(spec, labels, ann, gen);
          const b = related
            ? svc(reshuffle(spec, flip), reshuffle(labels, !flip), reshuffle(ann, flip), gen)
            : svc(other, labels, ann, gen);
          expect(sameServiceInput(a, b)).toBe(serviceInput(a) === serviceInput(b));
          expect(sameServiceInput(b, a)).toBe(serviceInput(a) === serviceInput(b));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('a status write that comes back as a new object is a no-op; a changed port is not', () => {
    const spec = { type: 'LoadBalancer', ports: [{ port: 80, protocol: 'TCP' }] };
    const a = svc(spec, { team: 'a' }, undefined, 1);
    const b = JSON.parse(
      JSON.stringify({ ...a, status: { loadBalancer: { ingress: [{ ip: '10.0.0.1' }] } } }),
    ) as Service;
    expect(sameServiceInput(a, b)).toBe(true);
    const c = svc({ ...spec, ports: [{ port: 81, protocol: 'TCP' }] }, { team: 'a' }, undefined, 1);
    expect(sameServiceInput(a, c)).toBe(false);
  });
});
