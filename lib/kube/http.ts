import 'server-only';
import http from 'node:http';
import https from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';
import { fromStatusBody, KubeApiError, toKubeApiError } from './errors';

// Plain JSON requests against the API server with the kubeconfig's credentials and TLS agent. We list
// through this rather than the typed clients because they turn timestamps into Date objects, while
// watch events arrive as raw JSON: one shape for both keeps trimmed objects comparable.

const maxBodyBytes = 256 * 1024 * 1024;

type RequestOptions = { signal?: AbortSignal; timeoutMs?: number };

export function kubeGetJson(kc: KubeConfig, path: string, opts: RequestOptions = {}): Promise<unknown> {
  return kubeRequestJson(kc, 'GET', path, undefined, opts);
}

/**
 * One request with a JSON body (POST/PUT/PATCH, e.g. a create with dryRun=All). A refusal is a
 * KubeApiError carrying the API server's own Status message (admission errors included).
 */
export async function kubeRequestJson(
  kc: KubeConfig,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  body: unknown,
  opts: RequestOptions = {},
): Promise<unknown> {
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new KubeApiError(0, 'Unknown', 'the kubeconfig has no current cluster');
  const url = new URL(cluster.server.replace(/\/+$/, '') + path);
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body), 'utf8');
  const options: https.RequestOptions = {
    method,
    headers: {
      Accept: 'application/json',
      ...(payload ? { 'Content-Type': 'application/json', 'Content-Length': String(payload.length) } : {}),
    },
  };
  try {
    await kc.applyToHTTPSOptions(options);
  } catch (err) {
    throw toKubeApiError(err);
  }
  const signals = [AbortSignal.timeout(opts.timeoutMs ?? 30_000)];
  if (opts.signal) signals.push(opts.signal);
  const signal = AbortSignal.any(signals);
  const transport = url.protocol === 'http:' ? http : https;

  return new Promise<unknown>((resolve, reject) => {
    const req = transport.request(url, { ...options, signal }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBodyBytes) {
          req.destroy(
            new KubeApiError(0, 'BadResponse', `response from ${path} is larger than ${maxBodyBytes} bytes`),
          );
          return;
        }
        chunks.push(chunk);
      });
      res.on('error', (err) => reject(toKubeApiError(err)));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const status = res.statusCode ?? 0;
        if (status < 200 || status >= 300) {
          reject(
            fromStatusBody(
              status,
              text,
              `${method} ${path}: HTTP ${status} ${res.statusMessage ?? ''}`.trim(),
            ),
          );
          return;
        }
        try {
          resolve(JSON.parse(text));
        } catch {
          reject(new KubeApiError(status, 'BadResponse', `${method} ${path}: the response is not JSON`));
        }
      });
    });
    req.on('error', (err) => {
      if (signal.aborted && signal.reason instanceof Error && signal.reason.name === 'TimeoutError') {
        reject(new KubeApiError(0, 'Timeout', `${method} ${path} timed out`));
      } else {
        reject(toKubeApiError(err));
      }
    });
    req.end(payload);
  });
}
