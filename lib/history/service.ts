import 'server-only';
import type { Change, HistoryStatus } from '../inventory/view/history-wire';
import type { Inventory } from '../inventory/types';
import type { HistoryConfig } from './config';
import { describeUrl, openPglite, openPostgres, type SqlDb } from './db';
import { SchemaTooNewError } from './migrations';
import { Recorder } from './recorder';
import { HistoryStore } from './store';

// History for one dashboard process: the database connection (opened, lost, reopened with
// backoff), whether this replica records (./leader.ts decides with a Lease; alone, it always
// does), the recorder fed from the inventory feed, and the retention prune. Nothing here ever
// throws into the dashboard: without a database the dashboard works on and the header says why.

export interface Leadership {
  leading(): boolean;
  /** Called whenever leading() may have changed. */
  onChange(listener: () => void): void;
  start(): void;
  stop(): Promise<void>;
}

export const alone: Leadership = {
  leading: () => true,
  onChange: () => undefined,
  start: () => undefined,
  stop: async () => undefined,
};

export interface HistoryServiceOptions {
  /** Opens the database (tests pass a database they made; default from the config). */
  open?: () => Promise<SqlDb>;
  leadership?: Leadership;
  now?: () => number;
  /** Retry after a failed open: base and cap of the backoff. */
  retryMs?: { base: number; max: number };
  pruneEveryMs?: number;
  /** Read-only history carried by a snapshot: loaded at open, nothing recorded, nothing pruned. */
  seed?: { changes: readonly Change[]; message: string };
}

const never: Leadership = { ...alone, leading: () => false };

export class HistoryService {
  private store_: HistoryStore | null = null;
  private state: HistoryStatus['state'] = 'connecting';
  private message: string | null = null;
  private since: number;
  private attempt = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  private pruneTimer: NodeJS.Timeout | null = null;
  private connecting: Promise<void> | null = null;
  private stopped = false;
  readonly recorder: Recorder;
  private readonly leadership: Leadership;
  private readonly now: () => number;
  private readonly where: string;

  constructor(
    readonly cluster: string,
    readonly config: HistoryConfig,
    private readonly opts: HistoryServiceOptions = {},
  ) {
    this.now = opts.now ?? Date.now;
    this.since = this.now();
    this.leadership = opts.seed ? never : (opts.leadership ?? alone);
    this.where = config.databaseUrl
      ? describeUrl(config.databaseUrl)
      : config.dataDir
        ? `PGlite at ${config.dataDir}`
        : 'PGlite (until restart)';
    this.recorder = new Recorder({
      cluster,
      store: () => this.store_,
      leading: () => this.leadership.leading(),
      failed: (err) => this.lost(err),
      now: this.now,
    });
    this.leadership.onChange(() => {
      if (opts.seed) return;
      this.recorder.resync();
      this.setState(
        this.store_ ? (this.leadership.leading() ? 'recording' : 'reading') : this.state,
        this.message,
      );
    });
  }

  start(): void {
    if (!this.config.enabled) {
      this.setState('off', 'history is off (LBIPAM_HISTORY=off)');
      return;
    }
    this.leadership.start();
    void this.connect();
    this.pruneTimer = setInterval(() => void this.prune(), this.opts.pruneEveryMs ?? 60 * 60_000);
    this.pruneTimer.unref?.();
  }

  /** History cannot run with this configuration (the header shows why). */
  disable(why: string): void {
    this.setState('unavailable', `history is off: ${why}`);
  }

  /** The feed's listener: a new inventory version to record. */
  offer(inv: Inventory): void {
    if (this.config.enabled) this.recorder.offer(inv);
  }

  /** The store while the database answers (reads go through it on every replica). */
  store(): HistoryStore | null {
    return this.store_;
  }

  status(): HistoryStatus {
    return {
      state: this.state,
      store: this.store_?.where ?? this.where,
      message: this.message,
      since: new Date(this.since).toISOString(),
      retentionDays: this.config.retentionDays,
    };
  }

  /** A read or write failed: mark the database unavailable and reconnect. */
  lost(err: unknown): void {
    if (this.stopped || !this.store_) return;
    const store = this.store_;
    this.store_ = null;
    void store.close().catch(() => undefined);
    this.setState('unavailable', `the history database stopped answering: ${errorText(err)}`);
    this.recorder.resync();
    this.scheduleRetry();
  }

  /** Deletes what is older than the retention (also run hourly). */
  async prune(): Promise<number> {
    const store = this.store_;
    if (!store || !this.leadership.leading()) return 0;
    try {
      return await store.prune(new Date(this.now() - this.config.retentionDays * 86_400_000));
    } catch (err) {
      this.lost(err);
      return 0;
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.recorder.stop();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.pruneTimer) clearInterval(this.pruneTimer);
    await this.connecting?.catch(() => undefined);
    await this.leadership.stop();
    await this.store_?.close().catch(() => undefined);
    this.store_ = null;
  }

  private connect(): Promise<void> {
    this.connecting ??= this.tryOpen().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async tryOpen(): Promise<void> {
    let db: SqlDb | null = null;
    try {
      db = await (this.opts.open ?? (() => openConfigured(this.config)))();
      const store = await HistoryStore.open(db);
      if (this.opts.seed) await store.insert(this.opts.seed.changes);
      if (this.stopped) {
        await store.close();
        return;
      }
      this.store_ = store;
      this.attempt = 0;
      if (this.opts.seed) this.setState('snapshot', this.opts.seed.message);
      else this.setState(this.leadership.leading() ? 'recording' : 'reading', null);
      this.recorder.resync();
      void this.prune();
    } catch (err) {
      await db?.close().catch(() => undefined);
      const tooNew = err instanceof SchemaTooNewError;
      this.setState(
        'unavailable',
        tooNew ? err.message : `cannot open the history database: ${errorText(err)}`,
      );
      this.scheduleRetry(tooNew ? 60_000 : undefined);
    }
  }

  private scheduleRetry(fixedMs?: number): void {
    if (this.stopped || this.retryTimer) return;
    const { base, max } = this.opts.retryMs ?? { base: 1_000, max: 30_000 };
    const wait = fixedMs ?? Math.min(max, base * 2 ** Math.min(this.attempt++, 20));
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect();
    }, wait);
    this.retryTimer.unref?.();
  }

  private setState(state: HistoryStatus['state'], message: string | null): void {
    if (state !== this.state) this.since = this.now();
    this.state = state;
    this.message = message;
  }
}

function openConfigured(config: HistoryConfig): Promise<SqlDb> {
  return config.databaseUrl ? openPostgres(config.databaseUrl) : openPglite(config.dataDir);
}

const errorText = (err: unknown): string =>
  (err instanceof Error ? err.message : String(err)) || 'unknown error';
