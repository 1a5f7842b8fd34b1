import { describe, expect, it } from 'vitest';
import { ApiError } from './errors';
import { matchesLabels, parseLabelSelector } from './selectors';

const m = (sel: string, labels: Record<string, string>) => matchesLabels(parseLabelSelector(sel), labels);

describe('label selectors', () => {
  it('supports =, ==, !=, in, notin, exists and !key', () => {
    const l = { app: 'web', tier: 'front' };
    expect(m('app=web', l)).toBe(true);
    expect(m('app==web', l)).toBe(true);
    expect(m('app!=web', l)).toBe(false);
    expect(m('env!=prod', l)).toBe(true);
    expect(m('tier in (front, back)', l)).toBe(true);
    expect(m('tier notin (front)', l)).toBe(false);
    expect(m('env notin (prod)', l)).toBe(true);
    expect(m('app', l)).toBe(true);
    expect(m('!app', l)).toBe(false);
    expect(m(' app = web , !env ', l)).toBe(true);
    expect(m('', l)).toBe(true);
  });

  it('rejects malformed selectors with a 400 naming the problem', () => {
    for (const bad of ['app in web', 'app in ()', 'app in (a', '=x', 'a b']) {
      let err: unknown;
      try {
        parseLabelSelector(bad);
      } catch (e) {
        err = e;
      }
      expect(err, bad).toBeInstanceOf(ApiError);
      expect((err as ApiError).code).toBe(400);
    }
  });
});
