import { describe, expect, it } from 'vitest';
import { leaseTimes } from './lease-times';

const T = Date.parse('2026-01-10T12:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

describe('lease times as the screens show them', () => {
  it('held since acquire (now), renewed and expiring as at the read', () => {
    const l = {
      acquireTime: iso(T - 3_600_000),
      renewTime: iso(T - 1_500),
      durationSeconds: 15,
      expiresAt: iso(T + 13_500),
    };
    expect(leaseTimes(l, T, T + 10_000)).toEqual({
      heldFor: 3_610_000,
      renewedBefore: 1_500,
      expiresIn: 13_500,
      used: 0.1,
    });
  });

  it('an overdue lease expired before the read; without renewTime the acquireTime counts', () => {
    const l = {
      acquireTime: iso(T - 20_000),
      renewTime: null,
      durationSeconds: 15,
      expiresAt: iso(T - 5_000),
    };
    expect(leaseTimes(l, T, T)).toMatchObject({ renewedBefore: 20_000, expiresIn: -5_000 });
    expect(leaseTimes(l, T, T).used).toBeCloseTo(20 / 15);
  });

  it('unknown fields stay unknown', () => {
    expect(
      leaseTimes({ acquireTime: null, renewTime: 'junk', durationSeconds: null, expiresAt: null }, T, T),
    ).toEqual({
      heldFor: null,
      renewedBefore: null,
      expiresIn: null,
      used: null,
    });
  });
});
