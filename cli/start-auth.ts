// What `lbipam start` does with the config and sign-in before Next sees a request: the settings
// (lib/config) checked and handed on as environment variables, and each request's auth decision
// (lib/auth) applied to the socket — the sign-in form, the sign-out, the refusals, the cookies, and
// the user passed on to Next in a header no client can set.
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import type { TLSSocket } from 'node:tls';
import { resolveConfig } from '../lib/config/load';
import { decide } from '../lib/auth/decide';
import type { AuthMode } from '../lib/auth/mode';
import { signIn, signInPage, signOut, safeNext, type Answer, type SignInLimiter } from '../lib/auth/sign-in';
import { MIN_SECRET_LENGTH } from '../lib/kube/share-links';

/** The header Next's routes read the signed-in user from (set here only; a client's is dropped). */
export const USER_HEADER = 'x-lbipam-user';

/** The config file (or none) and the environment, checked; on success the environment holds the result. */
export function loadSettings(
  configFile: string | undefined,
): { env: Record<string, string> } | { error: string } {
  let text: string | null = null;
  const file = configFile ? path.resolve(configFile) : '';
  if (configFile) {
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      return { error: `cannot read the config file ${configFile}: ${(err as Error).message}` };
    }
  }
  const r = resolveConfig(text, configFile ?? 'config', process.env);
  if (!r.ok) return { error: r.error };
  for (const [k, v] of Object.entries(r.config.env)) process.env[k] = v;
  if (configFile) process.env.LBIPAM_CONFIG = file;
  const secretFile = process.env.LBIPAM_SHARE_SECRET_FILE;
  if (secretFile && !process.env.LBIPAM_SHARE_SECRET) {
    try {
      process.env.LBIPAM_SHARE_SECRET = readFileSync(secretFile, 'utf8').trim();
    } catch (err) {
      return { error: `share.secretFile: cannot read ${secretFile}: ${(err as Error).message}` };
    }
  }
  return { env: r.config.env };
}

/** The share links' secret when links are on and it is long enough (a short one signs nothing). */
export function shareSecretFrom(env: Record<string, string | undefined>): string | null {
  const s = env.LBIPAM_SHARE_SECRET;
  return s && s.length >= MIN_SECRET_LENGTH ? s : null;
}

function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= limit) chunks.push(c);
    });
    req.on('end', () => resolve(size > limit ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(null));
  });
}

interface Ctx {
  auth: AuthMode;
  shareSecret: string | null;
  loopback: boolean;
  signIns: SignInLimiter;
}

/**
 * 'pass' when Next should answer (the user header and any cookies set on `res`), else the answer
 * to write (null when already written).
 */
export function authorize(
  req: IncomingMessage,
  res: ServerResponse,
  c: Ctx,
): 'pass' | Promise<Answer | null> {
  delete req.headers[USER_HEADER];
  const secure = !!(req.socket as TLSSocket).encrypted;
  const url = req.url ?? '/';
  const pathname = url.split('?')[0] ?? '/';
  const method = (req.method ?? 'GET').toUpperCase();
  if (pathname === '/sign-in' || pathname === '/sign-in/') {
    const next = safeNext(new URLSearchParams(url.split('?')[1] ?? '').get('next'));
    if (c.auth.mode !== 'token')
      return Promise.resolve({ status: 303, headers: { location: next }, body: '' });
    if (method !== 'POST') return Promise.resolve(signInPage(next, null));
    const token = c.auth;
    return readBody(req, 4096).then((body) =>
      body === null
        ? signInPage(next, 'The form is too large.', 413)
        : signIn(body, token, {
            remote: req.socket.remoteAddress ?? '',
            now: Date.now(),
            secure,
            limiter: c.signIns,
          }),
    );
  }
  const d = decide(
    { method, url, headers: req.headers, remote: req.socket.remoteAddress, secure },
    { auth: c.auth, shareSecret: c.shareSecret, loopback: c.loopback, now: Date.now() },
  );
  if (d.kind === 'answer') return Promise.resolve(d);
  if (d.setCookies.length > 0) res.setHeader('set-cookie', d.setCookies);
  if ((pathname === '/sign-out' || pathname === '/sign-out/') && method === 'POST')
    return Promise.resolve(signOut(secure));
  if (d.user) req.headers[USER_HEADER] = encodeURIComponent(d.user);
  return 'pass';
}
