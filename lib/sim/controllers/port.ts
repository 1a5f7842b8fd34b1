import type { KubeObject } from '../../cilium/objects';
import { intern } from '../intern';

// What the simulated controllers need of the API server: the same verbs Cilium's controllers use
// against a real one (list, watch, create, update, update status, delete). embedded.ts adapts the
// store to this; tests can too. Objects handed out may be frozen: controllers never mutate them.

export interface KindRef {
  apiVersion: string;
  kind: string;
}

export type WatchHandler = (type: 'ADDED' | 'MODIFIED' | 'DELETED', object: KubeObject) => void;

export interface ControllerStore {
  /** Current objects of a kind, plus the version to start watching from. */
  list(ref: KindRef, namespace?: string): { items: KubeObject[]; resourceVersion: string };
  /** Events after `resourceVersion`; returns the unsubscribe function. */
  watch(ref: KindRef, resourceVersion: string, handler: WatchHandler, namespace?: string): () => void;
  create(obj: KubeObject): KubeObject;
  /** Main resource update; `metadata.resourceVersion` makes it conditional (409 on a stale copy). */
  update(obj: KubeObject): KubeObject;
  /** The `/status` subresource. */
  updateStatus(obj: KubeObject): KubeObject;
  delete(ref: KindRef, name: string, namespace?: string): void;
}

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Interned: every controller's cache keys the same object by one shared string. */
export const keyOf = (o: KubeObject) => intern(`${o.metadata.namespace ?? ''}/${o.metadata.name}`);

/** A kind's current objects kept up to date from a watch, keyed `namespace/name`. */
export class Cache<T extends KubeObject> {
  readonly items = new Map<string, T>();
  private stop: (() => void) | null = null;

  constructor(
    private readonly store: ControllerStore,
    private readonly ref: KindRef,
    private readonly namespace?: string,
  ) {}

  /** Fills the cache, then calls `onChange` for every later event (after the cache is updated). */
  start(onChange: (type: 'ADDED' | 'MODIFIED' | 'DELETED', obj: T, prev: T | undefined) => void): T[] {
    const { items, resourceVersion } = this.store.list(this.ref, this.namespace);
    for (const o of items) this.items.set(keyOf(o), o as T);
    this.stop = this.store.watch(
      this.ref,
      resourceVersion,
      (type, obj) => {
        const key = keyOf(obj);
        const prev = this.items.get(key);
        if (type === 'DELETED') this.items.delete(key);
        else this.items.set(key, obj as T);
        onChange(type, obj as T, prev);
      },
      this.namespace,
    );
    return items as T[];
  }

  close(): void {
    this.stop?.();
    this.stop = null;
  }

  values(): T[] {
    return [...this.items.values()];
  }
}
