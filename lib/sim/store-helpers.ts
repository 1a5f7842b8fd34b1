// Pure pieces of the store: resolving a kind, applying a patch to a stored object, the
// server-side-apply removal patch, and which name rule a kind follows.
import { ApiError, badRequest } from './errors';
import { findKind, type KindDef } from './kinds';
import { applyJsonPatch, applyMergePatch, isObj } from './patch';
import { applyStrategicMerge } from './strategic-merge';
import type { PatchType, SimObject } from './types';
import type { NameRule } from './validate';

export function resolveKind(apiVersion: unknown, kind: unknown): KindDef {
  if (typeof apiVersion !== 'string' || typeof kind !== 'string' || !apiVersion || !kind) {
    throw badRequest('Object "kind" and "apiVersion" must be set');
  }
  const def = findKind(apiVersion, kind);
  if (!def)
    throw new ApiError(
      404,
      'NotFound',
      `the server could not find the requested resource (no kind "${kind}" in version "${apiVersion}")`,
    );
  return def;
}

/** `old` with a patch applied, ready for update(): identity fields stay those of `old`. */
export function patchedObject(def: KindDef, old: SimObject, type: PatchType, body: unknown): SimObject {
  let result: unknown;
  if (type === 'json') result = applyJsonPatch(old, body);
  else if (type === 'merge' || (type === 'apply' && !def.strategicMerge)) result = applyMergePatch(old, body);
  else result = applyStrategicMerge(old, body);
  if (!isObj(result)) throw new ApiError(422, 'Invalid', 'the patch did not produce an object');
  const meta = isObj(result.metadata) ? result.metadata : {};
  return {
    ...structuredClone(result),
    apiVersion: old.apiVersion,
    kind: old.kind,
    metadata: { ...meta, name: old.metadata.name, namespace: old.metadata.namespace },
  } as SimObject;
}

/**
 * A merge patch that applies `next` and nulls out what `prev` set but `next` no longer does,
 * except where `keep(path)` says another manager still owns the field.
 */
export function withRemovals(
  prev: Record<string, unknown>,
  next: Record<string, unknown>,
  keep: (path: string[]) => boolean = () => false,
  prefix: string[] = [],
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...next };
  for (const [k, v] of Object.entries(prev)) {
    const path = [...prefix, k];
    const inNext = k in next;
    if (isObj(v) && (!inNext || isObj(next[k]))) {
      out[k] = withRemovals(v, inNext ? (next[k] as Record<string, unknown>) : {}, keep, path);
    } else if (!inNext && !keep(path)) out[k] = null;
  }
  return out;
}

export function nameRule(def: KindDef): NameRule {
  if (def.kind === 'Namespace') return 'label';
  return def.kind === 'Service' ? 'dns1035' : 'subdomain';
}
