import 'server-only';
import { Watch, type KubeConfig } from '@kubernetes/client-node';
import type { SourceError, SourceState, SourceStatus } from '../cilium/cluster-state';
import { backoffDelay, defaultTiming, type SupervisorTiming } from './backoff';
import { fromStatusBody, toKubeApiError, type KubeApiError } from './errors';
import { kubeGetJson } from './http';
import { keepNewest } from './keep-newest';
import type { SourceDef, SourceItem, SourceKey } from './sources';

// One list + watch per source, restarted when it dies. Not client-node's informer: it keeps its own
// cache of every raw object (managedFields and all) next to our trimmed copy — twice the memory at
// 10,000 Services — and stops for good on any error other than 410, so a blip of the API server
// would freeze a screen forever. Here: list (kubeGetJson), trim, then watch from the list's
// resourceVersion with bookmarks; a watch the server ends is resumed from the last resourceVersion
// seen, a 410 (history compacted) lists again, anything else fails the source into its backoff.

export interface SupervisorHooks {
  now(): number;
  onChange(key: SourceKey): void;
  /** Listed again after being down: the API server is back, so the others need not wait out their backoff. */
  onRecovered?(key: SourceKey): void;
}

const objectKey = (o: { metadata: { namespace?: string; name: string } }) =>
  `${o.metadata.namespace ?? ''}/${o.metadata.name}`;

export class SupervisedSource<K extends SourceKey> {
  private objects = new Map<string, SourceItem<K>>();
  /** items(), until the objects change. */
  private sorted: SourceItem<K>[] | null = null;
  private current: SourceStatus;
  private downSince: number | null = null;
  private attempt = 0;
  /** Bumped on every (re)start, relist and stop: callbacks of an older list or watch are ignored (incl. abort errors). */
  private generation = 0;
  private stopped = true;
  private synced = false;
  /** The last failure left no answer from the server (refused, DNS, TLS, timeout). */
  private unreachable = false;
  /** Aborts the path discovery or list in flight. */
  private abort: AbortController | null = null;
  /** Watches in a row that the server ended at once, having said nothing. */
  private quickCloses = 0;
  /** Ends the current watch stream (client-node's Watch hands it back once the server answered). */
  private watchRequest: AbortController | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private staleTimer: NodeJS.Timeout | null = null;

  constructor(
    readonly def: SourceDef<K>,
    private readonly kc: KubeConfig,
    private readonly hooks: SupervisorHooks,
    private readonly timing: SupervisorTiming = defaultTiming,
  ) {
    this.current = {
      source: def.key,
      state: 'starting',
      required: def.required,
      since: new Date(hooks.now()).toISOString(),
    };
  }

  status(): SourceStatus {
    return { ...this.current };
  }

  /** Listed at least once, or known to be unreadable (forbidden / missing). */
  hasSettled(): boolean {
    return this.synced || this.current.state === 'forbidden' || this.current.state === 'missing';
  }

  /** Its data can be trusted for a first inventory: listed once, or not served (so there is none). */
  hasListed(): boolean {
    return this.synced || this.current.state === 'missing';
  }

  /** Waiting out a backoff after the server did not answer: try now instead (it is back). */
  retryNow(): void {
    if (this.stopped || !this.retryTimer || !this.unreachable) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = null;
    void this.run();
  }

  /** Sorted by namespace/name; a fresh array (the objects are shared and never mutated). */
  items(): SourceItem<K>[] {
    if (!this.sorted) {
      const keys = [...this.objects.keys()].sort();
      const sorted = keys.map((k) => this.objects.get(k) as SourceItem<K>);
      this.sorted = this.def.limit ? keepNewest(sorted, this.def.limit.max, this.def.limit.timeOf) : sorted;
    }
    return this.sorted.slice();
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.run();
  }

  stop(): Promise<void> {
    this.stopped = true;
    this.generation++;
    this.clearTimers();
    this.teardown();
    return Promise.resolve();
  }

  /** (Re)starts from scratch: resolve the path, list, watch. */
  private async run(): Promise<void> {
    const gen = ++this.generation;
    this.teardown();
    const abort = new AbortController();
    this.abort = abort;
    let path: string;
    try {
      path = await this.def.resolvePath(this.kc, abort.signal);
    } catch (err) {
      this.fail(gen, err);
      return;
    }
    if (gen !== this.generation) return;
    await this.listAndWatch(gen, path, abort.signal);
  }

  private async listAndWatch(gen: number, path: string, signal: AbortSignal): Promise<void> {
    let body: { items?: unknown; metadata?: { resourceVersion?: string } };
    try {
      body = (await kubeGetJson(this.kc, path, { signal })) as typeof body;
    } catch (err) {
      this.fail(gen, err);
      return;
    }
    if (gen !== this.generation) return;
    this.replaceAll(Array.isArray(body.items) ? (body.items as unknown[]) : []);
    await this.watchFrom(gen, path, body.metadata?.resourceVersion ?? '');
  }

  /** One watch request from `resourceVersion`; its end decides what comes next. */
  private async watchFrom(gen: number, path: string, resourceVersion: string): Promise<void> {
    let rv = resourceVersion;
    let events = 0;
    let serverError: { code?: unknown } | null = null;
    const startedAt = performance.now();
    const onEvent = (type: string, obj: unknown) => {
      if (gen !== this.generation) return;
      events++;
      if (type === 'ERROR') {
        // The server says why before it ends the stream (410: history compacted, list again).
        serverError = isRecord(obj) ? obj : {};
        return;
      }
      const objRv = isRecord(obj) && isRecord(obj.metadata) ? obj.metadata.resourceVersion : undefined;
      if (typeof objRv === 'string' && objRv) rv = objRv;
      if (type === 'ADDED' || type === 'MODIFIED') this.upsert(gen, obj);
      else if (type === 'DELETED') this.remove(gen, obj);
      // BOOKMARK: only the resourceVersion moves, so a resumed watch starts from there.
    };
    const onDone = (err: unknown) => {
      if (gen !== this.generation || this.stopped) return;
      const code = serverError ? serverError.code : isRecord(err) ? (err.statusCode ?? err.code) : undefined;
      if (code === 410) {
        this.relist(path);
      } else if (serverError) {
        const status = typeof serverError.code === 'number' ? serverError.code : 500;
        this.fail(gen, fromStatusBody(status, serverError, `watch ${path}: HTTP ${status}`));
      } else if (err) {
        this.fail(gen, err);
      } else {
        // The server ended the watch (its timeout, or it is going away): resume where we were at
        // once — if it is gone, that attempt fails and the source turns reconnecting. Only a watch
        // ending again at once with nothing said (a proxy closing streams?) waits, so as not to spin.
        const quick = events === 0 && performance.now() - startedAt < quickCloseMs;
        this.quickCloses = quick ? this.quickCloses + 1 : 0;
        if (this.quickCloses < 2) {
          this.resume(path, rv);
          return;
        }
        const timer = setTimeout(() => {
          if (gen === this.generation && !this.stopped) this.resume(path, rv);
        }, quickCloseMs);
        timer.unref?.();
      }
    };
    let request: AbortController;
    try {
      request = await new Watch(this.kc).watch(
        path,
        { resourceVersion: rv || undefined, allowWatchBookmarks: true },
        onEvent,
        onDone,
      );
    } catch (err) {
      onDone(err);
      return;
    }
    // Torn down (or already over) while the request was on its way: end it now.
    if (gen !== this.generation) request.abort();
    else this.watchRequest = request;
  }

  /** A new watch from `rv` (a new generation: anything the old stream still says is dropped). */
  private resume(path: string, rv: string): void {
    void this.watchFrom(++this.generation, path, rv);
  }

  /** The watch history no longer reaches our resourceVersion: list again (the state stays live). */
  private relist(path: string): void {
    const gen = ++this.generation;
    this.teardown();
    const abort = new AbortController();
    this.abort = abort;
    void this.listAndWatch(gen, path, abort.signal);
  }

  private teardown(): void {
    // Aborts the list in flight and the watch; their late callbacks fail the generation check.
    this.abort?.abort();
    this.watchRequest?.abort();
    this.abort = this.watchRequest = null;
  }

  private replaceAll(raw: unknown[]): void {
    const next = new Map<string, SourceItem<K>>();
    for (const r of raw) {
      const item = this.def.trim(r);
      if (!this.def.keep || this.def.keep(item)) next.set(objectKey(item), item);
    }
    const recovered = this.downSince !== null;
    this.objects = next;
    this.sorted = null;
    this.quickCloses = 0;
    this.synced = true;
    this.attempt = 0;
    this.downSince = null;
    this.unreachable = false;
    if (this.staleTimer) clearTimeout(this.staleTimer);
    this.setState('live');
    this.hooks.onChange(this.def.key);
    if (recovered) this.hooks.onRecovered?.(this.def.key);
  }

  private upsert(gen: number, raw: unknown): void {
    if (gen !== this.generation) return;
    const item = this.def.trim(raw);
    const key = objectKey(item);
    if (this.def.keep && !this.def.keep(item)) {
      this.delete(key);
      return;
    }
    const old = this.objects.get(key);
    if (old && old.metadata.resourceVersion && old.metadata.resourceVersion === item.metadata.resourceVersion)
      return;
    this.objects.set(key, item);
    this.sorted = null;
    // Kept, so the next build (and the feed's clock) sees it, but not worth a rebuild by itself.
    if (old && this.def.quiet?.(old, item, this.hooks.now())) return;
    if (this.def.limit && this.objects.size > this.def.limit.max * 2) {
      this.objects = new Map(
        keepNewest([...this.objects.values()], this.def.limit.max, this.def.limit.timeOf).map((o) => [
          objectKey(o),
          o,
        ]),
      );
    }
    this.hooks.onChange(this.def.key);
  }

  private remove(gen: number, raw: unknown): void {
    if (gen !== this.generation) return;
    this.delete(objectKey(this.def.trim(raw)));
  }

  private delete(key: string): void {
    if (!this.objects.delete(key)) return;
    this.sorted = null;
    this.hooks.onChange(this.def.key);
  }

  private fail(gen: number, raw: unknown): void {
    if (gen !== this.generation || this.stopped) return;
    this.generation++;
    this.teardown();
    const err = toKubeApiError(raw);
    const error = sourceError(err);
    this.unreachable = err.isConnectionError;
    if (err.statusCode === 403 || err.statusCode === 404) {
      const forbidden = err.statusCode === 403;
      if (!forbidden && this.objects.size > 0) {
        // The resource went away (CRD uninstalled): nothing of it exists any more.
        this.objects.clear();
        this.sorted = null;
        this.hooks.onChange(this.def.key);
      }
      this.downSince = null;
      if (this.staleTimer) clearTimeout(this.staleTimer);
      this.setState(
        forbidden ? 'forbidden' : 'missing',
        forbidden ? `no permission to read ${this.def.resource}` : this.def.missingMessage,
        undefined,
        error,
      );
      this.schedule(this.timing.slowRetryMs);
      return;
    }
    const now = this.hooks.now();
    if (this.downSince === null) {
      this.downSince = now;
      this.staleTimer = setTimeout(() => this.markStale(), this.timing.staleAfterMs);
      this.staleTimer.unref?.();
    }
    const state: SourceState = this.current.state === 'stale' ? 'stale' : 'reconnecting';
    // No message of our own: lib/cilium/source-summary words the error (and groups sources by it).
    this.setState(state, undefined, this.downSince, error);
    const timing = err.isConnectionError
      ? { ...this.timing, backoffMaxMs: Math.min(this.timing.backoffMaxMs, this.timing.unreachableMaxMs) }
      : this.timing;
    this.schedule(backoffDelay(this.attempt++, timing));
  }

  private markStale(): void {
    if (this.stopped || this.downSince === null || this.current.state !== 'reconnecting') return;
    this.setState('stale', this.current.message, this.downSince, this.current.error);
  }

  private schedule(delayMs: number): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (!this.stopped) void this.run();
    }, delayMs);
    this.retryTimer.unref?.();
  }

  private clearTimers(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.staleTimer) clearTimeout(this.staleTimer);
    this.retryTimer = this.staleTimer = null;
  }

  private setState(state: SourceState, message?: string, sinceMs?: number, error?: SourceError): void {
    const c = this.current;
    const same =
      c.state === state &&
      c.message === message &&
      c.error?.text === error?.text &&
      c.error?.status === error?.status;
    if (same) return;
    const since = state === c.state ? c.since : new Date(sinceMs ?? this.hooks.now()).toISOString();
    this.current = {
      source: this.def.key,
      state,
      required: this.def.required,
      since,
      ...(message ? { message } : {}),
      ...(error ? { error } : {}),
    };
    this.hooks.onChange(this.def.key);
  }
}

/** A second watch in a row ending within this long having said nothing is resumed after this long. */
const quickCloseMs = 1_000;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function sourceError(err: KubeApiError): SourceError {
  return {
    status: err.statusCode,
    reason: err.reason,
    ...(err.code ? { code: err.code } : {}),
    text: err.message,
  };
}
