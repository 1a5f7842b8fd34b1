// Bounded history of writes plus live subscribers. A watch resumes from any resourceVersion still
// in the history and gets 410 Gone beyond it, like etcd compaction behind a real API server.
import { gone } from './errors';
import type { SimObject, WatchEvent } from './types';

export interface StoreEvent {
  rv: number;
  key: string;
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  object: SimObject;
  prev?: SimObject;
}

export type Listener = (ev: WatchEvent) => void;

interface Subscriber {
  key: string;
  matches: (obj: SimObject) => boolean;
  fn: Listener;
}

export class WatchHub {
  private history: StoreEvent[] = [];
  private compactedRv = 0;
  private readonly subs = new Set<Subscriber>();

  constructor(private readonly limit: number) {}

  publish(ev: StoreEvent): void {
    this.history.push(ev);
    if (this.history.length > this.limit * 1.25) {
      const drop = this.history.length - this.limit;
      this.compactedRv = this.history[drop - 1].rv;
      this.history = this.history.slice(drop);
    }
    for (const sub of this.subs) if (sub.key === ev.key) deliver(sub, ev);
  }

  /** Oldest resourceVersion a watch may still resume from. */
  oldestResumable(): number {
    return this.compactedRv;
  }

  subscribe(
    key: string,
    matches: (obj: SimObject) => boolean,
    fromRv: number | undefined,
    initial: () => SimObject[],
    fn: Listener,
  ): () => void {
    const sub: Subscriber = { key, matches, fn };
    if (fromRv === undefined) {
      for (const obj of initial()) safeCall(fn, { type: 'ADDED', object: obj });
    } else {
      if (fromRv < this.compactedRv) {
        throw gone(`too old resource version: ${fromRv} (${this.compactedRv + 1})`);
      }
      for (const ev of this.history) if (ev.rv > fromRv && ev.key === key) deliver(sub, ev);
    }
    this.subs.add(sub);
    return () => {
      this.subs.delete(sub);
    };
  }
}

/** A selector-filtered watch sees an object leave (DELETED) or enter (ADDED) its selection. */
function deliver(sub: Subscriber, ev: StoreEvent): void {
  const now = sub.matches(ev.object);
  if (ev.type !== 'MODIFIED') {
    if (now) safeCall(sub.fn, { type: ev.type, object: ev.object });
    return;
  }
  const before = ev.prev ? sub.matches(ev.prev) : now;
  if (now && before) safeCall(sub.fn, { type: 'MODIFIED', object: ev.object });
  else if (now) safeCall(sub.fn, { type: 'ADDED', object: ev.object });
  else if (before) safeCall(sub.fn, { type: 'DELETED', object: ev.object });
}

function safeCall(fn: Listener, ev: WatchEvent): void {
  try {
    fn(ev);
  } catch (err) {
    // A misbehaving watcher must not break the write that notified it.
    console.error('lbipam-sim: watch listener threw', err);
  }
}
