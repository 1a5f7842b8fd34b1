// The one versioned object store under the embedded API server. Every kind in KINDS lives here
// with the same semantics: a global monotonic resourceVersion, uid, creationTimestamp,
// generation bumped on spec changes only, 409 on stale updates, bounded watch history (410
// beyond it), dry-run on every write. Returned objects are frozen: clone before editing.
import { randomUUID } from 'node:crypto';
import { Allocator } from './allocator';
import {
  alreadyExists,
  ApiError,
  badRequest,
  conflict,
  invalid,
  notFound,
  tooLargeResourceVersion,
} from './errors';
import { applyKindHooks, serviceAllocations } from './kind-hooks';
import { storageApiVersion, storeKey, type KindDef } from './kinds';
import { deepFreeze, ordered, randomSuffix, rfc3339 } from './object-utils';
import { sameCanonical, sameSpecPart } from './same-canonical';
import { matchesFields, matchesLabels, parseFieldSelector, parseLabelSelector } from './selectors';
import { cloneInterned } from './intern';
import { isObj } from './patch';
import { nameRule, patchedObject, resolveKind, withRemovals } from './store-helpers';
import type {
  KindRef,
  ListOptions,
  ListResult,
  ObjectRef,
  PatchOptions,
  PatchType,
  SimObject,
  WatchOptions,
  WriteOptions,
} from './types';
import { validateMetaMaps, validateName } from './validate';
import { objectTypeCauses } from './field-types';
import { WatchHub, type Listener } from './watch-hub';
import { applyConflictError, findConflicts, ownedByOther, withoutPath } from './apply-ownership';
import { withConversions } from './conversions';

export { patchedObject, resolveKind } from './store-helpers';

export interface StoreOptions {
  /** Clock for creationTimestamp and table ages (tests pass a fixed one). */
  now?: () => Date;
  /** Writes kept for resuming watches; older resourceVersions get 410 Gone. Default 10,000. */
  historyLimit?: number;
}

export interface CreateOptions extends WriteOptions {
  /** In-process seeds only: keep `status` from the input (a real API server drops it on create). */
  withStatus?: boolean;
}

export interface Store {
  create(obj: object, opts?: CreateOptions): SimObject;
  get(ref: ObjectRef): SimObject | undefined;
  list(kind: KindRef, opts?: ListOptions): ListResult;
  update(obj: object, opts?: WriteOptions): SimObject;
  patch(ref: ObjectRef, type: PatchType, patch: unknown, opts?: PatchOptions): SimObject;
  delete(ref: ObjectRef, opts?: { dryRun?: boolean }): SimObject;
  watch(kind: KindRef, opts: WatchOptions, listener: Listener): () => void;
  /** The latest resourceVersion handed out. */
  resourceVersion(): string;
  now(): Date;
}

export const SEEDED_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];
const PROTECTED_NAMESPACES = new Set(['default', 'kube-system', 'kube-public']);

export function createStore(options: StoreOptions = {}): Store {
  const now = options.now ?? (() => new Date());
  const hub = new WatchHub(options.historyLimit ?? 10_000);
  const alloc = new Allocator();
  const collections = new Map<string, Map<string, SimObject>>();
  const sorted = new Map<string, SimObject[]>();
  /** Last server-side-applied configuration per object uid, then per field manager. */
  const applied = new Map<string, Map<string, Record<string, unknown>>>();
  let rv = 0;

  const coll = (def: KindDef) => {
    const key = storeKey(def);
    let c = collections.get(key);
    if (!c) collections.set(key, (c = new Map()));
    return c;
  };
  const objKey = (def: KindDef, ns: string | undefined, name: string) =>
    def.namespaced ? `${ns ?? ''}/${name}` : name;
  const nsOf = (def: KindDef, ns: unknown) =>
    def.namespaced ? (typeof ns === 'string' && ns ? ns : 'default') : undefined;
  const asVersion = (obj: SimObject, apiVersion: string): SimObject =>
    obj.apiVersion === apiVersion ? obj : Object.freeze({ ...obj, apiVersion });
  const allocs = (def: KindDef, obj: SimObject | undefined) =>
    def.hooks === 'service' ? serviceAllocations(obj) : { ips: [], ports: [] };

  function commit(
    def: KindDef,
    type: 'ADDED' | 'MODIFIED' | 'DELETED',
    obj: SimObject,
    prev?: SimObject,
  ): void {
    const c = coll(def);
    const k = objKey(def, obj.metadata.namespace, obj.metadata.name);
    if (type === 'DELETED') c.delete(k);
    else c.set(k, obj);
    sorted.delete(storeKey(def));
    const before = allocs(def, prev);
    alloc.release(before.ips, before.ports);
    if (type !== 'DELETED') {
      const after = allocs(def, obj);
      alloc.reserve(after.ips, after.ports);
    }
    hub.publish({ rv, key: storeKey(def), type, object: obj, prev });
  }

  function finish(
    def: KindDef,
    draft: Record<string, unknown>,
    meta: Record<string, unknown>,
    dryRun: boolean,
  ): SimObject {
    if (!dryRun) meta.resourceVersion = String(++rv);
    // Drafts come cloneInterned; metadata may still hold the caller's maps (labels, annotations).
    return deepFreeze(ordered(draft, storageApiVersion(def), def.kind, cloneInterned(meta)));
  }

  function getStored(def: KindDef, ns: string | undefined, name: string): SimObject | undefined {
    return coll(def).get(objKey(def, ns, name));
  }

  function cleanMeta(raw: unknown): Record<string, unknown> {
    if (raw !== undefined && !isObj(raw)) throw badRequest('metadata must be an object');
    const meta: Record<string, unknown> = { ...(raw ?? {}) };
    for (const k of ['managedFields', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'selfLink'])
      delete meta[k];
    return meta;
  }

  const store: Store = {
    now,
    resourceVersion: () => String(rv),

    create(input, opts = {}) {
      if (!isObj(input)) throw badRequest('the object must be a JSON object');
      const def = resolveKind(input.apiVersion, input.kind);
      const meta = cleanMeta(input.metadata);
      if (
        (meta.name === undefined || meta.name === '') &&
        typeof meta.generateName === 'string' &&
        meta.generateName
      ) {
        meta.name = `${meta.generateName}${randomSuffix()}`;
      }
      const name = meta.name as string;
      const ns = nsOf(def, meta.namespace);
      if (def.namespaced) meta.namespace = ns;
      else delete meta.namespace;
      const draft: Record<string, unknown> = cloneInterned({ ...input, metadata: undefined });
      if (def.status && !opts.withStatus) delete draft.status;
      const typeErrors = objectTypeCauses(def, { ...draft, metadata: meta }, true);
      if (typeErrors.length > 0) throw invalid(def.kind, def.group, String(meta.name ?? ''), typeErrors);
      const causes = [...validateName(meta.name, nameRule(def)), ...validateMetaMaps(meta)];
      causes.push(...applyKindHooks(def, draft, { alloc }));
      if (causes.length > 0) throw invalid(def.kind, def.group, String(meta.name ?? ''), causes);
      if (def.namespaced && !getStored(resolveKind('v1', 'Namespace'), undefined, ns as string)) {
        throw notFound('namespaces', '', ns as string);
      }
      if (getStored(def, ns, name)) throw alreadyExists(def.resource, def.group, name);
      delete meta.resourceVersion;
      Object.assign(meta, { uid: randomUUID(), creationTimestamp: rfc3339(now()), generation: 1 });
      const obj = finish(def, draft, meta, opts.dryRun ?? false);
      if (!opts.dryRun) commit(def, 'ADDED', obj);
      return asVersion(obj, input.apiVersion as string);
    },

    get(ref) {
      const def = resolveKind(ref.apiVersion, ref.kind);
      const obj = getStored(def, nsOf(def, ref.namespace), ref.name);
      return obj && asVersion(obj, ref.apiVersion);
    },

    list(kind, opts = {}) {
      const def = resolveKind(kind.apiVersion, kind.kind);
      const labels = parseLabelSelector(opts.labelSelector);
      const fields = parseFieldSelector(opts.fieldSelector, def);
      let all = sorted.get(storeKey(def));
      if (!all) {
        const c = coll(def);
        all = [...c.keys()].sort().map((k) => c.get(k) as SimObject);
        sorted.set(storeKey(def), all);
      }
      const items = all.filter(
        (o) =>
          (!opts.namespace || !def.namespaced || o.metadata.namespace === opts.namespace) &&
          (labels.length === 0 || matchesLabels(labels, o.metadata.labels)) &&
          (fields.length === 0 || matchesFields(fields, o)),
      );
      return { items: items.map((o) => asVersion(o, kind.apiVersion)), resourceVersion: String(rv) };
    },

    update(input, opts = {}) {
      if (!isObj(input)) throw badRequest('the object must be a JSON object');
      const def = resolveKind(input.apiVersion, input.kind);
      const inMeta = cleanMeta(input.metadata);
      const name = String(inMeta.name ?? '');
      const ns = nsOf(def, inMeta.namespace);
      const old = getStored(def, ns, name);
      if (!old) throw notFound(def.resource, def.group, name);
      if (
        inMeta.resourceVersion !== undefined &&
        inMeta.resourceVersion !== '' &&
        inMeta.resourceVersion !== old.metadata.resourceVersion
      ) {
        throw conflict(def.resource, def.group, name);
      }
      const statusOnly = opts.subresource === 'status';
      if (statusOnly && !def.status) throw notFound(def.resource, def.group, name);
      const draft: Record<string, unknown> = statusOnly
        ? { ...cloneInterned(old), status: cloneInterned(input.status) }
        : cloneInterned({ ...input, status: def.status ? old.status : input.status });
      const meta: Record<string, unknown> = statusOnly ? cloneInterned(old.metadata) : inMeta;
      Object.assign(meta, {
        name: old.metadata.name,
        namespace: old.metadata.namespace,
        uid: old.metadata.uid,
        creationTimestamp: old.metadata.creationTimestamp,
        generation: old.metadata.generation,
      });
      if (!def.namespaced) delete meta.namespace;
      delete meta.resourceVersion;
      const typeErrors = objectTypeCauses(def, { ...draft, metadata: meta }, true);
      if (typeErrors.length > 0) throw invalid(def.kind, def.group, name, typeErrors);
      const causes = validateMetaMaps(meta);
      causes.push(...applyKindHooks(def, draft, { alloc, old: old as Record<string, unknown> }));
      if (causes.length > 0) throw invalid(def.kind, def.group, name, causes);
      const candidate = ordered(draft, storageApiVersion(def), def.kind, {
        ...meta,
        resourceVersion: old.metadata.resourceVersion,
      });
      if (sameCanonical(candidate, old)) return asVersion(old, input.apiVersion as string);
      if (!sameSpecPart(candidate, old)) meta.generation = (old.metadata.generation ?? 1) + 1;
      const obj = finish(def, draft, meta, opts.dryRun ?? false);
      if (!opts.dryRun) commit(def, 'MODIFIED', obj, old);
      return asVersion(obj, input.apiVersion as string);
    },

    patch(ref, type, body, opts = {}) {
      const def = resolveKind(ref.apiVersion, ref.kind);
      const old = getStored(def, nsOf(def, ref.namespace), ref.name);
      if (type === 'strategic' && !def.strategicMerge) {
        throw new ApiError(
          415,
          'UnsupportedMediaType',
          `strategic merge patch is not supported for ${def.kind} (${def.group}); use a merge or JSON patch`,
        );
      }
      if (type !== 'apply') {
        if (!old) throw notFound(def.resource, def.group, ref.name);
        return store.update(patchedObject(def, asVersion(old, ref.apiVersion), type, body), opts);
      }
      if (!isObj(body)) throw badRequest('apply patch: the body must be an object');
      const manager = opts.fieldManager ?? '';
      let out: SimObject;
      if (!old) {
        const meta = {
          ...(isObj(body.metadata) ? body.metadata : {}),
          name: ref.name,
          namespace: ref.namespace,
        };
        out = store.create({ ...body, metadata: meta }, opts);
        if (!opts.dryRun)
          applied.set(out.metadata.uid as string, new Map([[manager, structuredClone(body)]]));
        return out;
      }
      // Server-side apply (apply-ownership.ts): another applier's field with a different value is a
      // 409 unless forced (then it loses the field); fields this manager applied before and no longer
      // names are removed unless someone else still owns them.
      const uid = old.metadata.uid as string;
      const configs = applied.get(uid) ?? new Map<string, Record<string, unknown>>();
      const live = old as Record<string, unknown>;
      const conflicts = findConflicts(configs, manager, body, live);
      if (conflicts.length > 0 && !opts.force)
        throw applyConflictError(conflicts, def.resource, def.group, ref.name);
      const prev = configs.get(manager);
      const patch =
        prev === undefined
          ? body
          : withRemovals(prev, body, (path) => ownedByOther(configs, manager, path, live));
      out = store.update(patchedObject(def, asVersion(old, ref.apiVersion), 'merge', patch), opts);
      if (!opts.dryRun) {
        const next = new Map(configs);
        for (const c of conflicts) next.set(c.manager, withoutPath(next.get(c.manager) ?? {}, c.path));
        next.set(manager, structuredClone(body));
        applied.set(uid, next);
      }
      return out;
    },

    delete(ref, opts = {}) {
      const def = resolveKind(ref.apiVersion, ref.kind);
      const old = getStored(def, nsOf(def, ref.namespace), ref.name);
      if (!old) throw notFound(def.resource, def.group, ref.name);
      if (def.kind === 'Namespace' && PROTECTED_NAMESPACES.has(ref.name)) {
        throw new ApiError(
          403,
          'Forbidden',
          `namespaces "${ref.name}" is forbidden: this namespace may not be deleted`,
          { name: ref.name, kind: 'namespaces' },
        );
      }
      if (opts.dryRun) return asVersion(old, ref.apiVersion);
      if (def.kind === 'Namespace') {
        // Namespace deletion is immediate here (no Terminating phase): its objects go first.
        for (const [key, c] of collections) {
          for (const obj of [...c.values()]) {
            if (obj.metadata.namespace !== ref.name) continue;
            const d = resolveKind(obj.apiVersion, obj.kind);
            if (storeKey(d) === key)
              store.delete({
                apiVersion: obj.apiVersion,
                kind: obj.kind,
                namespace: ref.name,
                name: obj.metadata.name,
              });
          }
        }
      }
      const gone = finish(def, cloneInterned(old), cloneInterned(old.metadata), false);
      commit(def, 'DELETED', gone, old);
      applied.delete(old.metadata.uid as string);
      return asVersion(gone, ref.apiVersion);
    },

    watch(kind, opts, listener) {
      const def = resolveKind(kind.apiVersion, kind.kind);
      const labels = parseLabelSelector(opts.labelSelector);
      const fields = parseFieldSelector(opts.fieldSelector, def);
      const raw = opts.resourceVersion;
      const from = raw === undefined || raw === '' || raw === '0' ? undefined : Number(raw);
      if (from !== undefined && (!Number.isInteger(from) || from < 0))
        throw badRequest(`invalid resourceVersion ${JSON.stringify(raw)}`);
      if (from !== undefined && from > rv) throw tooLargeResourceVersion(from, rv);
      const matches = (o: SimObject) =>
        (!opts.namespace || !def.namespaced || o.metadata.namespace === opts.namespace) &&
        matchesLabels(labels, o.metadata.labels) &&
        matchesFields(fields, o);
      return hub.subscribe(
        storeKey(def),
        matches,
        from,
        () => store.list(kind, opts).items,
        (ev) => listener({ type: ev.type, object: asVersion(ev.object, kind.apiVersion) }),
      );
    },
  };

  for (const name of SEEDED_NAMESPACES)
    store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  return withConversions(store);
}
