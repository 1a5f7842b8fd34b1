import { describe, expect, it } from 'vitest';
import { GroupIndex } from './group-index';

describe('GroupIndex', () => {
  const index = () => new GroupIndex<{ g: string | null; v: number }>((x) => x.g);

  it('files each object under its group and moves it when its group changes', () => {
    const ix = index();
    expect(ix.set('k1', { g: 'a', v: 1 })).toEqual(['a']);
    expect(ix.set('k2', { g: 'a', v: 2 })).toEqual(['a']);
    expect(ix.of('a').map((x) => x.v)).toEqual([1, 2]);
    expect(ix.set('k1', { g: 'b', v: 3 })).toEqual(['a', 'b']);
    expect(ix.of('a').map((x) => x.v)).toEqual([2]);
    expect(ix.of('b').map((x) => x.v)).toEqual([3]);
    expect(ix.set('k1', { g: 'b', v: 4 })).toEqual(['b']);
    expect(ix.of('b').map((x) => x.v)).toEqual([4]);
  });

  it('forgets deleted objects, objects of no group, and groups left empty', () => {
    const ix = index();
    ix.set('k1', { g: 'a', v: 1 });
    expect(ix.set('k1', { g: null, v: 2 })).toEqual(['a']);
    expect(ix.has('a')).toBe(false);
    expect(ix.of('a')).toEqual([]);
    ix.set('k2', { g: 'b', v: 3 });
    expect(ix.set('k2', undefined)).toEqual(['b']);
    expect(ix.has('b')).toBe(false);
    expect(ix.set('k3', undefined)).toEqual([]);
  });
});
