import 'server-only';
import type { Inventory } from '../inventory/types';
import { detectChanges } from './detect';
import { observe, type ObservedState } from './observed';
import type { HistoryStore } from './store';

// From the feed's versions to stored changes, off the feed's path: `offer` only queues the
// inventory (the feed's notify must never wait on a database), and one worker records the queue
// in order. Whenever recording (re)starts — the process starting, the database returning, this
// replica becoming the recorder — the last recorded state is compared with the live one first and
// the difference stored as "changed while not watching". A failed write is never retried blindly:
// its transaction carried the state, so the next resync sees exactly what was kept.

export interface RecorderDeps {
  cluster: string;
  /** The store while the database is reachable, else null. */
  store: () => HistoryStore | null;
  /** Whether this replica records (the Lease holder; always true for one replica). */
  leading: () => boolean;
  /** A write failed: the database is probably gone (the owner reconnects). */
  failed: (err: unknown) => void;
  now?: () => number;
}

/** Past this many queued versions, only the newest is kept (its diff covers the ones dropped). */
const MAX_QUEUE = 64;

export class Recorder {
  private queue: Inventory[] = [];
  private latest: Inventory | null = null;
  /** What the database holds as the last state; null: resync before recording anything. */
  private recorded: ObservedState | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private again = false;
  /** Changes stored by this process (tests and the status line). */
  written = 0;
  /** The newest inventory version whose changes are stored (or that had none). */
  recordedVersion = 0;

  constructor(private readonly deps: RecorderDeps) {}

  /** A new inventory version (cheap: queues it and wakes the worker). */
  offer(inv: Inventory): void {
    if (this.stopped) return;
    this.latest = inv;
    this.queue.push(inv);
    if (this.queue.length > MAX_QUEUE) this.queue = [inv];
    this.kick();
  }

  /** Recording must start from the stored state again (reconnected, or leadership changed). */
  resync(): void {
    this.recorded = null;
    this.kick();
  }

  /** Resolves once everything queued so far is recorded (or given up on). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  stop(): void {
    this.stopped = true;
    this.queue = [];
  }

  private kick(): void {
    if (this.stopped) return;
    if (this.running) {
      // Woken while a pass is under way (a resync, a reconnect): run again once it ends.
      this.again = true;
      return;
    }
    this.again = false;
    this.running = this.drain().finally(() => {
      this.running = null;
      if (this.again || (this.queue.length > 0 && this.canRecord())) this.kick();
    });
  }

  private canRecord(): boolean {
    return !this.stopped && this.deps.leading() && this.deps.store() !== null;
  }

  private async drain(): Promise<void> {
    // Let the feed's notify return before any work starts.
    await new Promise((r) => setImmediate(r));
    while (this.latest && !this.stopped) {
      const store = this.deps.store();
      if (!store || !this.deps.leading()) {
        // Not recording now: what happens meanwhile is found by the resync when it resumes.
        this.queue = [];
        this.recorded = null;
        return;
      }
      try {
        if (this.recorded === null) {
          this.queue = [];
          await this.resyncFrom(store, this.latest);
          continue;
        }
        const inv = this.queue.shift();
        if (!inv) return;
        const next = observe(inv);
        const changes = detectChanges(this.recorded, next, {
          at: inv.generatedAt,
          cluster: this.deps.cluster,
        });
        if (changes.length > 0) {
          await store.record(this.deps.cluster, changes, next, inv.generatedAt);
          this.written += changes.length;
        }
        this.recorded = next;
        this.recordedVersion = inv.version;
      } catch (err) {
        this.recorded = null;
        this.queue = [];
        this.deps.failed(err);
        return;
      }
    }
  }

  private async resyncFrom(store: HistoryStore, inv: Inventory): Promise<void> {
    const live = observe(inv);
    const stored = await store.lastState(this.deps.cluster);
    const at = new Date(this.deps.now?.() ?? Date.now()).toISOString();
    // A first start has nothing to compare with: its state is the baseline, not 10,000 "allocations".
    const changes = stored
      ? detectChanges(stored.state, live, { at, cluster: this.deps.cluster, unwatched: true })
      : [];
    await store.record(this.deps.cluster, changes, live, at);
    this.written += changes.length;
    this.recorded = live;
    this.recordedVersion = inv.version;
  }

  /**
   * Waits (at most `timeoutMs`) until inventory `version` is recorded, so a browser that saw a new
   * version and asks for history gets its changes. Answers at once when this replica does not record.
   */
  async caughtUp(version: number, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.recordedVersion < version && this.canRecord() && (this.latest?.version ?? 0) >= version) {
      if (Date.now() > deadline) return;
      if (this.running)
        await Promise.race([this.running, new Promise((r) => setTimeout(r, deadline - Date.now()))]);
      else await new Promise((r) => setTimeout(r, 10));
    }
  }
}
