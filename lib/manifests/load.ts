// Reads multi-document YAML files into the create/update events a fresh cluster would see.
import { createHash } from 'node:crypto';
import { Composer, LineCounter, Parser } from 'yaml';
import { POOL_API_VERSIONS, POOL_KIND } from '../cilium/pool';
import { L2_POLICY_API_VERSIONS, L2_POLICY_KIND, readL2Policy } from '../cilium/l2-policy';
import type {
  CiliumL2AnnouncementPolicy,
  CiliumLoadBalancerIPPool,
  KubeObject,
  Service,
} from '../cilium/objects';
import type { EngineEvent } from '../ipam';
import {
  isObj,
  PlanInputError,
  validatePool,
  validateService,
  validateServiceStatus,
  type Obj,
} from './validate';

/** A kind as `lbipam plan` names what it skips: `Kind.group`, or `Kind` for the core group. */
export const kindName = (kind: string, group: string) => (group ? `${kind}.${group}` : kind);

export { PlanInputError } from './validate';

/** Plan directives: an annotation that deletes the object, a pseudo-kind that restarts the operator. */
export const DELETE_ANNOTATION = 'lbipam.plan/delete';
export const RESTART_KIND = 'OperatorRestart';

// metav1.Time: seconds, UTC or an offset.
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

export type PlanStep = EngineEvent | { op: 'restart' };

export interface LoadedInput {
  events: PlanStep[];
  /** Final version of every Service and pool still present, in first-seen order. */
  services: Map<string, Service>;
  pools: Map<string, CiliumLoadBalancerIPPool>;
  /** How many L2 announcement policy documents were read. */
  l2Policies: number;
  /** Final version of every L2 announcement policy (they change announcements, not LB-IPAM's statuses). */
  l2: Map<string, CiliumL2AnnouncementPolicy>;
  /** Documents of other kinds, counted by `Kind` or `Kind.group`. */
  skipped: Map<string, number>;
  warnings: string[];
  /** Where each object was last defined, and a digest of it then (to spot a repeated identical document). */
  seen: Map<string, { where: string; digest: string }>;
}

export function newInput(): LoadedInput {
  return {
    events: [],
    services: new Map(),
    pools: new Map(),
    l2Policies: 0,
    l2: new Map(),
    skipped: new Map(),
    warnings: [],
    seen: new Map(),
  };
}

/**
 * Adds one file's documents, one document at a time (a 50 MB file never holds every parsed
 * document in memory at once); returns how many documents were not empty. Throws PlanInputError
 * naming file, document and field.
 */
export function loadYaml(text: string, file: string, input: LoadedInput, clock: { next(): string }): number {
  const lines = new LineCounter();
  const composer = new Composer();
  const docs = composer.compose(new Parser(lines.addNewLine).parse(text), false, text.length);
  let index = 0;
  let objects = 0;
  for (;;) {
    let next: ReturnType<typeof docs.next>;
    try {
      next = docs.next();
    } catch (err) {
      // The parser itself gave up (e.g. nesting deeper than the stack): bad input, not a crash.
      const why =
        err instanceof RangeError ? 'nested too deeply' : err instanceof Error ? err.message : String(err);
      throw new PlanInputError(`${file}: document ${index + 1}: invalid YAML: ${why}`);
    }
    if (next.done) break;
    const doc = next.value;
    index++;
    const where = `${file}: document ${index}`;
    if (doc.errors.length > 0) {
      const err = doc.errors[0];
      const pos = lines.linePos(err.pos[0]);
      const msg = err.message.split('\n')[0];
      const why = msg.includes('call stack') ? `nested too deeply (${msg})` : msg;
      throw new PlanInputError(`${where}: invalid YAML at line ${pos.line}, column ${pos.col}: ${why}`);
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (err) {
      // e.g. an alias bomb ("Excessive alias count") or an alias to nothing.
      throw new PlanInputError(`${where}: invalid YAML: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (value === null || value === undefined) continue;
    objects++;
    if (!isObj(value))
      throw new PlanInputError(
        `${where}: expected a Kubernetes object (a mapping), got ${Array.isArray(value) ? 'a list' : typeof value}`,
      );
    const isList = typeof value.kind === 'string' && value.kind.endsWith('List') && value.items !== undefined;
    if (!isList) {
      addObject(value, where, input, clock);
      continue;
    }
    if (!Array.isArray(value.items)) throw new PlanInputError(`${where}: items: expected a list`);
    value.items.forEach((item, j) => addObject(item, `${where}: items[${j}]`, input, clock));
  }
  return objects;
}

/** Adds one object (as one document of a file would), for callers that read objects themselves (lib/scan). */
export function addObject(raw: unknown, where: string, input: LoadedInput, clock: { next(): string }): void {
  if (!isObj(raw)) throw new PlanInputError(`${where}: expected a Kubernetes object (a mapping)`);
  const kind = raw.kind;
  if (kind === undefined || kind === null || kind === '') throw new PlanInputError(`${where}: kind: missing`);
  if (typeof kind !== 'string')
    throw new PlanInputError(`${where}: kind: expected a string, got ${JSON.stringify(kind)}`);
  if (kind === RESTART_KIND) {
    if (raw.apiVersion !== undefined && raw.apiVersion !== 'lbipam.plan/v1') {
      throw new PlanInputError(
        `${where}: apiVersion: ${RESTART_KIND} takes 'lbipam.plan/v1' (or none), got '${String(raw.apiVersion)}'`,
      );
    }
    input.events.push({ op: 'restart' });
    return;
  }
  const apiVersion = raw.apiVersion;
  if (apiVersion === undefined || apiVersion === null || apiVersion === '')
    throw new PlanInputError(`${where}: apiVersion: missing`);
  if (typeof apiVersion !== 'string')
    throw new PlanInputError(`${where}: apiVersion: expected a string, got ${JSON.stringify(apiVersion)}`);
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  const isPool = kind === POOL_KIND;
  const isL2 = kind === L2_POLICY_KIND;
  // A Service of another group (e.g. Knative's serving.knative.dev) is another kind: skipped.
  const isSvc = kind === 'Service' && group === '';
  if (!isPool && !isSvc && !isL2) {
    const name = kindName(kind, group);
    input.skipped.set(name, (input.skipped.get(name) ?? 0) + 1);
    return;
  }
  if (isSvc && apiVersion !== 'v1')
    throw new PlanInputError(`${where}: apiVersion: '${apiVersion}' is not served for Service (use v1)`);
  if (isPool && !(POOL_API_VERSIONS as readonly string[]).includes(apiVersion)) {
    throw new PlanInputError(
      `${where}: apiVersion: '${apiVersion}' is not served for ${kind} (use ${POOL_API_VERSIONS.join(' or ')})`,
    );
  }
  if (isL2 && !(L2_POLICY_API_VERSIONS as readonly string[]).includes(apiVersion)) {
    throw new PlanInputError(
      `${where}: apiVersion: '${apiVersion}' is not served for ${kind} (use ${L2_POLICY_API_VERSIONS.join(' or ')})`,
    );
  }
  const meta = raw.metadata;
  if (meta === undefined || meta === null)
    throw new PlanInputError(`${where}: metadata.name: missing (no metadata)`);
  if (!isObj(meta)) throw new PlanInputError(`${where}: metadata: expected a mapping`);
  if (meta.name === undefined || meta.name === null || meta.name === '')
    throw new PlanInputError(`${where}: metadata.name: missing`);
  if (typeof meta.name !== 'string')
    throw new PlanInputError(`${where}: metadata.name: expected a string, got ${JSON.stringify(meta.name)}`);
  if (meta.namespace !== undefined && meta.namespace !== null && typeof meta.namespace !== 'string') {
    throw new PlanInputError(
      `${where}: metadata.namespace: expected a string, got ${JSON.stringify(meta.namespace)}`,
    );
  }
  const ts = meta.creationTimestamp;
  if (
    ts !== undefined &&
    ts !== null &&
    (typeof ts !== 'string' || !RFC3339.test(ts) || Number.isNaN(Date.parse(ts)))
  ) {
    // The conflict rule compares creation times, so a time we cannot read would silently pick the loser.
    throw new PlanInputError(
      `${where}: metadata.creationTimestamp: expected an RFC 3339 time such as 2022-10-16T13:30:00Z, got ${JSON.stringify(ts)}`,
    );
  }
  if (raw.spec !== undefined && raw.spec !== null && !isObj(raw.spec))
    throw new PlanInputError(`${where}: spec: expected a mapping`);
  const obj = {
    ...raw,
    metadata: { ...meta },
    spec: { ...((raw.spec as Obj | undefined) ?? {}) },
  } as unknown as KubeObject & { spec: Obj; status?: unknown };
  // A Service's status is kept: it is what the informer shows on first sight (ingress written by an
  // earlier operator or another controller, imported as Cilium does). Pool status is the operator's own.
  if (kind !== 'Service') delete obj.status;
  else if (obj.status !== undefined) validateServiceStatus(obj.status, where);
  if (isL2) {
    input.l2Policies++;
    const name = obj.metadata.name;
    if (deleteRequested(obj, where)) {
      if (!input.l2.delete(name))
        throw new PlanInputError(`${where}: cannot delete ${kind} '${name}': no earlier document creates it`);
      return;
    }
    const view = readL2Policy(obj as never);
    for (const e of view.errors) input.warnings.push(`${where}: ${e.type}: ${e.message}`);
    input.l2.set(name, obj as unknown as CiliumL2AnnouncementPolicy);
    return;
  }
  if (
    isSvc &&
    (obj.metadata.namespace === undefined || obj.metadata.namespace === null || obj.metadata.namespace === '')
  )
    obj.metadata.namespace = 'default';
  const key = isPool ? obj.metadata.name : `${obj.metadata.namespace}/${obj.metadata.name}`;
  const store: Map<string, KubeObject> = isPool ? input.pools : input.services;
  const prev = store.get(key);
  if (deleteRequested(obj, where)) {
    if (!prev)
      throw new PlanInputError(`${where}: cannot delete ${kind} '${key}': no earlier document creates it`);
    store.delete(key);
    input.seen.delete(`${kind}/${key}`);
    input.events.push({ op: 'delete', object: prev as never });
    return;
  }
  if (isPool) validatePool(obj as unknown as CiliumLoadBalancerIPPool, where, input.warnings);
  else validateService(obj as unknown as Service, where, input.warnings);
  noteRepeat(input, `${kind}/${key}`, where, JSON.stringify(raw));
  // What the API server does: creationTimestamp and generation 1 on create, generation+1 on a spec change.
  if (prev) {
    obj.metadata.creationTimestamp = prev.metadata.creationTimestamp;
    const same = JSON.stringify((prev as unknown as { spec: unknown }).spec) === JSON.stringify(obj.spec);
    obj.metadata.generation = (prev.metadata.generation ?? 1) + (same ? 0 : 1);
  } else {
    obj.metadata.creationTimestamp =
      typeof meta.creationTimestamp === 'string' ? meta.creationTimestamp : clock.next();
    obj.metadata.generation = 1;
  }
  store.set(key, obj);
  input.events.push({ op: 'upsert', object: obj as never });
}

/** The delete directive: `lbipam.plan/delete: "true"`; any other value is an error, not a guess. */
function deleteRequested(obj: KubeObject, where: string): boolean {
  const del = obj.metadata.annotations?.[DELETE_ANNOTATION];
  if (del === undefined) return false;
  if (del !== 'true')
    throw new PlanInputError(
      `${where}: metadata.annotations["${DELETE_ANNOTATION}"]: expected "true", got ${JSON.stringify(del)}`,
    );
  return true;
}

/** A later document for the same object is an update; an identical one changes nothing, so say so. */
function noteRepeat(input: LoadedInput, id: string, where: string, json: string): void {
  // A digest, not the text: a 50 MB input would otherwise be held twice.
  const digest = createHash('sha1').update(json).digest('base64');
  const before = input.seen.get(id);
  if (before && before.digest === digest)
    input.warnings.push(
      `${where}: identical to ${before.where} (${id}); read as an update that changes nothing`,
    );
  input.seen.set(id, { where, digest });
}
