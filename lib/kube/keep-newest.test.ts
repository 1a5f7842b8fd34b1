import { describe, expect, it } from 'vitest';
import { keepNewest } from './keep-newest';

describe('bounded recent events', () => {
  it('keeps the newest N by time, in their original order', () => {
    const items = ['b@03', 'a@01', 'c@05', 'd@02', 'e@04'].map((s) => ({
      name: s.split('@')[0],
      t: `2026-01-01T00:00:${s.split('@')[1]}Z`,
    }));
    expect(keepNewest(items, 3, (i) => i.t).map((i) => i.name)).toEqual(['b', 'c', 'e']);
    expect(keepNewest(items, 10, (i) => i.t)).toBe(items);
  });
});
