import { verifyShareLink } from '../kube/share-links';
import { fromTrustedProxy, type AuthMode } from './mode';
import {
  cookie,
  CSRF_COOKIE,
  CSRF_HEADER,
  newCsrfToken,
  readCookies,
  secretEquals,
  SESSION_COOKIE,
  signCookie,
  verifyCookie,
  VIEW_COOKIE,
} from './session';

// Every request's one decision before Next sees it: who is asking (a signed-in user, a proxy's
// user, a Bearer client, a share link's viewer, or nobody), whether that may reach this path, and
// whether a state-changing request is the dashboard's own page asking (CSRF). Pure but for the
// clock and the randomness of a new CSRF token.

export interface AuthRequest {
  method: string;
  /** Path and query as requested. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  remote?: string;
  /** Served over TLS (directly or per X-Forwarded-Proto from a trusted hop): cookies are Secure. */
  secure: boolean;
}

export interface AuthContext {
  auth: AuthMode;
  /** The share links' secret, when links are on: a valid link admits its viewer. */
  shareSecret: string | null;
  /** Whether the server listens on loopback only (then `none` may write). */
  loopback: boolean;
  now: number;
}

export type AuthDecision =
  | { kind: 'pass'; user: string | null; viewer: boolean; setCookies: string[] }
  | { kind: 'answer'; status: number; headers: Record<string, string>; body: string };

/** Paths nobody needs to sign in for: health probes, the sign-in page and what it loads. */
const PUBLIC = [/^\/api\/health\/?$/, /^\/sign-in\/?$/, /^\/_next\/static\//, /^\/favicon\.ico$/];
/** What a share link's viewer may read besides the link itself: the data its table shows. */
const VIEWER = [/^\/s\/[\w.-]+\/?$/, /^\/api\/inventory\/?$/, /^\/api\/events\/?$/, /^\/_next\//];
/** Requests that create objects in the cluster: never without a user. */
const WRITES = [/^\/api\/reserve\/apply\/?$/];
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

const one = (h: string | string[] | undefined) => (Array.isArray(h) ? h[0] : h);

const json = (status: number, error: string, code: string): AuthDecision => ({
  kind: 'answer',
  status,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  body: JSON.stringify({ error, code }),
});

/** The user a request carries, by the mode's rule; null when it carries none. */
function userOf(
  req: AuthRequest,
  c: AuthContext,
  cookies: Map<string, string>,
): { user: string; bearer: boolean } | null {
  const a = c.auth;
  if (a.mode === 'none') return { user: 'local', bearer: false };
  if (a.mode === 'token') {
    const authz = one(req.headers.authorization);
    if (authz?.startsWith('Bearer '))
      return secretEquals(authz.slice(7).trim(), a.token) ? { user: 'token', bearer: true } : null;
    const user = verifyCookie(a.token, 'session', cookies.get(SESSION_COOKIE), c.now);
    return user ? { user, bearer: false } : null;
  }
  if (!fromTrustedProxy(req.remote, a.trusted)) return null;
  const user = one(req.headers[a.userHeader])?.trim();
  return user && user.length <= 256 ? { user, bearer: false } : null;
}

/** A state-changing request from a browser must come from this dashboard's own pages. */
function csrfProblem(req: AuthRequest, c: AuthContext, cookies: Map<string, string>): string | null {
  const site = one(req.headers['sec-fetch-site']);
  if (site && site !== 'same-origin' && site !== 'none')
    return `a ${site} request may not change anything here (it did not come from this dashboard's pages)`;
  const origin = one(req.headers.origin);
  if (origin && origin !== 'null') {
    let host: string | null = null;
    try {
      host = new URL(origin).host;
    } catch {
      // unparseable: refused below
    }
    if (host !== one(req.headers.host))
      return `a request from ${origin.slice(0, 100)} may not change anything here`;
  }
  // A signed-in browser carries its session by cookie: it must also show the CSRF token that only
  // this dashboard's pages can read (double submit).
  if (c.auth.mode !== 'none' && !/^\/sign-out\/?$/.test(new URL(req.url, 'http://x.invalid').pathname)) {
    const sent = one(req.headers[CSRF_HEADER]);
    const expected = cookies.get(CSRF_COOKIE);
    if (!sent || !expected || !secretEquals(sent, expected))
      return `the request lacks this session's CSRF token (${CSRF_HEADER}); reload the page and try again`;
  }
  return null;
}

export function decide(req: AuthRequest, c: AuthContext): AuthDecision {
  let url: URL;
  try {
    url = new URL(req.url, 'http://dashboard.invalid');
  } catch {
    return json(400, 'the request target is not a valid path', 'bad-path');
  }
  const path = url.pathname;
  const method = req.method.toUpperCase();
  const cookies = readCookies(one(req.headers.cookie));
  const setCookies: string[] = [];
  const cookieOpts = { secure: req.secure };

  if (PUBLIC.some((p) => p.test(path))) return { kind: 'pass', user: null, viewer: false, setCookies };
  const who = userOf(req, c, cookies);

  if (!who) {
    // A share link's viewer: the link itself (checked here, then again by its page), then the
    // data its table reads, by the pass the link gave — read-only, until the link expires.
    const link = /^\/s\/([\w.-]+)\/?$/.exec(path)?.[1];
    if (SAFE.has(method) && c.shareSecret) {
      if (link) {
        const v = verifyShareLink(link, c.shareSecret, c.now);
        if (v.ok) {
          const exp = Date.parse(v.expiresAt);
          setCookies.push(
            cookie(VIEW_COOKIE, signCookie(c.shareSecret, 'view', 'viewer', exp), {
              maxAgeS: Math.max(1, Math.floor((exp - c.now) / 1000)),
              httpOnly: true,
              ...cookieOpts,
            }),
          );
        }
        // An invalid link's page says so itself, with no data.
        return { kind: 'pass', user: null, viewer: true, setCookies };
      }
      if (
        verifyCookie(c.shareSecret, 'view', cookies.get(VIEW_COOKIE), c.now) &&
        VIEWER.some((p) => p.test(path))
      )
        return { kind: 'pass', user: null, viewer: true, setCookies };
    }
    if (path.startsWith('/api/') || !SAFE.has(method))
      return json(
        401,
        c.auth.mode === 'token'
          ? 'sign in first: open the dashboard and sign in, or send the token as "Authorization: Bearer <token>"'
          : 'this dashboard is behind a sign-in proxy: the request did not come through it with a user',
        'unauthenticated',
      );
    if (c.auth.mode === 'token')
      return {
        kind: 'answer',
        status: 303,
        headers: {
          location: `/sign-in?next=${encodeURIComponent(path + url.search)}`,
          'cache-control': 'no-store',
        },
        body: '',
      };
    return {
      kind: 'answer',
      status: 401,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
      body: 'This dashboard is behind a sign-in proxy: open it through the proxy.\n',
    };
  }

  if (!SAFE.has(method) && !who.bearer) {
    const problem = csrfProblem(req, c, cookies);
    if (problem) return json(403, problem, 'csrf');
  }
  if (!SAFE.has(method) && WRITES.some((p) => p.test(path)) && c.auth.mode === 'none' && !c.loopback)
    return json(
      403,
      'writing needs a signed-in user: this dashboard serves other machines without sign-in (set auth.mode to token or proxy)',
      'unauthenticated',
    );
  // The page's scripts read the CSRF token from this cookie and send it back with each POST.
  if (c.auth.mode !== 'none' && !cookies.get(CSRF_COOKIE) && SAFE.has(method) && !path.startsWith('/api/'))
    setCookies.push(
      cookie(CSRF_COOKIE, newCsrfToken(), { maxAgeS: 12 * 3600, httpOnly: false, ...cookieOpts }),
    );
  return { kind: 'pass', user: who.user, viewer: false, setCookies };
}
