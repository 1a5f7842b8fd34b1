import type { AuthMode } from './mode';
import {
  cookie,
  CSRF_COOKIE,
  newCsrfToken,
  secretEquals,
  SESSION_COOKIE,
  SESSION_MS,
  signCookie,
  VIEW_COOKIE,
} from './session';

// Token mode's sign-in: a plain HTML form (no script, so it works under any CSP), the token
// checked in constant time, a session cookie on success, and a pause for an address that keeps
// guessing.

export interface Answer {
  status: number;
  headers: Record<string, string | string[]>;
  body: string;
}

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Only a path of this dashboard: never another origin (`//evil.example`, `https://…`). */
export const safeNext = (next: string | null | undefined): string =>
  next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\')
    ? next.slice(0, 2000)
    : '/';

export function signInPage(next: string, error: string | null, status = 200): Answer {
  const body = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in · lbipam-dashboard</title>
<style>
body{margin:0;font:14px/1.5 ui-sans-serif,system-ui,sans-serif;background:#f4f4f5;color:#18181b;display:grid;place-items:center;min-height:100vh}
form{background:#fff;border:1px solid #e4e4e7;border-radius:8px;padding:24px;width:min(360px,90vw);box-shadow:0 1px 2px rgba(0,0,0,.04)}
h1{font-size:15px;margin:0 0 4px}p{margin:0 0 16px;color:#52525b;font-size:13px}
label{display:block;font-size:12px;font-weight:600;margin-bottom:4px}
input{box-sizing:border-box;width:100%;padding:6px 8px;border:1px solid #d4d4d8;border-radius:6px;font:13px ui-monospace,monospace}
input:focus{outline:2px solid #0284c7;outline-offset:1px}
button{margin-top:12px;width:100%;padding:6px;border:0;border-radius:6px;background:#0284c7;color:#fff;font-weight:600;cursor:pointer}
.error{color:#be123c;background:#fff1f2;border:1px solid #fecdd3;border-radius:6px;padding:6px 8px}
</style></head><body>
<form method="post" action="/sign-in">
<h1>lbipam-dashboard</h1>
<p>Sign in with the dashboard's token (the file named by auth.tokenFile).</p>
${error ? `<p class="error" role="alert" data-testid="sign-in-error">${escape(error)}</p>` : ''}
<label for="token">Token</label>
<input id="token" name="token" type="password" autocomplete="current-password" required autofocus>
<input type="hidden" name="next" value="${escape(next)}">
<button type="submit">Sign in</button>
</form></body></html>
`;
  return {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
    body,
  };
}

/** At most `max` failed sign-ins per address in a window; then that address waits out the window. */
export class SignInLimiter {
  private failures = new Map<string, { count: number; since: number }>();
  constructor(
    private readonly max = 5,
    private readonly windowMs = 60_000,
  ) {}
  blockedFor(remote: string, now: number): number {
    const f = this.failures.get(remote);
    if (!f || now - f.since >= this.windowMs) return 0;
    return f.count >= this.max ? this.windowMs - (now - f.since) : 0;
  }
  failed(remote: string, now: number) {
    const f = this.failures.get(remote);
    if (!f || now - f.since >= this.windowMs) this.failures.set(remote, { count: 1, since: now });
    else f.count++;
    if (this.failures.size > 10_000) this.failures.clear(); // bounded: a flood forgets, never grows
  }
  succeeded(remote: string) {
    this.failures.delete(remote);
  }
}

export function signIn(
  form: string,
  auth: Extract<AuthMode, { mode: 'token' }>,
  o: { remote: string; now: number; secure: boolean; limiter: SignInLimiter },
): Answer {
  const params = new URLSearchParams(form);
  const next = safeNext(params.get('next'));
  const wait = o.limiter.blockedFor(o.remote, o.now);
  if (wait > 0)
    return signInPage(
      next,
      `Too many wrong tokens from this address: wait ${Math.ceil(wait / 1000)} s.`,
      429,
    );
  const token = (params.get('token') ?? '').trim();
  if (!token || !secretEquals(token, auth.token)) {
    o.limiter.failed(o.remote, o.now);
    return signInPage(next, token ? 'That token is not this dashboard’s.' : 'Enter the token.', 401);
  }
  o.limiter.succeeded(o.remote);
  const opts = { secure: o.secure };
  return {
    status: 303,
    headers: {
      location: next,
      'cache-control': 'no-store',
      'set-cookie': [
        cookie(SESSION_COOKIE, signCookie(auth.token, 'session', 'token user', o.now + SESSION_MS), {
          maxAgeS: SESSION_MS / 1000,
          httpOnly: true,
          ...opts,
        }),
        cookie(CSRF_COOKIE, newCsrfToken(), { maxAgeS: SESSION_MS / 1000, httpOnly: false, ...opts }),
      ],
    },
    body: '',
  };
}

export function signOut(secure: boolean): Answer {
  const gone = (name: string, httpOnly: boolean) => cookie(name, '', { maxAgeS: 0, httpOnly, secure });
  return {
    status: 303,
    headers: {
      location: '/sign-in',
      'cache-control': 'no-store',
      'set-cookie': [gone(SESSION_COOKIE, true), gone(CSRF_COOKIE, false), gone(VIEW_COOKIE, true)],
    },
    body: '',
  };
}
