// What the dashboard's HTTP server decides before Next sees a request: whether the Host is a name
// it answers to (a page on another origin must not reach it through DNS rebinding), whether the
// method is one the path serves (405 with Allow, not Next's 500 for TRACE), and the headers every
// response carries. Pure, so each rule is tested on its own (cli/http-gate.test.ts); start.ts
// applies it.
import { isIP } from 'node:net';

/** Methods each API route serves, as its route.ts exports them (a test compares the two). */
export const API_ROUTES: Readonly<Record<string, readonly string[]>> = {
  '/api/alerts/[id]': ['GET'],
  '/api/events': ['GET'],
  '/api/export': ['GET'],
  '/api/gitops': ['GET'],
  '/api/health': ['GET'],
  '/api/history': ['GET'],
  '/api/history/releases': ['GET'],
  '/api/history/reshuffle': ['GET'],
  '/api/history/status': ['GET'],
  '/api/inventory': ['GET'],
  '/api/ip-plan': ['GET'],
  '/api/ips/[ip]': ['GET'],
  '/api/leases': ['GET'],
  '/api/metrics': ['GET'],
  '/api/probe': ['POST'],
  '/api/reserve': ['POST'],
  '/api/reserve/apply': ['POST'],
  '/api/reserve/choices': ['GET'],
  '/api/reserve/dry-run': ['POST'],
  '/api/session': ['GET'],
  '/api/share-links': ['POST'],
  '/api/snapshot': ['GET'],
  '/api/snapshots/compare': ['POST'],
  '/api/snapshots/open': ['POST'],
  '/api/status': ['GET'],
  '/api/what-if': ['POST'],
  '/api/what-if/template': ['GET'],
};

/** Pages answer these; anything else on a page path is 405. */
const PAGE_METHODS = ['GET', 'HEAD', 'OPTIONS'];
/** Sign-in's own paths (lib/auth), answered before Next. */
const AUTH_PATHS: Record<string, string[]> = {
  '/sign-in': ['GET', 'HEAD', 'POST', 'OPTIONS'],
  '/sign-out': ['POST', 'OPTIONS'],
};

const routePatterns = Object.entries(API_ROUTES).map(([template, methods]) => ({
  template,
  pattern: new RegExp(`^${template.replace(/\[[^\]]+\]/g, '[^/]+').replace(/\//g, '\\/')}\\/?$`),
  methods,
}));

/** The methods a path answers (null: an API path no route serves — Next's 404 says so). */
export function allowedMethods(pathname: string): string[] | null {
  const auth = AUTH_PATHS[pathname.replace(/\/$/, '')];
  if (auth) return auth;
  if (pathname !== '/api' && !pathname.startsWith('/api/')) return PAGE_METHODS;
  const route = routePatterns.find((r) => r.pattern.test(pathname));
  if (!route) return null;
  const out = [...route.methods];
  if (out.includes('GET') && !out.includes('HEAD')) out.push('HEAD');
  out.push('OPTIONS');
  return out;
}

export interface HostPolicy {
  /** Names allowed besides loopback names and IP literals: exact, `.suffix` for subdomains, or `*`. */
  names: readonly string[];
}

/** LBIPAM_ALLOWED_HOSTS (comma-separated) and this machine's own name. */
export function hostPolicy(env: Record<string, string | undefined>, machine: string): HostPolicy {
  const configured = (env.LBIPAM_ALLOWED_HOSTS ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const own = machine.trim().toLowerCase();
  return { names: own ? [...configured, own, `${own}.local`] : configured };
}

/** The name in a Host header, without port or IPv6 brackets, lower-cased; null when malformed. */
export function hostName(header: string): string | null {
  const h = header.trim().toLowerCase();
  if (h.startsWith('[')) {
    const end = h.indexOf(']');
    if (end < 0 || (end + 1 < h.length && !/^:\d{1,5}$/.test(h.slice(end + 1)))) return null;
    return h.slice(1, end);
  }
  const m = /^([^:]*)(?::(\d{1,5}))?$/.exec(h);
  return m && m[1] ? m[1].replace(/\.$/, '') : null;
}

/**
 * Whether a request naming `header` is served. An IP literal cannot be rebound, and loopback names
 * are this machine; any other name must be allowed by the operator (or be this machine's name).
 */
export function hostAllowed(header: string | undefined, policy: HostPolicy): boolean {
  if (header === undefined || header === '') return true; // HTTP/1.0 without Host: nothing to rebind
  const name = hostName(header);
  if (name === null) return false;
  if (isIP(name) !== 0 || name === 'localhost' || name.endsWith('.localhost')) return true;
  return policy.names.some((n) => n === '*' || n === name || (n.startsWith('.') && name.endsWith(n)));
}

export interface GateAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const text = (status: number, body: string, headers: Record<string, string> = {}): GateAnswer => ({
  status,
  headers: { 'content-type': 'text/plain; charset=utf-8', ...headers },
  body: `${body}\n`,
});

/** The answer for a request the dashboard refuses before Next, or null to hand it on. */
export function gate(
  req: { method?: string; url?: string; host?: string },
  policy: HostPolicy,
): GateAnswer | null {
  if (!hostAllowed(req.host, policy)) {
    const shown = JSON.stringify((req.host ?? '').slice(0, 100));
    return text(
      403,
      `Host ${shown} is not a name this dashboard answers to: unknown names are refused, so a page on another site cannot reach it through DNS rebinding. To serve it under this name, add the name to LBIPAM_ALLOWED_HOSTS (comma-separated; .example.org allows its subdomains).`,
    );
  }
  let pathname = '/';
  try {
    pathname = new URL(req.url ?? '/', 'http://dashboard.invalid').pathname;
  } catch {
    return text(400, 'The request target is not a valid path.');
  }
  const method = (req.method ?? 'GET').toUpperCase();
  const allowed = allowedMethods(pathname);
  if (allowed === null || allowed.includes(method)) return null;
  return text(405, `${method} is not served at ${pathname}; it answers ${allowed.join(', ')}.`, {
    allow: allowed.join(', '),
  });
}

/**
 * Headers on every response: no MIME sniffing, no referrer to other sites, and framing only by
 * this origin and the ancestors the operator names (LBIPAM_FRAME_ANCESTORS, space-separated CSP
 * sources, for embedding the read-only view).
 */
export function securityHeaders(env: Record<string, string | undefined>): Record<string, string> {
  const extra = (env.LBIPAM_FRAME_ANCESTORS ?? '')
    .split(/\s+/)
    .filter((s) => /^(https?:\/\/[^\s;,'"]+|'self')$/i.test(s) && s !== "'self'");
  const headers: Record<string, string> = {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
    'content-security-policy': `frame-ancestors 'self'${extra.length ? ` ${extra.join(' ')}` : ''}; base-uri 'self'; form-action 'self'; object-src 'none'`,
    'cross-origin-opener-policy': 'same-origin',
  };
  // X-Frame-Options cannot name other origins: only when the dashboard is framed by itself alone.
  if (extra.length === 0) headers['x-frame-options'] = 'SAMEORIGIN';
  return headers;
}
