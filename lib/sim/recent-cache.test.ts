import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RecentCache } from './recent-cache';

describe('RecentCache', () => {
  it('keeps exactly the last `max` distinct keys set, with their last values', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.array(fc.tuple(fc.nat(8), fc.nat())), (max, sets) => {
        const cache = new RecentCache<number, number>(max);
        for (const [k, v] of sets) cache.set(k, v);
        // The model: keys by their last set, newest last.
        const last = new Map<number, number>();
        for (const [k, v] of sets) {
          last.delete(k);
          last.set(k, v);
        }
        const kept = [...last].slice(-max);
        expect(cache.size).toBe(kept.length);
        for (const [k, v] of kept) expect(cache.get(k)).toBe(v);
        for (const k of last.keys()) if (!kept.some(([x]) => x === k)) expect(cache.get(k)).toBeUndefined();
      }),
    );
  });

  it('refuses a size below one', () => {
    expect(() => new RecentCache(0)).toThrow(RangeError);
  });
});
