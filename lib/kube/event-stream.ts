import 'server-only';
import type { InventoryDelta } from '../inventory/delta';
import type { Inventory } from '../inventory/types';
import type { InventoryFeed } from './inventory-feed';

// The body of GET /api/events. One subscription to the shared feed per client (the feed builds the
// inventory once for everybody); the subscription and the heartbeat end when the client goes away.

export interface EventStreamOptions {
  /** Version the client already has (Last-Event-ID or ?since=); unknown versions get a snapshot. */
  since?: number;
  signal: AbortSignal;
  heartbeatMs?: number;
}

type FeedLike = Pick<InventoryFeed, 'current' | 'deltasSince' | 'subscribe'>;

const encoder = new TextEncoder();

/** A client this far behind (bytes queued, unread) is dropped; EventSource reconnects and gets a snapshot. */
const maxQueuedBytes = 64 * 1024 * 1024;

export function formatSse(event: string, id: number, data: unknown): string {
  // JSON.stringify never emits raw newlines, so one `data:` line is enough.
  return `id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

export function createInventoryEventStream(
  feed: FeedLike,
  opts: EventStreamOptions,
): ReadableStream<Uint8Array> {
  let cleanup = () => {};
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        let closed = false;
        let lastSent: number | null = null;
        const send = (text: string) => {
          if (closed) return;
          if ((controller.desiredSize ?? 0) < -maxQueuedBytes) {
            cleanup();
            return;
          }
          try {
            controller.enqueue(encoder.encode(text));
          } catch {
            cleanup();
          }
        };
        const snapshot = (inv: Inventory) => {
          send(formatSse('inventory', inv.version, inv));
          lastSent = inv.version;
        };
        const delta = (d: InventoryDelta) => {
          send(formatSse('delta', d.toVersion, d));
          lastSent = d.toVersion;
        };

        const unsubscribe = feed.subscribe((d, inv) => {
          // A delta only helps a client that holds exactly its starting version; anyone else gets the whole.
          if (d && lastSent === d.fromVersion) delta(d);
          else snapshot(inv);
        });
        const heartbeat = setInterval(() => send(': ping\n\n'), opts.heartbeatMs ?? 15_000);
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

        send('retry: 2000\n\n');
        const inv = feed.current();
        if (!inv) return; // the first inventory arrives through the subscription
        const catchUp = opts.since !== undefined ? feed.deltasSince(opts.since) : null;
        if (!catchUp) snapshot(inv);
        else {
          lastSent = opts.since ?? null;
          for (const d of catchUp) delta(d);
        }
      },
      cancel() {
        cleanup();
      },
    },
    { highWaterMark: 1024 * 1024, size: (chunk) => chunk.byteLength },
  );
}
