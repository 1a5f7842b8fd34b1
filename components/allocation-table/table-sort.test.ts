import { describe, expect, it } from 'vitest';
import { paramOf, sortingOf, sortParser } from './table-sort';

describe('the table sort in the URL', () => {
  it('round-trips a column and its direction', () => {
    for (const p of ['ip', '-ip', 'service', '-announcer', 'pool']) expect(paramOf(sortingOf(p))).toBe(p);
    expect(sortingOf('-status')).toEqual([{ id: 'status', desc: true }]);
  });

  it('reads an unknown column as the default, and a cleared sort as the default', () => {
    expect(sortParser.parse('-colour')).toBeNull();
    expect(sortingOf('colour')).toEqual([{ id: 'ip', desc: false }]);
    expect(paramOf([])).toBe('ip');
  });
});
