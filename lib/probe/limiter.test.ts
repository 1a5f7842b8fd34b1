import { describe, expect, it } from 'vitest';
import { createLimiter } from './limiter';

describe('createLimiter', () => {
  it('never runs more than its concurrency at once', async () => {
    const limiter = createLimiter({ concurrency: 3, perSecond: 1e6 });
    let active = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 20 }, () =>
        limiter.run(async () => {
          peak = Math.max(peak, ++active);
          await new Promise((r) => setTimeout(r, 2));
          active--;
        }),
      ),
    );
    expect(peak).toBe(3);
    expect(limiter.started).toBe(20);
  });

  it('spaces starts by the rate cap', async () => {
    const waits: number[] = [];
    const limiter = createLimiter({
      concurrency: 10,
      perSecond: 100,
      now: () => 0,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    await Promise.all(Array.from({ length: 5 }, () => limiter.run(async () => undefined)));
    // All five asked at t = 0: the first starts at once, each next one 10 ms after the previous.
    expect(waits).toEqual([10, 20, 30, 40]);
  });

  it('refuses nonsense settings', () => {
    expect(() => createLimiter({ concurrency: 0, perSecond: 1 })).toThrow(/concurrency/);
    expect(() => createLimiter({ concurrency: 1, perSecond: 0 })).toThrow(/perSecond/);
  });
});
