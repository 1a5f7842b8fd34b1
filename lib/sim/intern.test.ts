import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cloneInterned, intern } from './intern';

describe('intern', () => {
  it('returns an equal string, for any string (numeric-looking ones too)', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(intern(s)).toBe(s);
      }),
    );
    for (const s of ['', '0', '42', '-1', '4294967295', '__proto__', 'constructor', 'a'.repeat(5000)])
      expect(intern(s)).toBe(s);
  });
});

describe('cloneInterned', () => {
  it('is a deep, independent copy equal to structuredClone for JSON-like data', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const copy = cloneInterned(v);
        expect(copy).toEqual(structuredClone(v));
        if (v !== null && typeof v === 'object') expect(copy).not.toBe(v);
      }),
    );
  });

  it('copies nested objects and arrays (editing the copy leaves the original alone)', () => {
    const src = { metadata: { labels: { app: 'x' } }, spec: { ports: [{ port: 80 }] } };
    const copy = cloneInterned(src);
    copy.metadata.labels.app = 'y';
    copy.spec.ports[0].port = 81;
    expect(src).toEqual({ metadata: { labels: { app: 'x' } }, spec: { ports: [{ port: 80 }] } });
  });

  it('keeps undefined fields and copies other objects as structuredClone does', () => {
    const when = new Date(0);
    const copy = cloneInterned({ a: undefined, when });
    expect('a' in copy).toBe(true);
    expect(copy.when).toEqual(when);
    expect(copy.when).not.toBe(when);
  });
});
