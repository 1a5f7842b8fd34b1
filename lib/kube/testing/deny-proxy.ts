import http from 'node:http';
import type { AddressInfo } from 'node:net';

// A loopback proxy in front of an API server that answers chosen paths with an error Status, the way
// RBAC (403) or a missing CRD (404) would, and streams everything else through untouched (watches too).

export interface DenyRule {
  /** Matched against the request path (without the query). */
  match: RegExp;
  code: 403 | 404;
}

export interface DenyProxy {
  url: string;
  /** Replace the rules at run time (e.g. "the CRD got installed"). */
  setRules(rules: DenyRule[]): void;
  close(): Promise<void>;
}

const reasons = { 403: 'Forbidden', 404: 'NotFound' } as const;

export async function startDenyProxy(target: string, initial: DenyRule[]): Promise<DenyProxy> {
  let rules = initial;
  const upstream = new URL(target);
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const rule = rules.find((r) => r.match.test(path));
    if (rule) {
      res.writeHead(rule.code, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          kind: 'Status',
          apiVersion: 'v1',
          status: 'Failure',
          reason: reasons[rule.code],
          code: rule.code,
          message: `${path} is ${rule.code === 403 ? 'forbidden' : 'not found'}`,
        }),
      );
      return;
    }
    const forward = http.request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    forward.on('error', () => res.destroy());
    res.on('close', () => forward.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    setRules: (next) => {
      rules = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
