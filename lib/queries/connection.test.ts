import { describe, expect, it } from 'vitest';
import {
  STALE_AFTER_MS,
  describeConnection,
  elapsed,
  initialConnection,
  reduceConnection,
} from './connection';

const t0 = new Date(2026, 0, 5, 12, 3, 4).getTime();

describe('connection state', () => {
  it('goes live on open and stays live on events', () => {
    const s = reduceConnection(reduceConnection(initialConnection, { type: 'open', at: t0 }), {
      type: 'event',
      at: t0 + 5,
    });
    expect(s).toEqual({ status: 'live', lostAt: null, lastEventAt: t0 + 5 });
    expect(describeConnection(s, t0 + 10).label).toBe('live');
  });

  it('keeps the first moment of loss across repeated retries', () => {
    let s = reduceConnection(initialConnection, { type: 'open', at: t0 - 1000 });
    s = reduceConnection(s, { type: 'error', at: t0, closed: false });
    s = reduceConnection(s, { type: 'error', at: t0 + 3000, closed: false });
    expect(s.lostAt).toBe(t0);
    expect(describeConnection(s, t0 + 3000)).toMatchObject({
      status: 'reconnecting',
      detail: expect.stringContaining('3 s'),
    });
  });

  it('shows a long reconnect as stale since the time the stream was lost', () => {
    const s = reduceConnection(initialConnection, { type: 'error', at: t0, closed: false });
    const shown = describeConnection(s, t0 + STALE_AFTER_MS + 65_000);
    expect(shown.status).toBe('stale');
    expect(shown.label).toBe('stale since 12:03:04');
    expect(shown.detail).toContain('1 min');
  });

  it('is stale at once when EventSource gives up, and live again after reopening', () => {
    let s = reduceConnection(initialConnection, { type: 'error', at: t0, closed: true });
    expect(describeConnection(s, t0).status).toBe('stale');
    s = reduceConnection(s, { type: 'open', at: t0 + 9000 });
    expect(s.status).toBe('live');
    expect(s.lostAt).toBeNull();
  });

  it('formats elapsed time coarsely', () => {
    expect(elapsed(4_900)).toBe('4 s');
    expect(elapsed(125_000)).toBe('2 min');
    expect(elapsed(3_600_000 + 5 * 60_000)).toBe('1 h 5 min');
  });
});
