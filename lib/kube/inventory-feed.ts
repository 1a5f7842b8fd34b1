import 'server-only';
import type { ClusterInfo, ClusterState, SourceStatus } from '../cilium/cluster-state';
import { sourceName, summarizeSources } from '../cilium/source-summary';
import { diffInventory, isEmptyDelta, metaOf, type InventoryDelta } from '../inventory/delta';
import type { BuiltInventory } from '../inventory/build';
import { BuildBudget, type BuildBudgetOptions } from './build-budget';
import type { Alert, Inventory } from '../inventory/types';

// One inventory for the whole process: rebuilt once per burst of informer changes (debounced), never
// per request or per SSE client. Versions only move when the inventory actually changed, and the
// last few deltas are kept so a reconnecting browser can catch up without a full snapshot.

export interface FeedInput {
  state: ClusterState;
  sources: SourceStatus[];
  cluster: ClusterInfo;
  now: number;
}

/**
 * Builds an inventory from the state; the feed overwrites `version`. Must be pure. It may return
 * the inventory alone, or with the alerts behind its groups (to list a group's members).
 */
export type BuildInventoryFn = (input: FeedInput) => Inventory | BuiltInventory;

const isBuilt = (v: Inventory | BuiltInventory): v is BuiltInventory => 'inventory' in v && 'members' in v;

/** What the feed needs of a ClusterWatch (tests may pass a real one over a loopback API server). */
export interface FeedSource {
  readonly info: ClusterInfo;
  start(): void;
  stop(): Promise<void>;
  state(): ClusterState;
  statuses(): SourceStatus[];
  /** Every required source has listed once (or is not served). */
  requiredListed(): boolean;
  /** Every source listed once or is known unreadable. */
  settled(): boolean;
  onChange(listener: () => void): () => void;
}

export interface FeedOptions {
  debounceMs?: number;
  /** How many deltas to keep for catching up. */
  keepDeltas?: number;
  /**
   * Once every required source has listed, how long to wait for the optional ones (leases, gateways,
   * events) before building without them. Required sources are always waited for: an inventory
   * without pools or Services would claim "no pools" and addresses "held outside every pool".
   */
  graceMs?: number;
  /**
   * Rebuild this often even without cluster changes: the inventory depends on time (an L2 lease
   * that stops being renewed expires without any watch event). Stretched to 10× the last build.
   */
  tickMs?: number;
  /**
   * When the inventory would next change with time alone, after `after` (epoch ms), or null: the
   * earliest lease expiry. With it, a tick builds only when such a moment has passed since the last
   * build; without it, every tick builds.
   */
  nextTimeChange?: (state: ClusterState, after: number) => number | null;
  now?: () => number;
  /** How much building a burst of changes may do before builds are spaced (./build-budget.ts). */
  budget?: BuildBudgetOptions;
}

/** `delta` is null for the first inventory (there is nothing to diff against). */
export type FeedListener = (delta: InventoryDelta | null, inventory: Inventory) => void;

export class InventoryFeed {
  private inventory: Inventory | null = null;
  private members: Map<string, Alert[]> = new Map();
  /** JSON of each part of the current inventory, serialised at most once per version. */
  private json = new Map<string, string>();
  private history: InventoryDelta[] = [];
  private readonly listeners = new Set<FeedListener>();
  /** In-process consumers of every version (history's recorder): notified alike, not counted as clients. */
  private readonly observers = new Set<FeedListener>();
  private readonly waiters = new Set<() => void>();
  private timer: NodeJS.Timeout | null = null;
  private graceTimer: NodeJS.Timeout | null = null;
  private tickTimer: NodeJS.Timeout | null = null;
  private unsubscribe: (() => void) | null = null;
  private startedAt = 0;
  /** When the required sources were first all listed (the optional sources' grace starts then). */
  private requiredAt: number | null = null;
  private lastError: string | null = null;
  /** How long the last build (and diff) took. */
  private lastBuildMs = 0;
  private readonly budget: BuildBudget;
  /** The `now` the current inventory was built with. */
  private builtAt = 0;
  private readonly nextTimeChange: FeedOptions['nextTimeChange'];
  private readonly debounceMs: number;
  private readonly keepDeltas: number;
  private readonly graceMs: number;
  private readonly tickMs: number;
  private readonly now: () => number;

  constructor(
    readonly source: FeedSource,
    private readonly build: BuildInventoryFn,
    opts: FeedOptions = {},
  ) {
    this.debounceMs = opts.debounceMs ?? 50;
    this.keepDeltas = opts.keepDeltas ?? 20;
    this.graceMs = opts.graceMs ?? 2_000;
    this.tickMs = opts.tickMs ?? 10_000;
    this.now = opts.now ?? Date.now;
    this.nextTimeChange = opts.nextTimeChange;
    this.budget = new BuildBudget(opts.budget);
  }

  start(): void {
    if (this.unsubscribe) return;
    this.startedAt = this.now();
    this.unsubscribe = this.source.onChange(() => this.schedule());
    this.source.start();
    this.schedule();
    this.scheduleTick();
  }

  private scheduleTick(): void {
    this.tickTimer = setTimeout(
      () => {
        if (!this.unsubscribe) return;
        if (this.timeHasChangedSomething()) this.schedule();
        this.scheduleTick();
      },
      Math.max(this.tickMs, 10 * this.lastBuildMs),
    );
    this.tickTimer.unref?.();
  }

  /** Whether a tick must rebuild: always without nextTimeChange, else only once a moment has passed. */
  private timeHasChangedSomething(): boolean {
    if (!this.nextTimeChange || !this.inventory) return true;
    try {
      const at = this.nextTimeChange(this.source.state(), this.builtAt);
      return at !== null && at <= this.now();
    } catch {
      return true;
    }
  }

  async stop(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.timer) clearTimeout(this.timer);
    if (this.graceTimer) clearTimeout(this.graceTimer);
    if (this.tickTimer) clearTimeout(this.tickTimer);
    this.timer = this.graceTimer = this.tickTimer = null;
    this.listeners.clear();
    this.observers.clear();
    await this.source.stop();
  }

  current(): Inventory | null {
    return this.inventory;
  }

  /**
   * The cluster as it is now, frozen for a snapshot: the state, the sources and the time, and the
   * inventory built from exactly them (by the feed's own build, with the current version). Built on
   * demand rather than kept from the last build: holding every build's input would pin objects the
   * watch has since replaced (10,000 renewed leases at the scale seed). Null before the first
   * inventory; throws when the build does.
   */
  freeze(): { input: FeedInput; inventory: Inventory } | null {
    const current = this.inventory;
    if (!current) return null;
    const input = this.inputNow();
    const built = this.build(input);
    const inventory = isBuilt(built) ? built.inventory : built;
    return { input, inventory: { ...inventory, version: current.version } };
  }

  /** The state, the sources and the time a build reads now. */
  private inputNow(): FeedInput {
    const sources = this.source.statuses();
    return {
      state: this.source.state(),
      sources,
      cluster: this.source.info,
      now: dataTime(sources, this.now()),
    };
  }

  /** Every alert of one group of the current inventory (null: no such group). */
  groupMembers(id: string): Alert[] | null {
    return this.members.get(id) ?? null;
  }

  /**
   * JSON text of one part of the current inventory (a collection, or `meta`), serialised once per
   * version however many clients ask: at 10,000 Services the Service list is megabytes of JSON.
   */
  serialised(part: string): string | null {
    const inv = this.inventory;
    if (!inv) return null;
    let text = this.json.get(part);
    if (text === undefined) {
      const value = part === 'meta' ? metaOf(inv) : (inv as unknown as Record<string, unknown>)[part];
      if (value === undefined) return null;
      text = JSON.stringify(value);
      this.json.set(part, text);
    }
    return text;
  }

  /** Deltas that take a client from `version` to the current one; null when that version is unknown. */
  deltasSince(version: number): InventoryDelta[] | null {
    if (!this.inventory) return null;
    if (version === this.inventory.version) return [];
    const start = this.history.findIndex((d) => d.fromVersion === version);
    return start < 0 ? null : this.history.slice(start);
  }

  subscribe(listener: FeedListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Like subscribe, for the process's own consumers (subscriberCount counts the clients alone). */
  observe(listener: FeedListener): () => void {
    this.observers.add(listener);
    return () => {
      this.observers.delete(listener);
    };
  }

  subscriberCount(): number {
    return this.listeners.size;
  }

  /** The inventory once there is one; null if none appeared within `timeoutMs` (never hangs). */
  ready(timeoutMs: number): Promise<Inventory | null> {
    if (this.inventory) return Promise.resolve(this.inventory);
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve(this.inventory);
      };
      const timer = setTimeout(done, timeoutMs);
      this.waiters.add(done);
    });
  }

  /** Why there is no inventory yet, in words a person can act on. */
  notReadyReason(): string {
    if (this.lastError) return `building the inventory failed: ${this.lastError}`;
    const statuses = this.source.statuses();
    const waiting = statuses
      .filter((s) => s.required && s.state !== 'live' && s.state !== 'missing')
      .map((s) => sourceName(s.source));
    const why = summarizeSources(statuses, this.source.info.server).messages.map((m) => m.text);
    const parts = [waiting.length ? `waiting for ${waiting.join(', ')} to list` : '', ...why].filter(Boolean);
    return `still reading the cluster at ${this.source.info.server}${parts.length ? `: ${parts.join('; ')}` : ''}`;
  }

  private schedule(): void {
    if (this.timer || !this.unsubscribe) return;
    // A build blocks the event loop and leaves its predecessor (megabytes at 10,000 Services) as
    // garbage: the budget (./build-budget.ts) lets a change after a quiet spell, or a few in a
    // row, be built after the debounce alone, and spaces the builds of a storm.
    const wait = this.budget.waitMs(performance.now(), this.lastBuildMs);
    this.timer = setTimeout(
      () => {
        this.timer = null;
        const t0 = performance.now();
        this.rebuild();
        const end = performance.now();
        this.lastBuildMs = end - t0;
        this.budget.spent(end, this.lastBuildMs);
      },
      Math.max(this.debounceMs, wait),
    );
    this.timer.unref?.();
  }

  /** No inventory (so no alerts, no empty states) until every required source has listed once. */
  private canBuild(): boolean {
    if (this.inventory) return true;
    if (!this.source.requiredListed()) return false;
    if (this.source.settled()) return true;
    const now = this.now();
    if (this.requiredAt === null) {
      this.requiredAt = now;
      this.graceTimer = setTimeout(() => this.schedule(), this.graceMs);
      this.graceTimer.unref?.();
    }
    return now - this.requiredAt >= this.graceMs;
  }

  private rebuild(): void {
    if (!this.unsubscribe || !this.canBuild()) return;
    const input = this.inputNow();
    this.builtAt = input.now;
    let next: Inventory;
    let members: Map<string, Alert[]>;
    try {
      const built = this.build(input);
      next = isBuilt(built) ? built.inventory : built;
      members = isBuilt(built) ? built.members : new Map();
      this.lastError = null;
    } catch (err) {
      // Keep serving the last good inventory; the error is visible in the 503 / logs.
      this.lastError = err instanceof Error ? err.message : String(err);
      console.error('[lbipam] inventory build failed:', err);
      return;
    }
    const prev = this.inventory;
    if (!prev) {
      // Versions start at the wall clock so a browser's Last-Event-ID from an earlier server process
      // is never mistaken for a version of this one.
      this.inventory = { ...next, version: this.startedAt };
      this.members = members;
      this.json.clear();
      for (const w of [...this.waiters]) w();
      this.notify(null, this.inventory);
      return;
    }
    const candidate: Inventory = { ...next, version: prev.version + 1 };
    const delta = diffInventory(prev, candidate);
    this.members = members;
    if (isEmptyDelta(delta)) return;
    this.inventory = candidate;
    this.json.clear();
    this.history.push(delta);
    if (this.history.length > this.keepDeltas) this.history.splice(0, this.history.length - this.keepDeltas);
    this.notify(delta, candidate);
  }

  private notify(delta: InventoryDelta | null, inventory: Inventory): void {
    for (const l of [...this.observers, ...this.listeners]) {
      try {
        l(delta, inventory);
      } catch (err) {
        console.error('[lbipam] inventory subscriber failed:', err);
      }
    }
  }
}

/**
 * The time the inventory is judged at: now, or — while a source whose objects are judged against
 * the clock is down — the moment it was lost. Judging its old data by the wall clock would invent
 * events nobody saw: every L2 lease "expires" while the API server is away, because its renewals
 * cannot reach us. Only leases are read that way (`clocked`); an optional source failing alone
 * (events answering 500) must not stop time for the rest.
 */
export function dataTime(
  sources: SourceStatus[],
  now: number,
  clocked: ReadonlySet<SourceStatus['source']> = clockedSources,
): number {
  let t = now;
  for (const s of sources) {
    if (!clocked.has(s.source) || (s.state !== 'reconnecting' && s.state !== 'stale')) continue;
    const since = Date.parse(s.since);
    if (Number.isFinite(since) && since < t) t = since;
  }
  return t;
}

const clockedSources: ReadonlySet<SourceStatus['source']> = new Set(['leases']);
