import { createHmac, timingSafeEqual } from 'node:crypto';

// Signed share links: a read-only allocation view anyone holding the link may open until it expires
// — meant for a dashboard that requires sign-in (the production issue), where the link is the only
// way in without credentials. The token is the view and its expiry, with an HMAC-SHA256 over both
// under the server's secret (LBIPAM_SHARE_SECRET): changing either breaks the signature, rotating
// the secret revokes every link at once. Nothing is stored.

/** Shorter secrets are refused: a guessable key would let anyone mint links. */
export const MIN_SECRET_LENGTH = 32;
/** The longest a link may live (90 days). */
export const MAX_TTL_SECONDS = 90 * 24 * 3600;
const CONTEXT = 'lbipam-share-link-v1\n';

export type SecretConfig = { ok: true; secret: string } | { ok: false; error: string } | null;

/** The signing secret from the environment: null when links are off, an error when it is too short. */
export function shareSecret(env: Record<string, string | undefined> = process.env): SecretConfig {
  const secret = env.LBIPAM_SHARE_SECRET;
  if (!secret) return null;
  if (secret.length < MIN_SECRET_LENGTH)
    return {
      ok: false,
      error: `LBIPAM_SHARE_SECRET is too short: it needs ${MIN_SECRET_LENGTH} characters or more (e.g. openssl rand -hex 32)`,
    };
  return { ok: true, secret };
}

/** The query a signed allocation view may carry (its filters, sort and selected address). */
const VIEW_PARAMS = ['q', 'status', 'pool', 'sort', 'ip'] as const;

/**
 * An allocation view a link may show: `/addresses` or `/pools/<name>`, with only the table's own
 * query; returned in one canonical spelling (so the signature covers one string per view).
 */
export function signableView(view: string): { ok: true; view: string } | { ok: false; error: string } {
  let url: URL;
  try {
    url = new URL(view, 'http://view.invalid');
  } catch {
    return { ok: false, error: 'expected a path such as /addresses?pool=pool' };
  }
  if (url.origin !== 'http://view.invalid' || !view.startsWith('/'))
    return { ok: false, error: 'expected a path of this dashboard, such as /addresses?pool=pool' };
  if (url.pathname !== '/addresses' && !/^\/pools\/[^/]+$/.test(url.pathname))
    return { ok: false, error: 'a signed link shows an allocation table: /addresses or /pools/<name>' };
  const query = new URLSearchParams();
  for (const key of VIEW_PARAMS) {
    const value = url.searchParams.get(key);
    if (value) query.set(key, value);
  }
  const q = query.toString();
  return { ok: true, view: `${url.pathname}${q ? `?${q}` : ''}` };
}

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64url');
const mac = (secret: string, payload: string) =>
  createHmac('sha256', secret)
    .update(CONTEXT + payload)
    .digest();

/** `<payload>.<signature>`, both base64url; the payload is `{"view","exp"}` (exp in epoch seconds). */
export function signShareLink(view: string, expiresAtMs: number, secret: string): string {
  const payload = b64(JSON.stringify({ view, exp: Math.floor(expiresAtMs / 1000) }));
  return `${payload}.${b64(mac(secret, payload))}`;
}

export type VerifiedLink =
  | { ok: true; view: string; expiresAt: string }
  | { ok: false; reason: 'malformed' | 'tampered' }
  | { ok: false; reason: 'expired'; expiresAt: string };

export function verifyShareLink(token: string, secret: string, nowMs: number): VerifiedLink {
  const parts = token.split('.');
  if (parts.length !== 2 || !/^[\w-]+$/.test(parts[0]) || !/^[\w-]+$/.test(parts[1]))
    return { ok: false, reason: 'malformed' };
  const [payload, signature] = parts;
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(secret, payload);
  // Checked before the payload is read: nothing of an unsigned payload is believed.
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'tampered' };
  let claims: { view?: unknown; exp?: unknown };
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const view = typeof claims.view === 'string' ? signableView(claims.view) : null;
  if (!view?.ok || typeof claims.exp !== 'number' || !Number.isFinite(claims.exp))
    return { ok: false, reason: 'malformed' };
  const expiresAt = new Date(claims.exp * 1000).toISOString();
  if (claims.exp * 1000 <= nowMs) return { ok: false, reason: 'expired', expiresAt };
  return { ok: true, view: view.view, expiresAt };
}

/** A link as the page that opens it checks it: with this dashboard's secret, now. */
export function checkShareLink(token: string): VerifiedLink | { ok: false; reason: 'off' } {
  const config = shareSecret();
  if (!config?.ok) return { ok: false, reason: 'off' };
  return verifyShareLink(token, config.secret, Date.now());
}
