import { describe, expect, it } from 'vitest';
import { collectGarbage } from './startup-gc';

describe('collectGarbage', () => {
  it('runs V8 full collection through an in-process inspector session', async () => {
    const ok = await new Promise<boolean>((resolve) => collectGarbage(resolve));
    expect(ok).toBe(true);
  });
});
