import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonical, specPart } from './object-utils';
import { sameCanonical, sameSpecPart } from './same-canonical';

// The walk must agree with comparing canonical texts on every pair, equal or not.

const leaf = fc.oneof(
  fc.constantFrom(null, undefined, true, false, 0, -0, 1, NaN, Infinity, -Infinity, '', '0', 'null', 'a'),
  fc.string({ maxLength: 3 }),
  fc.integer({ min: -3, max: 3 }),
);
const { value } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    leaf,
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('a', 'b', 'c', 'status', 'metadata'), tie('value'), { maxKeys: 4 }),
  ),
}));

/** The same data with its keys in reverse order (canonical ignores key order). */
const reordered = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(reordered)
    : v !== null && typeof v === 'object'
      ? Object.fromEntries(
          Object.entries(v)
            .reverse()
            .map(([k, x]) => [k, reordered(x)]),
        )
      : v;

describe('sameCanonical', () => {
  it('agrees with canonical() on random pairs', () => {
    fc.assert(
      fc.property(value, value, (a, b) => {
        expect(sameCanonical(a, b)).toBe(canonical(a) === canonical(b));
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with canonical() on a value and its reordered, slightly edited copy', () => {
    fc.assert(
      fc.property(value, value, fc.boolean(), (a, patch, edit) => {
        const b = reordered(a);
        const c =
          edit && a !== null && typeof a === 'object' && !Array.isArray(a)
            ? { ...(b as object), a: patch }
            : b;
        expect(sameCanonical(a, c)).toBe(canonical(a) === canonical(c));
      }),
      { numRuns: 2000 },
    );
  });

  it('sameSpecPart agrees with comparing specPart texts', () => {
    const obj = fc.dictionary(
      fc.constantFrom('apiVersion', 'kind', 'metadata', 'status', 'spec', 'data'),
      value,
      { maxKeys: 5 },
    );
    fc.assert(
      fc.property(obj, obj, (a, b) => {
        expect(sameSpecPart(a, b)).toBe(specPart(a) === specPart(b));
        expect(sameSpecPart(a, reordered(a) as typeof a)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
