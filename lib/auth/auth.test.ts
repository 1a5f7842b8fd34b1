import { describe, expect, it } from 'vitest';
import { signShareLink } from '../kube/share-links';
import { decide, type AuthContext, type AuthRequest } from './decide';
import { listenProblem, readAuthMode, type AuthMode } from './mode';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE, signCookie, verifyCookie, VIEW_COOKIE } from './session';
import { safeNext, signIn, SignInLimiter } from './sign-in';

const NOW = Date.parse('2026-12-03T12:00:00Z');
const TOKEN = 'a-token-of-the-dashboard-0123';
const SECRET = 'share-secret-0123456789abcdef-0123456789';
const token: AuthMode = { mode: 'token', token: TOKEN };
const ctx = (auth: AuthMode, o: Partial<AuthContext> = {}): AuthContext => ({
  auth,
  shareSecret: SECRET,
  loopback: true,
  now: NOW,
  ...o,
});
const req = (
  method: string,
  url: string,
  headers: AuthRequest['headers'] = {},
  remote = '127.0.0.1',
): AuthRequest => ({
  method,
  url,
  headers: { host: 'dash.lan', ...headers },
  remote,
  secure: false,
});
const session = signCookie(TOKEN, 'session', 'token user', NOW + 3600_000);
const signedIn = (extra: Record<string, string> = {}) => ({
  cookie: `${SESSION_COOKIE}=${session}; ${CSRF_COOKIE}=csrf-1`,
  ...extra,
});
const status = (d: ReturnType<typeof decide>) => (d.kind === 'pass' ? 'pass' : d.status);

describe('token mode', () => {
  it('sends a browser without a session to sign in, and an API client a 401 that says how', () => {
    const page = decide(req('GET', '/pools/lab?x=1'), ctx(token));
    expect(page).toMatchObject({
      kind: 'answer',
      status: 303,
      headers: { location: '/sign-in?next=%2Fpools%2Flab%3Fx%3D1' },
    });
    const api = decide(req('GET', '/api/inventory'), ctx(token));
    expect(api).toMatchObject({ kind: 'answer', status: 401 });
    expect(api.kind === 'answer' && JSON.parse(api.body).error).toMatch(/Authorization: Bearer/);
    expect(status(decide(req('GET', '/api/health'), ctx(token)))).toBe('pass');
    expect(status(decide(req('GET', '/_next/static/chunks/a.js'), ctx(token)))).toBe('pass');
  });

  it('admits a valid session or the Bearer token; not a wrong, expired or altered one', () => {
    expect(decide(req('GET', '/', signedIn()), ctx(token))).toMatchObject({
      kind: 'pass',
      user: 'token user',
    });
    expect(
      decide(req('GET', '/api/inventory', { authorization: `Bearer ${TOKEN}` }), ctx(token)),
    ).toMatchObject({
      kind: 'pass',
      user: 'token',
    });
    expect(status(decide(req('GET', '/api/inventory', { authorization: 'Bearer nope' }), ctx(token)))).toBe(
      401,
    );
    const expired = signCookie(TOKEN, 'session', 'token user', NOW - 1);
    expect(
      status(decide(req('GET', '/api/inventory', { cookie: `${SESSION_COOKIE}=${expired}` }), ctx(token))),
    ).toBe(401);
    const altered = session.replace(/^[^.]+/, Buffer.from('admin').toString('base64url'));
    expect(
      status(decide(req('GET', '/api/inventory', { cookie: `${SESSION_COOKIE}=${altered}` }), ctx(token))),
    ).toBe(401);
    // A new token signs everyone out.
    expect(verifyCookie('another-token-000000000', 'session', session, NOW)).toBeNull();
  });

  it('a POST needs the CSRF token beside the session cookie, and comes from this dashboard', () => {
    const post = (headers: Record<string, string>) =>
      decide(req('POST', '/api/reserve/apply', headers), ctx(token));
    expect(
      status(
        post(
          signedIn({ [CSRF_HEADER]: 'csrf-1', 'sec-fetch-site': 'same-origin', origin: 'http://dash.lan' }),
        ),
      ),
    ).toBe('pass');
    const missing = post(signedIn());
    expect(missing).toMatchObject({ kind: 'answer', status: 403 });
    expect(missing.kind === 'answer' && JSON.parse(missing.body)).toMatchObject({ code: 'csrf' });
    expect(status(post(signedIn({ [CSRF_HEADER]: 'csrf-2' })))).toBe(403);
    expect(status(post(signedIn({ [CSRF_HEADER]: 'csrf-1', 'sec-fetch-site': 'cross-site' })))).toBe(403);
    expect(status(post(signedIn({ [CSRF_HEADER]: 'csrf-1', origin: 'http://evil.example' })))).toBe(403);
    // A Bearer client carries nothing ambient: no CSRF token needed.
    expect(status(post({ authorization: `Bearer ${TOKEN}` }))).toBe('pass');
  });

  it('gives a signed-in page a CSRF cookie when it has none', () => {
    const d = decide(req('GET', '/', { cookie: `${SESSION_COOKIE}=${session}` }), ctx(token));
    expect(d.kind === 'pass' && d.setCookies[0]).toMatch(
      new RegExp(`^${CSRF_COOKIE}=[\\w-]{20,}; Path=/; Max-Age=43200; SameSite=Lax$`),
    );
  });
});

describe('a share link in token mode', () => {
  const link = signShareLink('/addresses?pool=pool', NOW + 3600_000, SECRET);
  it('admits its viewer to the link and the data its table reads, never to writes or other screens', () => {
    const opened = decide(req('GET', `/s/${link}`), ctx(token));
    expect(opened).toMatchObject({ kind: 'pass', viewer: true, user: null });
    const pass =
      opened.kind === 'pass' ? opened.setCookies[0]!.split(';')[0]!.split('=').slice(1).join('=') : '';
    const viewer = { cookie: `${VIEW_COOKIE}=${decodeURIComponent(pass)}` };
    expect(decide(req('GET', '/api/inventory?collections=services', viewer), ctx(token))).toMatchObject({
      kind: 'pass',
      viewer: true,
    });
    expect(status(decide(req('GET', '/api/events', viewer), ctx(token)))).toBe('pass');
    expect(status(decide(req('POST', '/api/reserve/apply', viewer), ctx(token)))).toBe(401);
    expect(status(decide(req('POST', '/api/share-links', viewer), ctx(token)))).toBe(401);
    expect(status(decide(req('GET', '/reserve', viewer), ctx(token)))).toBe(303);
    expect(status(decide(req('GET', '/api/snapshot', viewer), ctx(token)))).toBe(401);
    // An altered link gets its own page (which says so, with no data) and no pass.
    const bad = decide(req('GET', `/s/${link}x`), ctx(token));
    expect(bad).toMatchObject({ kind: 'pass', viewer: true, setCookies: [] });
  });
});

describe('proxy mode', () => {
  const proxy: AuthMode = { mode: 'proxy', userHeader: 'x-forwarded-user', trusted: [] };
  const read = readAuthMode({ LBIPAM_AUTH: 'proxy', LBIPAM_AUTH_PROXY_FROM: '10.42.0.0/16' }, () => '');
  it('believes the user header only from the proxy’s addresses', () => {
    if ('error' in read) throw new Error(read.error);
    expect(decide(req('GET', '/', { 'x-forwarded-user': 'ana' }, '10.42.3.4'), ctx(read))).toMatchObject({
      kind: 'pass',
      user: 'ana',
    });
    expect(
      decide(req('GET', '/', { 'x-forwarded-user': 'ana' }, '::ffff:10.42.3.4'), ctx(read)),
    ).toMatchObject({ kind: 'pass', user: 'ana' });
    expect(status(decide(req('GET', '/', { 'x-forwarded-user': 'ana' }, '192.0.2.9'), ctx(read)))).toBe(401);
    expect(status(decide(req('GET', '/api/inventory', {}, '10.42.3.4'), ctx(read)))).toBe(401);
    expect(status(decide(req('GET', '/', { 'x-forwarded-user': 'ana' }), ctx(proxy)))).toBe(401);
  });
  it('needs the proxy’s addresses to start', () => {
    expect(readAuthMode({ LBIPAM_AUTH: 'proxy' }, () => '')).toMatchObject({
      error: expect.stringMatching(/trustedAddresses/),
    });
  });
});

describe('none mode', () => {
  it('lets the local user in, refuses cross-site POSTs, and refuses writes when serving other machines', () => {
    const none: AuthMode = { mode: 'none' };
    expect(status(decide(req('POST', '/api/reserve/apply'), ctx(none)))).toBe('pass');
    expect(
      status(decide(req('POST', '/api/reserve/apply', { 'sec-fetch-site': 'cross-site' }), ctx(none))),
    ).toBe(403);
    expect(status(decide(req('POST', '/api/what-if', { origin: 'http://evil.example' }), ctx(none)))).toBe(
      403,
    );
    expect(status(decide(req('POST', '/api/reserve/apply'), ctx(none, { loopback: false })))).toBe(403);
    expect(status(decide(req('POST', '/api/what-if'), ctx(none, { loopback: false })))).toBe('pass');
  });
  it('needs an auth mode, or none said knowingly, before listening beyond loopback', () => {
    expect(listenProblem('127.0.0.1', {})).toBeNull();
    expect(listenProblem('0.0.0.0', {})).toMatch(/needs sign-in: set auth\.mode \(LBIPAM_AUTH\)/);
    expect(listenProblem('0.0.0.0', { LBIPAM_AUTH: 'none' })).toBeNull();
  });
});

describe('sign-in', () => {
  it('a wrong token is refused and counted; five from one address pause it; the right one signs in', () => {
    const limiter = new SignInLimiter();
    const o = (now = NOW) => ({ remote: '192.0.2.1', now, secure: false, limiter });
    const wrong = signIn('token=nope&next=%2Fpools', token as Extract<AuthMode, { mode: 'token' }>, o());
    expect(wrong.status).toBe(401);
    expect(wrong.body).toContain('That token is not this dashboard’s.');
    for (let i = 0; i < 4; i++) signIn('token=nope', token as Extract<AuthMode, { mode: 'token' }>, o());
    const paused = signIn(`token=${TOKEN}`, token as Extract<AuthMode, { mode: 'token' }>, o());
    expect(paused.status).toBe(429);
    const later = signIn(
      `token=${TOKEN}&next=%2Fpools`,
      token as Extract<AuthMode, { mode: 'token' }>,
      o(NOW + 61_000),
    );
    expect(later).toMatchObject({ status: 303, headers: { location: '/pools' } });
    const cookies = later.headers['set-cookie'] as string[];
    expect(cookies[0]).toMatch(new RegExp(`^${SESSION_COOKIE}=.+; HttpOnly$`));
    expect(cookies[1]).toMatch(new RegExp(`^${CSRF_COOKIE}=`));
  });
  it('returns only to a path of this dashboard, and escapes what it shows', () => {
    expect(safeNext('//evil.example/x')).toBe('/');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext('/\\evil')).toBe('/');
    expect(safeNext('/alerts?severity=error')).toBe('/alerts?severity=error');
    const page = signIn('token=x&next=%2F%22%3E%3Cscript%3E', token as Extract<AuthMode, { mode: 'token' }>, {
      remote: '192.0.2.2',
      now: NOW,
      secure: false,
      limiter: new SignInLimiter(),
    });
    expect(page.body).not.toContain('"><script>');
    expect(page.body).toContain('&quot;&gt;&lt;script&gt;');
  });
  it('a short token file stops the start', () => {
    expect(readAuthMode({ LBIPAM_AUTH: 'token', LBIPAM_AUTH_TOKEN_FILE: '/t' }, () => 'short')).toMatchObject(
      {
        error: expect.stringMatching(/too short/),
      },
    );
    expect(readAuthMode({ LBIPAM_AUTH: 'token' }, () => '')).toMatchObject({
      error: expect.stringMatching(/auth\.tokenFile/),
    });
  });
});
