import type { ClusterState, SourceError, SourceStatus } from './cluster-state';

// Every source's state summed up as ONE state of the cluster and ONE sentence per cause, for the
// header, the 503 of /api/inventory and /api/status. Sources failing for the same reason are named
// together, so an unreachable cluster reads as one sentence, not seven copies of "ECONNREFUSED".
// Pure (no clock, no I/O): the browser calls it on the sources the inventory carries.

type SourceKey = keyof ClusterState;

/**
 * starting: a required source has not listed yet. reconnecting / stale: a required source lost the
 * API server (stale once that has lasted long). partial: all required sources are live, but some
 * source cannot be read (no permission, not installed) or an optional one is down.
 */
export type ClusterHealth = 'starting' | 'live' | 'reconnecting' | 'stale' | 'partial';

export interface SourceCauseMessage {
  /** What the sources are grouped by: the cause in words (stable while the cause lasts). */
  cause: string;
  /** error: a required source is affected; warning: an optional one cannot be read; info: not installed. */
  severity: 'error' | 'warning' | 'info';
  sources: SourceKey[];
  /** "services, pools, leases: cannot reach the API server at https://127.0.0.1:6443 (connection refused)" */
  text: string;
  /** The raw error text(s) behind it, for a tooltip; empty when there were none. */
  detail: string;
}

export interface SourceSummary {
  state: ClusterHealth;
  /** ISO time since when the required sources are down (reconnecting / stale); else null. */
  since: string | null;
  messages: SourceCauseMessage[];
}

const sourceNames: Record<SourceKey, string> = {
  pools: 'pools',
  l2Policies: 'L2 policies',
  services: 'services',
  gateways: 'gateways',
  leases: 'leases',
  nodes: 'nodes',
  events: 'events',
  endpointSlices: 'EndpointSlices',
  httpRoutes: 'HTTPRoutes',
  ciliumOperator: 'the cilium-operator Deployment',
};

/** How the header names a source ("L2 policies", not "l2Policies"). */
export const sourceName = (key: SourceKey): string => sourceNames[key] ?? key;

const down = new Set(['reconnecting', 'stale']);

const connectionWords: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'the connection was reset',
  ECONNABORTED: 'the connection was aborted',
  EPIPE: 'the connection was closed',
  ERR_STREAM_PREMATURE_CLOSE: 'the connection was closed',
  ETIMEDOUT: 'timed out',
  ESOCKETTIMEDOUT: 'timed out',
  EHOSTUNREACH: 'no route to the host',
  EHOSTDOWN: 'the host is down',
  ENETUNREACH: 'the network is unreachable',
  EADDRNOTAVAIL: 'the address is not available',
};

const dnsCodes = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL']);

const tlsWords: Record<string, string> = {
  CERT_HAS_EXPIRED: "the API server's TLS certificate has expired",
  CERT_NOT_YET_VALID: "the API server's TLS certificate is not valid yet (check the clocks)",
  DEPTH_ZERO_SELF_SIGNED_CERT:
    "the API server's TLS certificate is self-signed and not trusted (check certificate-authority-data in the kubeconfig)",
  SELF_SIGNED_CERT_IN_CHAIN:
    "the API server's TLS certificate is signed by an untrusted CA (check certificate-authority-data in the kubeconfig)",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE:
    "the API server's TLS certificate cannot be verified (check certificate-authority-data in the kubeconfig)",
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    "the API server's TLS certificate is signed by an unknown CA (check certificate-authority-data in the kubeconfig)",
  UNABLE_TO_GET_ISSUER_CERT:
    "the API server's TLS certificate is signed by an unknown CA (check certificate-authority-data in the kubeconfig)",
  ERR_TLS_CERT_ALTNAME_INVALID: "the API server's TLS certificate does not name this host",
  EPROTO: 'the TLS handshake with the API server failed',
};

/** The errno or TLS code: given, else the first one the raw text mentions. */
function errorCode(e: SourceError): string | undefined {
  if (e.code) return e.code;
  const known = [...Object.keys(connectionWords), ...dnsCodes, ...Object.keys(tlsWords)];
  return known.find((c) => new RegExp(`\\b${c}\\b`).test(e.text));
}

function hostOf(server: string): string {
  try {
    return new URL(server).hostname;
  } catch {
    return server;
  }
}

/** One error in words a person can act on; `server` is the API server's URL from the kubeconfig. */
export function describeSourceError(e: SourceError, server: string): string {
  const at = `the API server at ${server}`;
  if (e.status === 0) {
    const code = errorCode(e);
    if (code && dnsCodes.has(code))
      return `cannot resolve ${hostOf(server)}, the host of ${at} (DNS lookup failed)`;
    if (code && tlsWords[code]) return `cannot connect to ${at}: ${tlsWords[code]}`;
    if (code && connectionWords[code]) return `cannot reach ${at} (${connectionWords[code]})`;
    if (e.reason === 'Timeout') return `cannot reach ${at} (timed out)`;
    if (e.reason === 'Unreachable') return `cannot reach ${at}`;
    if (e.reason === 'BadResponse') return `${at} sent an answer that could not be read`;
    return `reading from ${at} failed`;
  }
  if (e.status === 401)
    return `${at} does not accept the dashboard's credentials (401 Unauthorized): the kubeconfig's token or certificate may have expired`;
  if (e.status === 429) return `${at} is throttling the dashboard (429 Too Many Requests)`;
  if (e.status === 410) return `${at} expired the dashboard's watch (410 Gone); listing again`;
  if (e.status >= 500)
    return `${at} answered with an error (HTTP ${e.status}${e.reason ? ` ${e.reason}` : ''})`;
  return `${at} refused the request (HTTP ${e.status}${e.reason ? ` ${e.reason}` : ''})`;
}

interface Group {
  cause: string;
  severity: SourceCauseMessage['severity'];
  sources: SourceKey[];
  words: string;
  raw: Set<string>;
}

const rank = { error: 0, warning: 1, info: 2 } as const;

function causeOf(s: SourceStatus, server: string): Omit<Group, 'sources' | 'raw'> | null {
  const required = s.required !== false;
  switch (s.state) {
    case 'live':
    case 'starting':
      return null;
    case 'forbidden':
      // One sentence for every source without permission: "no permission to read services, leases".
      return { cause: 'forbidden', severity: required ? 'error' : 'warning', words: 'no permission to read' };
    case 'missing': {
      // Keyed by its words: sources missing for one reason (the Gateway API's kinds) say it once.
      const words = s.message ?? `${sourceName(s.source)}: not installed in this cluster`;
      return { cause: `missing:${words}`, severity: required ? 'warning' : 'info', words };
    }
    default: {
      const words = s.error ? describeSourceError(s.error, server) : (s.message ?? `${s.state}`);
      return { cause: `down:${words}`, severity: required ? 'error' : 'warning', words };
    }
  }
}

function messageText(g: Group, all: number): string {
  // One cause for every source (the API server is down): "every source", not ten names.
  const names = all > 2 && g.sources.length === all ? 'every source' : g.sources.map(sourceName).join(', ');
  if (g.cause === 'forbidden') return `${g.words} ${names}`;
  if (g.cause.startsWith('missing:')) return g.words;
  return `${names}: ${g.words}`;
}

/** The sources of one cluster as one state and one message per cause (errors first). */
export function summarizeSources(sources: readonly SourceStatus[], server: string): SourceSummary {
  const groups = new Map<string, Group>();
  for (const s of sources) {
    const c = causeOf(s, server);
    if (!c) continue;
    const g = groups.get(c.cause) ?? { ...c, sources: [], raw: new Set<string>() };
    if (rank[c.severity] < rank[g.severity]) g.severity = c.severity;
    g.sources.push(s.source);
    if (s.error?.text) g.raw.add(s.error.text);
    groups.set(c.cause, g);
  }
  const messages = [...groups.values()]
    .sort((a, b) => rank[a.severity] - rank[b.severity])
    .map((g) => ({
      cause: g.cause,
      severity: g.severity,
      sources: g.sources,
      text: messageText(g, sources.length),
      detail: [...g.raw].join('\n'),
    }));

  const required = sources.filter((s) => s.required !== false);
  const requiredDown = required.filter((s) => down.has(s.state));
  const since = requiredDown.length ? requiredDown.map((s) => s.since).sort()[0] : null;
  let state: ClusterHealth;
  if (requiredDown.some((s) => s.state === 'stale')) state = 'stale';
  else if (requiredDown.length > 0) state = 'reconnecting';
  else if (required.some((s) => s.state === 'starting')) state = 'starting';
  else if (messages.length > 0) state = 'partial';
  else state = 'live';
  return { state, since, messages };
}
