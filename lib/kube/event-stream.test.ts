import { afterEach, describe, expect, it } from 'vitest';
import { applyInventoryDelta, type InventoryDelta } from '../inventory/delta';
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
  it('says hello with the version, then sends a delta after a change, and unsubscribes on abort', async () => {
    const { source, feed, first } = await readyFeed();
    const abort = new AbortController();
    const next = frameReader(
      createInventoryEventStream(feed, { since: first.version, signal: abort.signal }),
    );

    const hello = await next();
    expect(hello).toMatchObject({ event: 'hello' });
    expect(JSON.parse(hello!.data!)).toEqual({ version: first.version });
    expect(feed.subscriberCount()).toBe(1);

    source.setServices([lbService('jellyfin', '192.168.0.224')]);
    const d = await next();
    expect(d).toMatchObject({ event: 'delta', id: String(first.version + 1) });
    const delta = JSON.parse(d!.data!) as InventoryDelta;
    expect(applyInventoryDelta(first, delta)?.services.map((s) => s.ips)).toEqual([['192.168.0.224']]);

    abort.abort();
    expect(await next()).toBeNull();
    expect(feed.subscriberCount()).toBe(0);
  });

  it('catches a client up with deltas from a known version, and resets an unknown one', async () => {
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
    expect((await fromKnown())?.event).toBe('hello');
    expect(await fromKnown()).toMatchObject({ event: 'delta', id: String(first.version + 1) });
    known.abort();

    for (const since of [7, undefined]) {
      const unknown = new AbortController();
      const fromUnknown = frameReader(createInventoryEventStream(feed, { since, signal: unknown.signal }));
      expect((await fromUnknown())?.event).toBe('hello');
      const reset = await fromUnknown();
      expect(reset).toMatchObject({ event: 'reset', id: String(first.version + 1) });
      expect(JSON.parse(reset!.data!)).toEqual({ version: first.version + 1 });
      unknown.abort();
    }
    expect(feed.subscriberCount()).toBe(0);
  });

  it('encodes each delta once: every client gets the very same bytes', async () => {
    const { source, feed, first } = await readyFeed();
    const chunks: Uint8Array[][] = [];
    const aborts = [new AbortController(), new AbortController()];
    const readers = aborts.map((a, i) => {
      chunks[i] = [];
      const r = createInventoryEventStream(feed, { since: first.version, signal: a.signal }).getReader();
      const pump = async () => {
        for (;;) {
          const { value, done } = await r.read();
          if (done) return;
          chunks[i].push(value);
        }
      };
      return pump();
    });
    source.setServices([lbService('x', '192.168.0.221')]);
    await new Promise((r) => setTimeout(r, 100));
    for (const a of aborts) a.abort();
    await Promise.all(readers);
    const deltaChunk = (list: Uint8Array[]) =>
      list.find((c) => new TextDecoder().decode(c).includes('event: delta'));
    expect(deltaChunk(chunks[0])).toBeDefined();
    expect(deltaChunk(chunks[0])).toBe(deltaChunk(chunks[1]));
  });

  it('drops a client that reads nothing once too much is queued for it', async () => {
    const { source, feed, first } = await readyFeed();
    const abort = new AbortController();
    // Never read: everything stays queued.
    createInventoryEventStream(feed, { since: first.version, signal: abort.signal, maxQueuedBytes: 200 });
    expect(feed.subscriberCount()).toBe(1);
    for (let i = 0; i < 5 && feed.subscriberCount() > 0; i++) {
      const changed = new Promise((r) => {
        const off = feed.subscribe(() => {
          off();
          r(null);
        });
      });
      source.setServices([lbService(`s${i}`, `192.168.0.${230 + i}`)]);
      await changed;
    }
    expect(feed.subscriberCount()).toBe(0);
    abort.abort();
  });

  it('sends ping comments as heartbeats', async () => {
    const { feed } = await readyFeed();
    const abort = new AbortController();
    const next = frameReader(createInventoryEventStream(feed, { signal: abort.signal, heartbeatMs: 20 }));
    expect((await next())?.event).toBe('hello');
    expect((await next())?.event).toBe('reset');
    expect(await next()).toEqual({ comment: 'ping' });
    abort.abort();
  });

  it('resets the client to the first inventory when the feed had none yet', async () => {
    const source = new MemorySource();
    const feed = new InventoryFeed(source, servicesOnlyInventory, { debounceMs: 5 });
    feeds.push(feed);
    const abort = new AbortController();
    const next = frameReader(createInventoryEventStream(feed, { signal: abort.signal }));
    feed.start();
    const hello = await next();
    expect(JSON.parse(hello!.data!)).toEqual({ version: null });
    expect((await next())?.event).toBe('reset');
    abort.abort();
  });
});
