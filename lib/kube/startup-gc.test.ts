import { describe, expect, it } from 'vitest';
import { collectGarbage } from './startup-gc';

describe('collectGarbage', () => {
  it('reaches V8 full collection on this Node without --expose-gc, and leaves gc unexposed', () => {
    const had = 'gc' in globalThis;
    expect(collectGarbage()).toBe(true);
    expect('gc' in globalThis).toBe(had);
  });
});
