import 'server-only';

// Typed API errors. client-node throws several shapes (ApiException with `code`, the watcher's Error
// with `statusCode`, node-fetch's FetchError, AbortError); callers should only ever see this one.

export type KubeErrorReason =
  | 'Forbidden'
  | 'Unauthorized'
  | 'NotFound'
  | 'Gone'
  | 'Unreachable'
  | 'Timeout'
  | 'Aborted'
  | 'ServerError'
  | 'BadResponse'
  | 'Unknown';

export class KubeApiError extends Error {
  override readonly name = 'KubeApiError';
  constructor(
    /** HTTP status, or 0 when no response came back (connection refused, DNS, TLS, timeout). */
    readonly statusCode: number,
    readonly reason: KubeErrorReason | string,
    message: string,
    /** The errno or TLS code when no response came back: ECONNREFUSED, ENOTFOUND, CERT_HAS_EXPIRED, … */
    readonly code?: string,
  ) {
    super(message);
  }

  get isForbidden(): boolean {
    return this.statusCode === 403;
  }
  get isNotFound(): boolean {
    return this.statusCode === 404;
  }
  get isAbort(): boolean {
    return this.reason === 'Aborted';
  }
  /** No answer from the server at all (refused, reset, DNS, TLS, timeout): retrying costs it nothing. */
  get isConnectionError(): boolean {
    return this.statusCode === 0 && (this.reason === 'Unreachable' || this.reason === 'Timeout');
  }
}

function reasonForStatus(status: number): KubeErrorReason {
  if (status === 401) return 'Unauthorized';
  if (status === 403) return 'Forbidden';
  if (status === 404) return 'NotFound';
  if (status === 410) return 'Gone';
  if (status === 504) return 'Timeout';
  if (status >= 500) return 'ServerError';
  return 'Unknown';
}

type Loose = Record<string, unknown>;
const isRecord = (v: unknown): v is Loose => typeof v === 'object' && v !== null;

/** A Kubernetes `Status` body, when the server sent one, gives the best reason and message. */
export function fromStatusBody(status: number, body: unknown, fallback: string): KubeApiError {
  let parsed: unknown = body;
  if (typeof body === 'string') {
    try {
      parsed = JSON.parse(body);
    } catch {
      parsed = undefined;
    }
  }
  if (isRecord(parsed) && parsed.kind === 'Status') {
    const reason =
      typeof parsed.reason === 'string' && parsed.reason ? parsed.reason : reasonForStatus(status);
    const message = typeof parsed.message === 'string' && parsed.message ? parsed.message : fallback;
    return new KubeApiError(status, reason, message);
  }
  return new KubeApiError(status, reasonForStatus(status), fallback);
}

/** Normalises anything thrown by client-node, node-fetch or node:http into a KubeApiError. */
export function toKubeApiError(err: unknown): KubeApiError {
  if (err instanceof KubeApiError) return err;
  if (isRecord(err)) {
    const name = typeof err.name === 'string' ? err.name : '';
    const message = typeof err.message === 'string' ? err.message : String(err);
    if (name === 'AbortError' || err.type === 'aborted')
      return new KubeApiError(0, 'Aborted', message || 'aborted');
    if (name === 'TimeoutError') return new KubeApiError(0, 'Timeout', message || 'timed out');
    // Watch errors carry statusCode; ApiException carries code and the raw body.
    const status =
      typeof err.statusCode === 'number'
        ? err.statusCode
        : typeof err.code === 'number'
          ? err.code
          : undefined;
    if (status !== undefined) return fromStatusBody(status, err.body, message || `HTTP ${status}`);
    const code =
      typeof err.code === 'string' ? err.code : isRecord(err.cause) ? String(err.cause.code ?? '') : '';
    if (code) return new KubeApiError(0, 'Unreachable', `${code}: ${message}`, code);
    return new KubeApiError(0, 'Unknown', message);
  }
  return new KubeApiError(0, 'Unknown', String(err));
}
