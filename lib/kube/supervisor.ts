import 'server-only';
import {
  makeInformer,
  type KubeConfig,
  type KubernetesListObject,
  type KubernetesObject,
} from '@kubernetes/client-node';
import type { SourceError, SourceState, SourceStatus } from '../cilium/cluster-state';
import { backoffDelay, defaultTiming, type SupervisorTiming } from './backoff';
import { toKubeApiError, type KubeApiError } from './errors';
import { kubeGetJson } from './http';
import { keepNewest } from './keep-newest';
import type { SourceDef, SourceItem, SourceKey } from './sources';

// One informer per source, restarted when it dies. client-node's informer stops for good on any
// error other than 410, so without this a blip of the API server would freeze a screen forever.

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
  private current: SourceStatus;
  private downSince: number | null = null;
  private attempt = 0;
  /** Bumped on every (re)start and stop: callbacks of an older informer are ignored (incl. stop()'s abort error). */
  private generation = 0;
  private stopped = true;
  private synced = false;
  /** The last failure left no answer from the server (refused, DNS, TLS, timeout). */
  private unreachable = false;
  private informer: { stop(): Promise<void> } | null = null;
  private abort: AbortController | null = null;
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

  items(): SourceItem<K>[] {
    const all = [...this.objects.values()];
    const sorted = all.sort((a, b) =>
      objectKey(a) < objectKey(b) ? -1 : objectKey(a) > objectKey(b) ? 1 : 0,
    );
    return this.def.limit ? keepNewest(sorted, this.def.limit.max, this.def.limit.timeOf) : sorted;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.generation++;
    this.clearTimers();
    await this.teardown();
  }

  private async run(): Promise<void> {
    const gen = ++this.generation;
    await this.teardown();
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

    const listFn = async (): Promise<KubernetesListObject<KubernetesObject>> => {
      const body = (await kubeGetJson(this.kc, path, {
        signal: abort.signal,
      })) as KubernetesListObject<KubernetesObject>;
      const items = Array.isArray(body.items) ? body.items : [];
      if (gen === this.generation) this.replaceAll(items);
      return { ...body, items };
    };
    const informer = makeInformer(this.kc, path, listFn);
    informer.on('add', (o) => this.upsert(gen, o));
    informer.on('update', (o) => this.upsert(gen, o));
    informer.on('delete', (o) => this.remove(gen, o));
    informer.on('error', (err) => this.fail(gen, err));
    this.informer = informer;
    informer.start().catch((err: unknown) => this.fail(gen, err));
  }

  private async teardown(): Promise<void> {
    this.abort?.abort();
    this.abort = null;
    const informer = this.informer;
    this.informer = null;
    // stop() aborts the watch, which reports an abort error: the generation check drops it.
    await informer?.stop().catch(() => undefined);
  }

  private replaceAll(raw: unknown[]): void {
    const next = new Map<string, SourceItem<K>>();
    for (const r of raw) {
      const item = this.def.trim(r);
      if (!this.def.keep || this.def.keep(item)) next.set(objectKey(item), item);
    }
    const recovered = this.downSince !== null;
    this.objects = next;
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
      if (this.objects.delete(key)) this.hooks.onChange(this.def.key);
      return;
    }
    const old = this.objects.get(key);
    if (old && old.metadata.resourceVersion && old.metadata.resourceVersion === item.metadata.resourceVersion)
      return;
    this.objects.set(key, item);
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
    if (this.objects.delete(objectKey(this.def.trim(raw)))) this.hooks.onChange(this.def.key);
  }

  private fail(gen: number, raw: unknown): void {
    if (gen !== this.generation || this.stopped) return;
    this.generation++;
    void this.teardown();
    const err = toKubeApiError(raw);
    const error = sourceError(err);
    this.unreachable = err.isConnectionError;
    if (err.statusCode === 403 || err.statusCode === 404) {
      const forbidden = err.statusCode === 403;
      if (!forbidden && this.objects.size > 0) {
        // The resource went away (CRD uninstalled): nothing of it exists any more.
        this.objects.clear();
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

function sourceError(err: KubeApiError): SourceError {
  return {
    status: err.statusCode,
    reason: err.reason,
    ...(err.code ? { code: err.code } : {}),
    text: err.message,
  };
}
