import { isIP } from 'node:net';
import { z } from 'zod';

// Every setting of the dashboard, as data: its key in the config file, the environment variable
// that overrides it, and how a value reads. Adding a setting is adding a row; the loader
// (./load.ts), the docs table (docs/operations.md) and the tests read this table. The dashboard's
// rooms keep reading the environment (docs/contracts.md): the loader checks the file and the
// environment together and hands the result on as environment variables.

export interface Setting {
  /** Dotted path in the YAML file (`auth.mode` is `auth:\n  mode:`). */
  key: string;
  /** The environment variable that overrides the file. */
  env: string;
  /** Reads a value from the file (YAML's own types) or the environment (a string) to the string handed on. */
  read: z.ZodType<string>;
  /** One line for the docs. */
  help: string;
}

const trimmed = z.string().trim().min(1, 'expected a value');

/** A custom reading: `read` returns the string handed on, or the message of what is wrong. */
const reading = (read: (v: unknown) => string | { error: string }) =>
  z.unknown().transform((v, ctx): string => {
    const r = read(v);
    if (typeof r === 'string') return r;
    ctx.addIssue({ code: 'custom', message: r.error });
    return z.NEVER;
  });

const boolText = reading((v) => {
  if (
    v === true ||
    v === 1 ||
    (typeof v === 'string' && ['1', 'true', 'yes', 'on'].includes(v.trim().toLowerCase()))
  )
    return '1';
  if (
    v === false ||
    v === 0 ||
    (typeof v === 'string' && ['0', 'false', 'no', 'off'].includes(v.trim().toLowerCase()))
  )
    return '0';
  return { error: 'expected true or false (1 or 0)' };
});

const intText = (min: number, max: number) =>
  reading((v) => {
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
    if (!Number.isInteger(n)) return { error: 'expected a whole number' };
    if (n < min) return { error: `expected at least ${min}` };
    if (n > max) return { error: `expected at most ${max}` };
    return String(n);
  });

/** A list: a YAML sequence, or one string split on `sep` (the environment's form). */
const listText = (sep: ',' | ' ', item: z.ZodType<string, string> = trimmed) =>
  z
    .union([z.array(z.string()), z.string()])
    .transform((v) =>
      (Array.isArray(v) ? v : v.split(sep === ',' ? ',' : /\s+/)).map((s) => s.trim()).filter(Boolean),
    )
    .pipe(z.array(item))
    .transform((items) => items.join(sep));

const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `expected one of ${values.join(', ')}` });

/** An address or CIDR a request may come from (the trusted proxy). */
const sourceAddress = z
  .string()
  .trim()
  .refine((s) => {
    const [ip, bits, ...rest] = s.split('/');
    if (rest.length > 0 || !ip || isIP(ip) === 0) return false;
    if (bits === undefined) return true;
    const max = isIP(ip) === 4 ? 32 : 128;
    return /^\d{1,3}$/.test(bits) && Number(bits) <= max;
  }, 'expected an IP address or CIDR, such as 10.0.0.5 or 10.42.0.0/16');

const headerName = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9-]{1,64}$/, 'expected an HTTP header name, such as X-Forwarded-User');

export const SETTINGS: readonly Setting[] = [
  { key: 'server.port', env: 'PORT', read: intText(1, 65535), help: 'the port (default 3000)' },
  {
    key: 'server.host',
    env: 'LBIPAM_HOST',
    read: trimmed,
    help: 'the address to listen on (default 127.0.0.1 outside a pod, 0.0.0.0 in one)',
  },
  {
    key: 'server.allowedHosts',
    env: 'LBIPAM_ALLOWED_HOSTS',
    read: listText(','),
    help: 'host names served besides loopback and IP literals (`.example.org` allows subdomains)',
  },
  {
    key: 'server.frameAncestors',
    env: 'LBIPAM_FRAME_ANCESTORS',
    read: listText(
      ' ',
      z.string().regex(/^https?:\/\/[^\s;,'"]+$/i, 'expected an origin such as https://wiki.example.org'),
    ),
    help: 'origins that may frame the read-only view (`?embed=1`)',
  },
  {
    key: 'auth.mode',
    env: 'LBIPAM_AUTH',
    read: oneOf(['none', 'token', 'proxy'] as const),
    help: '`none` (local use; the default on loopback), `token` (sign-in with a bearer token), `proxy` (a user header from oauth2-proxy/Authelia)',
  },
  {
    key: 'auth.tokenFile',
    env: 'LBIPAM_AUTH_TOKEN_FILE',
    read: trimmed,
    help: 'token mode: the file holding the token (16 characters or more)',
  },
  {
    key: 'auth.proxy.userHeader',
    env: 'LBIPAM_AUTH_PROXY_HEADER',
    read: headerName,
    help: 'proxy mode: the header naming the user (default X-Forwarded-User)',
  },
  {
    key: 'auth.proxy.trustedAddresses',
    env: 'LBIPAM_AUTH_PROXY_FROM',
    read: listText(',', sourceAddress),
    help: 'proxy mode: the addresses or CIDRs the proxy connects from (others are refused)',
  },
  {
    key: 'writes.enabled',
    env: 'LBIPAM_ALLOW_WRITES',
    read: boolText,
    help: 'creating objects (the reserve form’s apply): off for a real cluster, on for the embedded one',
  },
  {
    key: 'cilium.version',
    env: 'LBIPAM_CILIUM_VERSION',
    read: z
      .string()
      .trim()
      .regex(/^v?\d{1,4}\.\d{1,4}\.\d{1,4}(-[0-9A-Za-z.-]+)?$/, 'expected a Cilium version such as 1.20.2'),
    help: 'the Cilium version the rules judge by, when the operator’s image tag does not say it',
  },
  {
    key: 'probe.enabled',
    env: 'LBIPAM_PROBE',
    read: boolText,
    help: 'ARP/NDP probing from the dashboard process (needs CAP_NET_RAW)',
  },
  {
    key: 'probe.agents',
    env: 'LBIPAM_AGENTS',
    read: listText(','),
    help: 'standalone agents, `name=http://host:port`',
  },
  {
    key: 'probe.agentTokenFile',
    env: 'LBIPAM_AGENT_TOKEN_FILE',
    read: trimmed,
    help: 'the agents’ token file',
  },
  {
    key: 'probe.freeRanges',
    env: 'LBIPAM_PROBE_FREE_RANGES',
    read: listText(','),
    help: 'free ranges to probe beyond small IPv4 pools (`from-to` or CIDRs)',
  },
  {
    key: 'probe.poolLimit',
    env: 'LBIPAM_PROBE_POOL_LIMIT',
    read: intText(1, 65536),
    help: 'addresses per pool probed whole (default 4096)',
  },
  {
    key: 'share.secretFile',
    env: 'LBIPAM_SHARE_SECRET_FILE',
    read: trimmed,
    help: 'the file holding the signed links’ secret (or LBIPAM_SHARE_SECRET itself)',
  },
  {
    key: 'history.databaseUrl',
    env: 'DATABASE_URL',
    read: trimmed,
    help: 'PostgreSQL for the allocation history (postgres://…); without it, PGlite in history.dir',
  },
  {
    key: 'history.dir',
    env: 'LBIPAM_HISTORY_DIR',
    read: trimmed,
    help: 'PGlite’s data directory, or `memory` (the default for the embedded cluster)',
  },
  {
    key: 'history.retentionDays',
    env: 'LBIPAM_HISTORY_RETENTION_DAYS',
    read: intText(1, 36500),
    help: 'days of history kept (default 90), pruned in the background',
  },
  {
    key: 'history.lease',
    env: 'LBIPAM_HISTORY_LEASE',
    read: z
      .string()
      .trim()
      .regex(/^[a-z0-9-]{1,63}\/[a-z0-9.-]{1,253}$/, 'expected namespace/name of a Lease'),
    help: 'replicas sharing one database: the Lease (`namespace/name`) whose holder records; the others read',
  },
  {
    key: 'gitops.repo',
    env: 'LBIPAM_REPO',
    read: trimmed,
    help: 'the GitOps repository the GitOps page scans for claims and drift (`--repo DIR`)',
  },
];
