import 'server-only';
import type { InventoryDelta } from '../inventory/delta';
import type { InventoryFeed } from './inventory-feed';

// The body of GET /api/events. The stream carries changes, never whole inventories: the browser
// fetches the collections a screen needs over HTTP (compressed, cached per version) and the stream
// keeps them current. So a client costs the server a subscription and a few shared buffers:
// every delta is serialised and encoded once (sseBytes) and the same bytes go to every client.
//
// Messages: `event: hello` ({ version }: where the server is, on connect), `event: delta` (an
// InventoryDelta, id = its toVersion) and `event: reset` ({ version }: the client's version is
// unknown or it missed a delta — refetch what you hold). `: ping` comments every 15 s.

export interface EventStreamOptions {
  /** Version the client already has (Last-Event-ID or ?since=). */
  since?: number;
  signal: AbortSignal;
  heartbeatMs?: number;
  /** A client this far behind (bytes queued, unread) is dropped; it reconnects and catches up. */
  maxQueuedBytes?: number;
}

type FeedLike = Pick<InventoryFeed, 'current' | 'deltasSince' | 'subscribe'>;

const encoder = new TextEncoder();

export const DEFAULT_MAX_QUEUED_BYTES = 4 * 1024 * 1024;

export function formatSse(event: string, id: number | null, data: unknown): string {
  // JSON.stringify never emits raw newlines, so one `data:` line is enough.
  return `${id === null ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** One encoding per delta, shared by every client (a WeakMap: it goes when the feed drops the delta). */
const deltaBytes = new WeakMap<InventoryDelta, Uint8Array>();

export function sseBytes(d: InventoryDelta): Uint8Array {
  let bytes = deltaBytes.get(d);
  if (!bytes) {
    bytes = encoder.encode(formatSse('delta', d.toVersion, d));
    deltaBytes.set(d, bytes);
  }
  return bytes;
}

const HIGH_WATER_MARK = 256 * 1024;
const PING = encoder.encode(': ping\n\n');
const RETRY = encoder.encode('retry: 2000\n\n');

export function createInventoryEventStream(
  feed: FeedLike,
  opts: EventStreamOptions,
): ReadableStream<Uint8Array> {
  const maxQueued = opts.maxQueuedBytes ?? DEFAULT_MAX_QUEUED_BYTES;
  let cleanup = () => {};
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        let closed = false;
        /** The version the client holds as far as we know (null: nothing yet). */
        let held: number | null = opts.since ?? null;
        const send = (bytes: Uint8Array) => {
          if (closed) return;
          // desiredSize is the high-water mark minus what is queued and unread.
          if (HIGH_WATER_MARK - (controller.desiredSize ?? 0) > maxQueued) {
            // Too far behind: drop it. EventSource reconnects with its Last-Event-ID.
            cleanup();
            return;
          }
          try {
            controller.enqueue(bytes);
          } catch {
            cleanup();
          }
        };
        const reset = (version: number) => {
          send(encoder.encode(formatSse('reset', version, { version })));
          held = version;
        };
        const delta = (d: InventoryDelta) => {
          send(sseBytes(d));
          held = d.toVersion;
        };

        const unsubscribe = feed.subscribe((d, inv) => {
          // A delta only helps a client that holds exactly its starting version.
          if (d && held === d.fromVersion) delta(d);
          else if (held !== inv.version) reset(inv.version);
        });
        const heartbeat = setInterval(() => send(PING), opts.heartbeatMs ?? 15_000);
        cleanup = () => {
          if (closed) return;
          closed = true;
          clearInterval(heartbeat);
          unsubscribe();
          opts.signal.removeEventListener('abort', cleanup);
          try {
            controller.close();
          } catch {
            // already closed or errored by the runtime
          }
        };
        opts.signal.addEventListener('abort', cleanup);
        if (opts.signal.aborted) {
          cleanup();
          return;
        }

        send(RETRY);
        const inv = feed.current();
        send(encoder.encode(formatSse('hello', null, { version: inv?.version ?? null })));
        if (!inv) return; // the first inventory arrives through the subscription (as a reset)
        if (held === inv.version) return;
        const catchUp = held !== null ? feed.deltasSince(held) : null;
        if (!catchUp) reset(inv.version);
        else for (const d of catchUp) delta(d);
      },
      cancel() {
        cleanup();
      },
    },
    { highWaterMark: HIGH_WATER_MARK, size: (chunk) => chunk.byteLength },
  );
}
