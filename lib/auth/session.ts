import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// Signed cookies for token mode: a session (who, until when) under a key derived from the token,
// so replacing the token file signs everyone out; and the viewer pass a valid share link grants
// (read-only, until the link expires). Nothing is stored on the server.

export const SESSION_COOKIE = 'lbipam_session';
export const VIEW_COOKIE = 'lbipam_view';
export { CSRF_COOKIE, CSRF_HEADER } from './names';
/** A sign-in lasts this long (ms). */
export const SESSION_MS = 12 * 3600 * 1000;

const b64 = (b: Buffer | string) => Buffer.from(b).toString('base64url');

function keyed(secret: string, purpose: string): (payload: string) => Buffer {
  const key = createHmac('sha256', secret).update(`lbipam-${purpose}-v1`).digest();
  return (payload) => createHmac('sha256', key).update(payload).digest();
}

const same = (a: Buffer, b: Buffer) => a.length === b.length && timingSafeEqual(a, b);

/** `<user>.<expiry s>.<signature>`, base64url parts. */
export function signCookie(
  secret: string,
  purpose: 'session' | 'view',
  subject: string,
  expiresAtMs: number,
) {
  const payload = `${b64(subject)}.${Math.floor(expiresAtMs / 1000)}`;
  return `${payload}.${b64(keyed(secret, purpose)(payload))}`;
}

/** The subject of a valid, unexpired cookie; null otherwise (nothing of an unsigned value is read). */
export function verifyCookie(
  secret: string,
  purpose: 'session' | 'view',
  value: string | undefined,
  nowMs: number,
): string | null {
  if (!value) return null;
  const parts = value.split('.');
  if (parts.length !== 3 || !parts.every((p) => /^[\w-]+$/.test(p))) return null;
  const [subject, exp, signature] = parts as [string, string, string];
  if (!same(Buffer.from(signature, 'base64url'), keyed(secret, purpose)(`${subject}.${exp}`))) return null;
  if (!/^\d{1,12}$/.test(exp) || Number(exp) * 1000 <= nowMs) return null;
  return Buffer.from(subject, 'base64url').toString('utf8');
}

/** Constant-time comparison of a presented secret with the expected one. */
export function secretEquals(given: string, expected: string): boolean {
  const a = createHmac('sha256', 'compare').update(given).digest();
  const b = createHmac('sha256', 'compare').update(expected).digest();
  return timingSafeEqual(a, b) && given.length === expected.length;
}

export const newCsrfToken = () => randomBytes(24).toString('base64url');

/** Cookies of a request header, by name (the first of each). */
export function readCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i <= 0) continue;
    const k = part.slice(0, i).trim();
    if (!out.has(k)) {
      try {
        out.set(k, decodeURIComponent(part.slice(i + 1).trim()));
      } catch {
        // a cookie that is not valid percent-encoding is nobody's
      }
    }
  }
  return out;
}

export function cookie(
  name: string,
  value: string,
  o: { maxAgeS: number; httpOnly: boolean; secure: boolean },
): string {
  return [
    `${name}=${encodeURIComponent(value)}`,
    'Path=/',
    `Max-Age=${o.maxAgeS}`,
    'SameSite=Lax',
    ...(o.httpOnly ? ['HttpOnly'] : []),
    ...(o.secure ? ['Secure'] : []),
  ].join('; ');
}
