// Writing responses. Every error leaves as a Kubernetes Status object with its HTTP code.
import type { ServerResponse } from 'node:http';
import { ApiError, statusFailure } from './errors';

export type Headers = Record<string, string>;

export function sendJson(res: ServerResponse, code: number, body: unknown, headers: Headers = {}): void {
  const text = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
  res.writeHead(code, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

export function sendError(res: ServerResponse, err: unknown, headers: Headers = {}): void {
  const status =
    err instanceof ApiError
      ? err.toStatus()
      : statusFailure(
          500,
          'InternalError',
          `Internal error occurred: ${err instanceof Error ? err.message : String(err)}`,
        );
  if (res.headersSent) {
    // Mid-stream (a watch): nothing sensible can be sent but the end of the stream.
    res.end();
    return;
  }
  sendJson(res, Number(status.code), status, headers);
}
