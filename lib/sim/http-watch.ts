// Watch over HTTP: one JSON WatchEvent per line on a chunked response. The stream ends on
// `timeoutSeconds`, when the client goes away, or when the server closes (so `kubectl get -w`
// exits). Bookmarks are sent periodically when the client allows them.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { KindDef } from './kinds';
import { storageApiVersion } from './kinds';
import { toJsonAs } from './object-utils';
import type { Store } from './store';
import { toTable, type TableRequest } from './http-table';
import type { WatchEvent, WatchOptions } from './types';

export interface WatchRequest {
  def: KindDef;
  apiVersion: string;
  options: WatchOptions;
  table?: TableRequest;
  timeoutSeconds?: number;
  bookmarks: boolean;
  bookmarkIntervalMs: number;
  headers: Record<string, string>;
}

/** Open watches, so closing the server can end them all. */
export type WatchRegistry = Set<() => void>;

export function serveWatch(
  store: Store,
  req: IncomingMessage,
  res: ServerResponse,
  w: WatchRequest,
  registry: WatchRegistry,
): void {
  let started = false;
  let firstTable = true;
  const pending: string[] = [];
  const line = (ev: WatchEvent): string => {
    if (w.table) {
      const table = toTable(w.def, [ev.object], w.table, store.now(), undefined, firstTable);
      firstTable = false;
      return `${JSON.stringify({ type: ev.type, object: table })}\n`;
    }
    return `{"type":"${ev.type}","object":${toJsonAs(ev.object, w.apiVersion)}}\n`;
  };
  const emit = (ev: WatchEvent) => {
    const text = line(ev);
    if (started) res.write(text);
    else pending.push(text);
  };
  // Subscribing first lets a 410 (too old resourceVersion) go out as a plain error response.
  const unsubscribe = store.watch(
    { apiVersion: storageApiVersion(w.def), kind: w.def.kind },
    w.options,
    emit,
  );
  res.writeHead(200, {
    'Content-Type': 'application/json',
    'Cache-Control': 'no-cache, private',
    ...w.headers,
  });
  res.flushHeaders();
  started = true;
  for (const text of pending) res.write(text);

  const timers: NodeJS.Timeout[] = [];
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    unsubscribe();
    for (const t of timers) clearTimeout(t);
    registry.delete(end);
    res.end();
  };
  registry.add(end);
  // timeoutSeconds=0 means "the server's default" upstream, not "end at once".
  if (w.timeoutSeconds !== undefined && w.timeoutSeconds > 0)
    timers.push(setTimeout(end, w.timeoutSeconds * 1000));
  if (w.bookmarks) {
    const bookmark = () => {
      const object = {
        kind: w.def.kind,
        apiVersion: w.apiVersion,
        metadata: { resourceVersion: store.resourceVersion(), creationTimestamp: null },
      };
      res.write(`${JSON.stringify({ type: 'BOOKMARK', object })}\n`);
    };
    timers.push(setInterval(bookmark, w.bookmarkIntervalMs));
  }
  req.on('close', end);
  res.on('close', end);
  res.on('error', end);
}
