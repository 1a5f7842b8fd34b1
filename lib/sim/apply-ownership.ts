// Server-side apply field ownership, simplified but with real conflicts. Each field manager's last
// applied configuration is kept; a manager "owns" a field while the live object still carries the
// value it applied there (a later write by anyone else that changed the field took it away, as an
// update does upstream). Lists are atomic (owned whole), which is what upstream does for CRD lists
// without x-kubernetes-list-type=map; for Service ports it is coarser than upstream.
import { ApiError } from './errors';
import { isObj } from './patch';
import { canonical } from './object-utils';

type Obj = Record<string, unknown>;

export interface FieldConflict {
  manager: string;
  /** Upstream's rendering: `.spec.blocks`, `.metadata.labels.team`. */
  field: string;
  path: string[];
}

/** Identity fields every apply names; nobody owns them. */
const IDENTITY = new Set([
  'apiVersion',
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.resourceVersion',
  'metadata.uid',
]);

/** Leaf paths of an applied configuration: maps recurse, scalars and lists are leaves. */
export function leafPaths(cfg: unknown, prefix: string[] = []): string[][] {
  if (!isObj(cfg)) return [];
  const out: string[][] = [];
  for (const [k, v] of Object.entries(cfg)) {
    const p = [...prefix, k];
    if (IDENTITY.has(p.join('.')) || (p.length === 1 && k === 'status') || v === undefined) continue;
    // An empty map claims nothing (upstream tracks it, but it can never hold a conflicting value).
    if (isObj(v)) out.push(...leafPaths(v, p));
    else out.push(p);
  }
  return out;
}

function at(obj: unknown, path: string[]): unknown {
  let cur = obj;
  for (const k of path) {
    if (!isObj(cur)) return undefined;
    cur = cur[k];
  }
  return cur;
}

/** Does `live` still carry what was applied (`live` may hold server defaults on top)? */
function carries(applied: unknown, live: unknown): boolean {
  if (Array.isArray(applied)) {
    return (
      Array.isArray(live) && live.length === applied.length && applied.every((a, i) => carries(a, live[i]))
    );
  }
  if (isObj(applied)) return isObj(live) && Object.entries(applied).every(([k, v]) => carries(v, live[k]));
  return canonical(applied) === canonical(live);
}

/** Fields `manager` would change that another applier still owns with a different value. */
export function findConflicts(
  configs: ReadonlyMap<string, Obj>,
  manager: string,
  body: Obj,
  live: Obj,
): FieldConflict[] {
  const out: FieldConflict[] = [];
  for (const path of leafPaths(body)) {
    const mine = at(body, path);
    for (const [other, cfg] of configs) {
      if (other === manager) continue;
      const theirs = at(cfg, path);
      if (theirs === undefined || canonical(theirs) === canonical(mine)) continue;
      if (carries(theirs, at(live, path))) out.push({ manager: other, field: `.${path.join('.')}`, path });
    }
  }
  return out;
}

/** Is `path` (or anything under it) still owned by a manager other than `manager`? */
export function ownedByOther(
  configs: ReadonlyMap<string, Obj>,
  manager: string,
  path: string[],
  live: Obj,
): boolean {
  for (const [other, cfg] of configs) {
    if (other === manager) continue;
    const theirs = at(cfg, path);
    if (theirs !== undefined && carries(theirs, at(live, path))) return true;
  }
  return false;
}

/** `cfg` without `path`: what a manager still claims after another forced it off a field. */
export function withoutPath(cfg: Obj, path: string[]): Obj {
  const [head, ...rest] = path;
  if (!(head in cfg)) return cfg;
  const out = { ...cfg };
  if (rest.length === 0 || !isObj(out[head])) delete out[head];
  else out[head] = withoutPath(out[head] as Obj, rest);
  return out;
}

/** The 409 upstream sends; kubectl recognises it and suggests --force-conflicts. */
export function applyConflictError(
  conflicts: FieldConflict[],
  resource: string,
  group: string,
  name: string,
): ApiError {
  // Worded as structured-merge-diff words it, grouped by manager when there are several.
  const n = conflicts.length;
  let text: string;
  if (n === 1) text = `conflict with "${conflicts[0].manager}": ${conflicts[0].field}`;
  else {
    const byManager = new Map<string, string[]>();
    for (const c of conflicts) byManager.set(c.manager, [...(byManager.get(c.manager) ?? []), c.field]);
    text = [...byManager]
      .map(([m, fields]) => `conflicts with "${m}":\n${fields.map((f) => `- ${f}`).join('\n')}`)
      .join('\n');
  }
  const message = `Apply failed with ${n} conflict${n === 1 ? '' : 's'}: ${text}`;
  return new ApiError(409, 'Conflict', message, {
    name,
    group: group || undefined,
    kind: resource,
    causes: conflicts.map((c) => ({
      reason: 'FieldManagerConflict',
      message: `conflict with "${c.manager}"`,
      field: c.field,
    })),
  });
}
