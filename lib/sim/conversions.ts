// Kinds served from another kind's collection. events.k8s.io/v1 Event and v1 Event are one
// object in Kubernetes (the apiserver converts between the two shapes); so they are here:
// stored as v1, renamed field by field on the way in and out.
import { findKind, type KindDef } from './kinds';
import { deepFreeze } from './object-utils';
import { isObj } from './patch';
import { patchedObject } from './store-helpers';
import type { Store } from './store';
import type { KindRef, SimObject } from './types';

type Obj = Record<string, unknown>;

/** [v1 field, events.k8s.io/v1 field] */
const EVENT_FIELDS: [string, string][] = [
  ['involvedObject', 'regarding'],
  ['message', 'note'],
  ['source', 'deprecatedSource'],
  ['firstTimestamp', 'deprecatedFirstTimestamp'],
  ['lastTimestamp', 'deprecatedLastTimestamp'],
  ['count', 'deprecatedCount'],
  ['reportingComponent', 'reportingController'],
];

function rename(obj: Obj, pairs: [string, string][], apiVersion: string): Obj {
  const out: Obj = {};
  const map = new Map(pairs);
  for (const [k, v] of Object.entries(obj)) out[map.get(k) ?? k] = v;
  out.apiVersion = apiVersion;
  return out;
}

function converted(apiVersion: string, kind: string): KindDef | undefined {
  const def = findKind(apiVersion, kind);
  return def?.storedAs ? def : undefined;
}

export function toStored(def: KindDef, obj: Obj): Obj {
  const to = def.storedAs!;
  return rename(
    obj,
    EVENT_FIELDS.map(([a, b]) => [b, a]),
    to.apiVersion,
  );
}

export function fromStored(obj: SimObject, apiVersion: string): SimObject {
  return deepFreeze(rename(obj, EVENT_FIELDS, apiVersion) as SimObject);
}

/**
 * An events.k8s.io/v1 field selector in v1 names, as the apiserver's field label conversion does
 * (`regarding.name` → `involvedObject.name`, `reportingController` → `reportingComponent`).
 */
export function storedFieldSelector(text: string | undefined): string | undefined {
  if (!text) return text;
  const renames = new Map(EVENT_FIELDS.map(([a, b]) => [b, a]));
  return text.replace(/(^|,)(\s*)([A-Za-z]+)(?=[.=!\s])/g, (all, sep: string, sp: string, head: string) => {
    const to = renames.get(head);
    return to ? `${sep}${sp}${to}` : all;
  });
}

export function withConversions(inner: Store): Store {
  const storedRef = <T extends KindRef>(def: KindDef, ref: T): T => ({
    ...ref,
    apiVersion: def.storedAs!.apiVersion,
    kind: def.storedAs!.kind,
  });
  const wrapped: Store = {
    ...inner,
    create(obj, opts) {
      const def = isObj(obj) ? converted(String(obj.apiVersion), String(obj.kind)) : undefined;
      if (!def) return inner.create(obj, opts);
      return fromStored(inner.create(toStored(def, obj as Obj), opts), String((obj as Obj).apiVersion));
    },
    get(ref) {
      const def = converted(ref.apiVersion, ref.kind);
      if (!def) return inner.get(ref);
      const obj = inner.get(storedRef(def, ref));
      return obj && fromStored(obj, ref.apiVersion);
    },
    list(kind, opts) {
      const def = converted(kind.apiVersion, kind.kind);
      if (!def) return inner.list(kind, opts);
      const res = inner.list(
        storedRef(def, kind),
        opts && { ...opts, fieldSelector: storedFieldSelector(opts.fieldSelector) },
      );
      return { ...res, items: res.items.map((o) => fromStored(o, kind.apiVersion)) };
    },
    update(obj, opts) {
      const def = isObj(obj) ? converted(String(obj.apiVersion), String(obj.kind)) : undefined;
      if (!def) return inner.update(obj, opts);
      return fromStored(inner.update(toStored(def, obj as Obj), opts), String((obj as Obj).apiVersion));
    },
    patch(ref, type, body, opts) {
      const def = converted(ref.apiVersion, ref.kind);
      if (!def) return inner.patch(ref, type, body, opts);
      const old = wrapped.get(ref);
      if (!old) return inner.patch(storedRef(def, ref), type, isObj(body) ? toStored(def, body) : body, opts);
      return wrapped.update(patchedObject(def, old, type, body), opts);
    },
    delete(ref, opts) {
      const def = converted(ref.apiVersion, ref.kind);
      if (!def) return inner.delete(ref, opts);
      return fromStored(inner.delete(storedRef(def, ref), opts), ref.apiVersion);
    },
    watch(kind, opts, listener) {
      const def = converted(kind.apiVersion, kind.kind);
      if (!def) return inner.watch(kind, opts, listener);
      const stored = { ...opts, fieldSelector: storedFieldSelector(opts.fieldSelector) };
      return inner.watch(storedRef(def, kind), stored, (ev) =>
        listener({ type: ev.type, object: fromStored(ev.object, kind.apiVersion) }),
      );
    },
  };
  return wrapped;
}
