// startApiServer: the HTTP face of the store, on loopback only. Every request runs inside one
// try/catch that answers with a Status, so a bad request can never take the server down.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError } from './errors';
import { MAX_BODY_BYTES } from './http-body';
import {
  AGGREGATED_TYPE,
  aggregatedDiscovery,
  apiGroup,
  apiGroupList,
  apiVersions,
  resourceList,
  versionInfo,
  wantsAggregated,
} from './http-discovery';
import { OPENAPI_V2_PROTOBUF, openApiV2, openApiV3, openApiV3GroupVersion } from './http-openapi';
import { handleResource } from './http-resource';
import { sendError, sendJson } from './http-respond';
import { parseRoute } from './http-route';
import type { WatchRegistry } from './http-watch';
import type { Store } from './store';

export interface ApiServerOptions {
  store: Store;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Loopback only: 127.0.0.1 (default), ::1 or localhost. */
  host?: string;
  /** How often a watch with allowWatchBookmarks=true gets a BOOKMARK. Default 15 s. */
  bookmarkIntervalMs?: number;
  maxBodyBytes?: number;
}

export interface ApiServer {
  url: string;
  port: number;
  /** Ends every open watch (clients see the stream close) and stops listening. */
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export async function startApiServer(options: ApiServerOptions): Promise<ApiServer> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host))
    throw new Error(`the embedded API server listens on loopback only, not ${JSON.stringify(host)}`);
  const registry: WatchRegistry = new Set();
  const bookmarkIntervalMs = options.bookmarkIntervalMs ?? 15_000;
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  let address = '';

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sim.invalid');
    const route = parseRoute(url.pathname);
    const accept = req.headers.accept;
    if (route.t !== 'resource' && req.method !== 'GET' && req.method !== 'HEAD') {
      throw new ApiError(
        405,
        'MethodNotAllowed',
        `the server does not allow this method on the requested resource (${req.method} ${url.pathname})`,
      );
    }
    switch (route.t) {
      case 'version':
        return sendJson(res, 200, versionInfo());
      case 'health':
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        res.end('ok');
        return;
      case 'api':
        if (wantsAggregated(accept))
          return sendJson(res, 200, aggregatedDiscovery(true), { 'Content-Type': AGGREGATED_TYPE });
        return sendJson(res, 200, apiVersions(address));
      case 'apis':
        if (wantsAggregated(accept))
          return sendJson(res, 200, aggregatedDiscovery(false), { 'Content-Type': AGGREGATED_TYPE });
        return sendJson(res, 200, apiGroupList());
      case 'group': {
        const doc = apiGroup(route.group);
        if (!doc) throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
        return sendJson(res, 200, doc);
      }
      case 'groupVersion': {
        const doc = resourceList(route.group, route.version);
        if (!doc) throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
        return sendJson(res, 200, doc);
      }
      case 'openapi-v2':
        if (/protobuf/.test(accept ?? '')) {
          res.writeHead(200, {
            'Content-Type': 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf',
            'Content-Length': OPENAPI_V2_PROTOBUF.length,
          });
          res.end(OPENAPI_V2_PROTOBUF);
          return;
        }
        return sendJson(res, 200, openApiV2());
      case 'openapi-v3':
        return sendJson(res, 200, openApiV3());
      case 'openapi-v3-gv': {
        const doc = openApiV3GroupVersion(route.group, route.version);
        if (!doc) throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
        return sendJson(res, 200, doc);
      }
      case 'resource':
        return handleResource({
          store: options.store,
          req,
          res,
          url,
          route,
          registry,
          bookmarkIntervalMs,
          maxBodyBytes,
        });
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      try {
        sendError(res, err, err instanceof ApiError && err.code === 413 ? { Connection: 'close' } : {});
      } catch {
        res.destroy();
      }
    });
  });
  server.on('clientError', (_err, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host === '::1' ? '[::1]' : host;
  address = `${urlHost}:${port}`;
  return {
    url: `http://${address}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const end of [...registry]) end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
