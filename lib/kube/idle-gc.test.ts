import { describe, expect, it } from 'vitest';
import { collectGarbage, DEFAULT_IDLE_GC, shouldCollect, type IdleGcState } from './idle-gc';

const MB = 1024 * 1024;
const idle = (over: Partial<IdleGcState> = {}): IdleGcState => ({
  liveBytes: 200 * MB,
  lastAt: -Infinity,
  idleSince: 0,
  ...over,
});

describe('shouldCollect', () => {
  it('collects once the loop has been idle long enough and the garbage is worth a pause', () => {
    expect(shouldCollect(idle(), { now: 2_500, elu: 0.01, heapBytes: 320 * MB })).toBe(true);
  });

  it('waits while the loop is busy, or not idle for long enough', () => {
    expect(shouldCollect(idle(), { now: 2_500, elu: 0.4, heapBytes: 320 * MB })).toBe(false);
    expect(shouldCollect(idle({ idleSince: null }), { now: 2_500, elu: 0.01, heapBytes: 320 * MB })).toBe(
      false,
    );
    expect(shouldCollect(idle({ idleSince: 1_000 }), { now: 2_500, elu: 0.01, heapBytes: 320 * MB })).toBe(
      false,
    );
  });

  it('leaves a heap near its live size alone: a pause must buy something', () => {
    // 40 MB over a 200 MB live set: under both the absolute and the relative floor.
    expect(shouldCollect(idle(), { now: 2_500, elu: 0.01, heapBytes: 240 * MB })).toBe(false);
    // 60 MB over 400 MB: over the absolute floor, under a quarter of the live size.
    expect(shouldCollect(idle({ liveBytes: 400 * MB }), { now: 2_500, elu: 0.01, heapBytes: 460 * MB })).toBe(
      false,
    );
  });

  it('collects after the start whatever the heap, since the start burst is all garbage', () => {
    expect(shouldCollect(idle({ liveBytes: null }), { now: 2_500, elu: 0, heapBytes: 10 * MB })).toBe(true);
  });

  it('never collects twice within the minimum interval', () => {
    const s = idle({ lastAt: 0 });
    expect(shouldCollect(s, { now: DEFAULT_IDLE_GC.minIntervalMs - 1, elu: 0, heapBytes: 900 * MB })).toBe(
      false,
    );
    expect(shouldCollect(s, { now: DEFAULT_IDLE_GC.minIntervalMs, elu: 0, heapBytes: 900 * MB })).toBe(true);
  });
});

describe('collectGarbage', () => {
  it('runs V8 full collection through an in-process inspector session', async () => {
    const ok = await new Promise<boolean>((resolve) => collectGarbage(resolve));
    expect(ok).toBe(true);
  });
});
