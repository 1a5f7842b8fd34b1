import { afterEach, describe, expect, it } from 'vitest';
import { applyInventoryDelta, type InventoryDelta } from '../inventory/delta';
import type { Inventory } from '../inventory/types';
import { createInventoryEventStream } from './event-stream';
import { InventoryFeed } from './inventory-feed';
import { lbService, MemorySource, servicesOnlyInventory } from './testing/memory-source';

interface Frame {
  event?: string;
  id?: string;
  data?: string;
  comment?: string;
}

/** Reads SSE frames off a stream as they come. */
function frameReader(stream: ReadableStream<Uint8Array>) {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return async function next(): Promise<Frame | null> {
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const frame: Frame = {};
        for (const line of block.split('\n')) {
          if (line.startsWith(':')) frame.comment = line.slice(1).trim();
          else if (line.startsWith('event: ')) frame.event = line.slice(7);
          else if (line.startsWith('id: ')) frame.id = line.slice(4);
          else if (line.startsWith('data: ')) frame.data = line.slice(6);
        }
        if (frame.event || frame.comment) return frame;
        continue; // e.g. the retry: line
      }
      const { value, done } = await reader.read();
      if (done) return null;
      buffer += decoder.decode(value, { stream: true });
    }
  };
}

const feeds: InventoryFeed[] = [];
afterEach(async () => {
  await Promise.all(feeds.splice(0).map((f) => f.stop()));
});

async function readyFeed() {
  const source = new MemorySource();
  const feed = new InventoryFeed(source, servicesOnlyInventory, { debounceMs: 5 });
  feeds.push(feed);
  feed.start();
  const first = (await feed.ready(2000))!;
  return { source, feed, first };
}

describe('SSE inventory stream', () => {
  it('sends a snapshot first, then a delta after a change, and unsubscribes on abort', async () => {
    const { source, feed, first } = await readyFeed();
    const abort = new AbortController();
    const next = frameReader(createInventoryEventStream(feed, { signal: abort.signal }));

    const snap = await next();
    expect(snap).toMatchObject({ event: 'inventory', id: String(first.version) });
    const snapshot = JSON.parse(snap!.data!) as Inventory;
    expect(feed.subscriberCount()).toBe(1);

    source.setServices([lbService('jellyfin', '192.168.0.224')]);
    const d = await next();
    expect(d).toMatchObject({ event: 'delta', id: String(first.version + 1) });
    const delta = JSON.parse(d!.data!) as InventoryDelta;
    expect(applyInventoryDelta(snapshot, delta)?.services.map((s) => s.ips)).toEqual([['192.168.0.224']]);

    abort.abort();
    expect(await next()).toBeNull();
    expect(feed.subscriberCount()).toBe(0);
  });

  it('catches a client up with deltas from a known version, and snapshots an unknown one', async () => {
    const { source, feed, first } = await readyFeed();
    let off = () => {};
    const changed = new Promise((r) => (off = feed.subscribe(r)));
    source.setServices([lbService('a', '192.168.0.220')]);
    await changed;
    off();

    const known = new AbortController();
    const fromKnown = frameReader(
      createInventoryEventStream(feed, { since: first.version, signal: known.signal }),
    );
    expect(await fromKnown()).toMatchObject({ event: 'delta', id: String(first.version + 1) });
    known.abort();

    const unknown = new AbortController();
    const fromUnknown = frameReader(createInventoryEventStream(feed, { since: 7, signal: unknown.signal }));
    expect(await fromUnknown()).toMatchObject({ event: 'inventory', id: String(first.version + 1) });
    unknown.abort();
    expect(feed.subscriberCount()).toBe(0);
  });

  it('sends ping comments as heartbeats', async () => {
    const { feed } = await readyFeed();
    const abort = new AbortController();
    const next = frameReader(createInventoryEventStream(feed, { signal: abort.signal, heartbeatMs: 20 }));
    expect((await next())?.event).toBe('inventory');
    expect(await next()).toEqual({ comment: 'ping' });
    abort.abort();
  });

  it('waits for the first inventory when the feed has none yet', async () => {
    const source = new MemorySource();
    const feed = new InventoryFeed(source, servicesOnlyInventory, { debounceMs: 5 });
    feeds.push(feed);
    const abort = new AbortController();
    const next = frameReader(createInventoryEventStream(feed, { signal: abort.signal }));
    feed.start();
    expect((await next())?.event).toBe('inventory');
    abort.abort();
  });
});
