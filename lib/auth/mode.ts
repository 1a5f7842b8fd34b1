import { parseAddr, parseCidr, rangeContains, type IpRange } from '../net';

// Who may use the dashboard (issue 11): `none` — local use, nobody signs in; `token` — a sign-in
// page against a token read from a file (API clients send it as a Bearer token); `proxy` — a
// user header set by oauth2-proxy or Authelia, believed only from the proxy's addresses.

export type AuthMode =
  | { mode: 'none' }
  | { mode: 'token'; token: string }
  | { mode: 'proxy'; userHeader: string; trusted: IpRange[] };

type Env = Record<string, string | undefined>;

export const MIN_TOKEN_LENGTH = 16;

/** The auth mode from the (already checked) settings; an error names the setting to fix. */
export function readAuthMode(env: Env, readFile: (path: string) => string): AuthMode | { error: string } {
  const mode = env.LBIPAM_AUTH ?? 'none';
  if (mode === 'none') return { mode: 'none' };
  if (mode === 'token') {
    const file = env.LBIPAM_AUTH_TOKEN_FILE;
    if (!file)
      return {
        error: 'auth.mode token needs auth.tokenFile (LBIPAM_AUTH_TOKEN_FILE): the file holding the token',
      };
    let token: string;
    try {
      token = readFile(file).trim();
    } catch (err) {
      return {
        error: `auth.tokenFile: cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`,
      };
    }
    if (token.length < MIN_TOKEN_LENGTH)
      return {
        error: `auth.tokenFile: the token in ${file} is too short: it needs ${MIN_TOKEN_LENGTH} characters or more (e.g. openssl rand -hex 24)`,
      };
    return { mode: 'token', token };
  }
  if (mode === 'proxy') {
    const from = (env.LBIPAM_AUTH_PROXY_FROM ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (from.length === 0)
      return {
        error:
          'auth.mode proxy needs auth.proxy.trustedAddresses (LBIPAM_AUTH_PROXY_FROM): the addresses the proxy connects from; without them anyone could send the user header',
      };
    const trusted: IpRange[] = [];
    for (const s of from) {
      const r = parseCidr(s.includes('/') ? s : `${s}/${s.includes(':') ? 128 : 32}`);
      if (!r.ok) return { error: `auth.proxy.trustedAddresses: ${s}: ${r.error}` };
      trusted.push(r.value);
    }
    return { mode: 'proxy', userHeader: env.LBIPAM_AUTH_PROXY_HEADER ?? 'x-forwarded-user', trusted };
  }
  return { error: `auth.mode: expected none, token or proxy, got '${mode}'` };
}

export const isLoopbackHost = (host: string) =>
  host === '127.0.0.1' || host === '::1' || host === 'localhost' || /^127\./.test(host);

/**
 * Listening beyond loopback without sign-in exposes the cluster's addresses to the LAN: it needs
 * an auth mode, or `none` said explicitly.
 */
export function listenProblem(host: string, env: Env): string | null {
  if (isLoopbackHost(host) || env.LBIPAM_AUTH) return null;
  return `listening on ${host} serves other machines, so it needs sign-in: set auth.mode (LBIPAM_AUTH) to token or proxy — or to none, to serve without sign-in knowingly`;
}

/** The peer address of a connection, IPv4-mapped IPv6 read as IPv4. */
export function peerAddress(remote: string | undefined) {
  if (!remote) return null;
  return parseAddr(remote.startsWith('::ffff:') && remote.includes('.') ? remote.slice(7) : remote);
}

export function fromTrustedProxy(remote: string | undefined, trusted: readonly IpRange[]): boolean {
  const a = peerAddress(remote);
  return !!a && trusted.some((r) => r.family === a.family && rangeContains(r, a));
}
