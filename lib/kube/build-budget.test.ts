import { describe, expect, it } from 'vitest';
import { BuildBudget } from './build-budget';

describe('BuildBudget', () => {
  it('lets a lone change through at once, however long the last build took', () => {
    const b = new BuildBudget({ burstMs: 1_000, share: 0.2 });
    b.spent(100, 300);
    // 200 ms later: 700 + 40 ms of building left, enough for another 300 ms build.
    expect(b.waitMs(300, 300)).toBe(0);
  });

  it('spaces a sustained storm so that building takes at most its share of the time', () => {
    const b = new BuildBudget({ burstMs: 1_000, share: 0.2 });
    let now = 0;
    let building = 0;
    for (let i = 0; i < 200; i++) {
      now += 50 + b.waitMs(now + 50, 100); // debounce, then the budget's wait
      b.spent(now + 100, 100);
      now += 100;
      building += 100;
    }
    // The burst allowance plus a fifth of the elapsed time.
    expect(building).toBeLessThanOrEqual(1_000 + 0.2 * now + 100);
    expect(building / now).toBeGreaterThan(0.18);
  });

  it('refills to the burst and no further', () => {
    const b = new BuildBudget({ burstMs: 500, share: 0.5 });
    b.spent(0, 500);
    expect(b.waitMs(0, 100)).toBe(200);
    expect(b.waitMs(10_000, 500)).toBe(0);
    b.spent(10_000, 500);
    expect(b.waitMs(10_000, 500)).toBe(1_000);
  });

  it('never asks for more than a full bucket, so a build longer than the burst still runs', () => {
    const b = new BuildBudget({ burstMs: 200, share: 0.2 });
    b.spent(0, 5_000);
    expect(Number.isFinite(b.waitMs(0, 5_000))).toBe(true);
    expect(b.waitMs(1e6, 5_000)).toBe(0);
  });

  it('refuses a share outside (0, 1]', () => {
    expect(() => new BuildBudget({ share: 0 })).toThrow(/share/);
    expect(() => new BuildBudget({ share: 1.5 })).toThrow(/share/);
  });
});
