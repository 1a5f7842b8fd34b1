import http from 'node:http';
import type { AddressInfo } from 'node:net';

// A loopback proxy in front of an API server that answers chosen paths with an error Status, the way
// RBAC (403) or a missing CRD (404) would, or a watch with 410 the way an API server whose history
// was compacted does, and streams everything else through untouched (watches too).

export interface DenyRule {
  /** Matched against the request path (without the query). */
  match: RegExp;
  /** 410: a watch answered 200 with one ERROR event (Status 410 Expired), then the stream ends. */
  code: 403 | 404 | 410;
  /** Only watch requests (`?watch=true`). */
  watch?: boolean;
  /** Only this many times, then the rule is spent. */
  times?: number;
}

export interface DenyProxy {
  url: string;
  /** Replace the rules at run time (e.g. "the CRD got installed"). */
  setRules(rules: DenyRule[]): void;
  /** Every request's path and query, in order. */
  requests: string[];
  /** Ends every watch stream open through the proxy, cleanly (as an API server's timeout does). */
  endWatches(): void;
  close(): Promise<void>;
}

const reasons = { 403: 'Forbidden', 404: 'NotFound', 410: 'Expired' } as const;

const statusBody = (code: 403 | 404 | 410, path: string) => ({
  kind: 'Status',
  apiVersion: 'v1',
  status: 'Failure',
  reason: reasons[code],
  code,
  message:
    code === 410 ? 'too old resource version' : `${path} is ${code === 403 ? 'forbidden' : 'not found'}`,
});

export async function startDenyProxy(target: string, initial: DenyRule[]): Promise<DenyProxy> {
  let rules = initial;
  const requests: string[] = [];
  const watches = new Set<() => void>();
  const upstream = new URL(target);
  const server = http.createServer((req, res) => {
    requests.push(req.url ?? '/');
    const url = new URL(req.url ?? '/', 'http://proxy');
    const path = url.pathname;
    const isWatch = url.searchParams.get('watch') === 'true';
    const rule = rules.find((r) => r.match.test(path) && (!r.watch || isWatch) && (r.times ?? 1) > 0);
    if (rule) {
      if (rule.times !== undefined) rule.times--;
      const body = JSON.stringify(statusBody(rule.code, path));
      if (rule.code === 410) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(`{"type":"ERROR","object":${body}}\n`);
      } else {
        res.writeHead(rule.code, { 'content-type': 'application/json' });
        res.end(body);
      }
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
        if (!isWatch) return;
        const end = () => {
          up.unpipe(res);
          up.destroy();
          res.end();
        };
        watches.add(end);
        res.on('close', () => watches.delete(end));
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
    requests,
    endWatches: () => {
      for (const end of [...watches]) end();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
