import { describe, expect, it } from 'vitest';
import { shareSecret, signableView, signShareLink, verifyShareLink } from './share-links';

const SECRET = 'a'.repeat(32);
const NOW = Date.parse('2026-01-10T12:00:00Z');
const HOUR = 3600_000;

describe('signed share links', () => {
  const token = signShareLink('/addresses?pool=pool', NOW + HOUR, SECRET);

  it('open their view until they expire', () => {
    expect(verifyShareLink(token, SECRET, NOW)).toEqual({
      ok: true,
      view: '/addresses?pool=pool',
      expiresAt: '2026-01-10T13:00:00.000Z',
    });
    expect(verifyShareLink(token, SECRET, NOW + HOUR)).toEqual({
      ok: false,
      reason: 'expired',
      expiresAt: '2026-01-10T13:00:00.000Z',
    });
  });

  it('are refused when the view, the expiry or the signature was changed, or the secret rotated', () => {
    const [payload, sig] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ view: '/addresses', exp: 4102444800 })).toString('base64url');
    expect(verifyShareLink(`${forged}.${sig}`, SECRET, NOW)).toEqual({ ok: false, reason: 'tampered' });
    const flipped = sig.slice(0, -2) + (sig.at(-2) === 'A' ? 'B' : 'A') + sig.at(-1);
    expect(verifyShareLink(`${payload}.${flipped}`, SECRET, NOW)).toEqual({ ok: false, reason: 'tampered' });
    expect(verifyShareLink(token, 'b'.repeat(32), NOW)).toEqual({ ok: false, reason: 'tampered' });
    expect(verifyShareLink(`${payload}.${sig}x`, SECRET, NOW)).toEqual({ ok: false, reason: 'tampered' });
  });

  it('are refused when they are not tokens at all', () => {
    for (const bad of ['', 'abc', 'a.b.c', 'a b.c', '../etc/passwd'])
      expect(verifyShareLink(bad, SECRET, NOW)).toMatchObject({ ok: false, reason: 'malformed' });
  });

  it('show only an allocation table, in one spelling', () => {
    expect(signableView('/addresses?sort=-service&pool=pool&share=1&x=y')).toEqual({
      ok: true,
      view: '/addresses?pool=pool&sort=-service',
    });
    expect(signableView('/pools/lab')).toEqual({ ok: true, view: '/pools/lab' });
    for (const bad of [
      '/what-if',
      '/api/inventory',
      'https://evil.example/addresses',
      '//evil.example/addresses',
      'addresses',
    ])
      expect(signableView(bad)).toMatchObject({ ok: false });
  });

  it('are off without a secret, and refuse a short one', () => {
    expect(shareSecret({})).toBeNull();
    expect(shareSecret({ LBIPAM_SHARE_SECRET: 'short' })).toMatchObject({
      ok: false,
      error: expect.stringContaining('32 characters'),
    });
    expect(shareSecret({ LBIPAM_SHARE_SECRET: SECRET })).toEqual({ ok: true, secret: SECRET });
  });
});
