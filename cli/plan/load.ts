// Reads multi-document YAML files into the create/update events a fresh cluster would see.
import { parseAllDocuments } from 'yaml';
import { blockRange, POOL_API_VERSIONS, POOL_KIND } from '../../lib/cilium/pool';
import { L2_POLICY_API_VERSIONS, L2_POLICY_KIND, readL2Policy } from '../../lib/cilium/l2-policy';
import { selectorError } from '../../lib/cilium/selector';
import { requestedIPs } from '../../lib/cilium/service';
import type { CiliumLoadBalancerIPPool, KubeObject, Service } from '../../lib/cilium/objects';
import type { EngineEvent } from '../../lib/ipam';

export class PlanInputError extends Error {}

/** Plan directives: an annotation that deletes the object, a pseudo-kind that restarts the operator. */
export const DELETE_ANNOTATION = 'lbipam.plan/delete';
export const RESTART_KIND = 'OperatorRestart';

export type PlanStep = EngineEvent | { op: 'restart' };

export interface LoadedInput {
  events: PlanStep[];
  /** Final version of every Service and pool still present, in first-seen order. */
  services: Map<string, Service>;
  pools: Map<string, CiliumLoadBalancerIPPool>;
  l2Policies: number;
  skipped: Map<string, number>;
  warnings: string[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export function newInput(): LoadedInput {
  return { events: [], services: new Map(), pools: new Map(), l2Policies: 0, skipped: new Map(), warnings: [] };
}

/** Adds one file's documents; throws PlanInputError naming file, document and field. */
export function loadYaml(text: string, file: string, input: LoadedInput, clock: { next(): string }): void {
  const docs = parseAllDocuments(text, { prettyErrors: false });
  if (!Array.isArray(docs)) throw new PlanInputError(`${file}: not a YAML stream`);
  docs.forEach((doc, i) => {
    const where = `${file}: document ${i + 1}`;
    if (doc.errors.length > 0) throw new PlanInputError(`${where}: invalid YAML: ${doc.errors[0].message.split('\n')[0]}`);
    const value: unknown = doc.toJS({ maxAliasCount: 100 });
    if (value === null || value === undefined) return;
    if (!isObj(value)) throw new PlanInputError(`${where}: expected a Kubernetes object (a mapping), got ${Array.isArray(value) ? 'a list' : typeof value}`);
    const items = value.kind === 'List' || (typeof value.kind === 'string' && value.kind.endsWith('List') && Array.isArray(value.items)) ? value.items : [value];
    if (!Array.isArray(items)) throw new PlanInputError(`${where}: items: expected a list`);
    items.forEach((item, j) => addObject(item, items === value.items ? `${where}: items[${j}]` : where, input, clock));
  });
}

function addObject(raw: unknown, where: string, input: LoadedInput, clock: { next(): string }): void {
  if (!isObj(raw)) throw new PlanInputError(`${where}: expected a Kubernetes object (a mapping)`);
  const kind = raw.kind;
  if (typeof kind !== 'string' || kind === '') throw new PlanInputError(`${where}: kind: missing`);
  if (kind === RESTART_KIND) {
    if (raw.apiVersion !== undefined && raw.apiVersion !== 'lbipam.plan/v1') {
      throw new PlanInputError(`${where}: apiVersion: ${RESTART_KIND} takes 'lbipam.plan/v1' (or none), got '${String(raw.apiVersion)}'`);
    }
    input.events.push({ op: 'restart' });
    return;
  }
  if (typeof raw.apiVersion !== 'string') throw new PlanInputError(`${where}: apiVersion: missing`);
  const isPool = kind === POOL_KIND;
  const isSvc = kind === 'Service' && raw.apiVersion === 'v1';
  const isL2 = kind === L2_POLICY_KIND;
  if (!isPool && !isSvc && !isL2) {
    input.skipped.set(kind, (input.skipped.get(kind) ?? 0) + 1);
    return;
  }
  if (isPool && !(POOL_API_VERSIONS as readonly string[]).includes(raw.apiVersion)) {
    throw new PlanInputError(`${where}: apiVersion: '${raw.apiVersion}' is not served for ${kind} (use ${POOL_API_VERSIONS.join(' or ')})`);
  }
  if (isL2 && !(L2_POLICY_API_VERSIONS as readonly string[]).includes(raw.apiVersion)) {
    throw new PlanInputError(`${where}: apiVersion: '${raw.apiVersion}' is not served for ${kind} (use cilium.io/v2alpha1)`);
  }
  const meta = raw.metadata;
  if (!isObj(meta) || typeof meta.name !== 'string' || meta.name === '') throw new PlanInputError(`${where}: metadata.name: missing`);
  if (raw.spec !== undefined && !isObj(raw.spec)) throw new PlanInputError(`${where}: spec: expected a mapping`);
  const obj = { ...raw, metadata: { ...meta }, spec: { ...((raw.spec as Obj | undefined) ?? {}) } } as unknown as KubeObject & { spec: Obj; status?: unknown };
  // A Service's status is kept: it is what the informer shows on first sight (ingress written by an
  // earlier operator or another controller, imported as Cilium does). Pool status is the operator's own.
  if (kind !== 'Service') delete obj.status;
  else if (obj.status !== undefined) validateServiceStatus(obj.status, where);
  if (isL2) {
    const view = readL2Policy(obj as never);
    for (const e of view.errors) input.warnings.push(`${where}: ${e.type}: ${e.message}`);
    input.l2Policies++;
    return;
  }
  const key = isPool ? obj.metadata.name : `${obj.metadata.namespace ?? 'default'}/${obj.metadata.name}`;
  const store: Map<string, KubeObject> = isPool ? input.pools : input.services;
  const prev = store.get(key);
  const del = obj.metadata.annotations?.[DELETE_ANNOTATION];
  if (del !== undefined) {
    if (del !== 'true') throw new PlanInputError(`${where}: metadata.annotations["${DELETE_ANNOTATION}"]: expected "true", got ${JSON.stringify(del)}`);
    if (!prev) throw new PlanInputError(`${where}: cannot delete ${kind} '${key}': no earlier document creates it`);
    store.delete(key);
    input.events.push({ op: 'delete', object: prev as never });
    return;
  }
  if (isPool) validatePool(obj as unknown as CiliumLoadBalancerIPPool, where, input);
  else validateService(obj as unknown as Service, where, input);
  if (!isPool) obj.metadata.namespace = obj.metadata.namespace ?? 'default';
  // What the API server does: creationTimestamp and generation 1 on create, generation+1 on a spec change.
  if (prev) {
    obj.metadata.creationTimestamp = prev.metadata.creationTimestamp;
    const same = JSON.stringify((prev as unknown as { spec: unknown }).spec) === JSON.stringify(obj.spec);
    obj.metadata.generation = (prev.metadata.generation ?? 1) + (same ? 0 : 1);
  } else {
    obj.metadata.creationTimestamp = typeof meta.creationTimestamp === 'string' ? meta.creationTimestamp : clock.next();
    obj.metadata.generation = 1;
  }
  store.set(key, obj);
  input.events.push({ op: 'upsert', object: obj as never });
}

function validatePool(pool: CiliumLoadBalancerIPPool, where: string, input: LoadedInput): void {
  const spec = pool.spec as unknown as Obj;
  if (spec.blocks !== undefined && spec.blocks !== null && !Array.isArray(spec.blocks)) throw new PlanInputError(`${where}: spec.blocks: expected a list`);
  if (spec.cidrs !== undefined && spec.cidrs !== null) {
    // Cilium <= 1.15 read spec.cidrs (v2alpha1); since 1.16 the CRD no longer has it and the API
    // server prunes it. Plan reads it as blocks so old manifests and tests keep their meaning.
    if (!Array.isArray(spec.cidrs)) throw new PlanInputError(`${where}: spec.cidrs: expected a list`);
    input.warnings.push(`${where}: spec.cidrs is the pre-1.16 name of spec.blocks; read as blocks here, but Cilium 1.16+ prunes it (rename it to spec.blocks)`);
    spec.blocks = [...((spec.blocks as unknown[] | undefined) ?? []), ...(spec.cidrs as unknown[])];
    delete spec.cidrs;
  }
  ((spec.blocks as unknown[] | undefined) ?? []).forEach((b, i) => {
    if (!isObj(b)) throw new PlanInputError(`${where}: spec.blocks[${i}]: expected a mapping with cidr or start/stop`);
    for (const f of ['cidr', 'start', 'stop']) {
      if (b[f] !== undefined && typeof b[f] !== 'string') throw new PlanInputError(`${where}: spec.blocks[${i}].${f}: expected a string`);
    }
    if (!b.cidr && !b.start) throw new PlanInputError(`${where}: spec.blocks[${i}]: needs cidr, or start (and optionally stop)`);
    const r = blockRange(b);
    if (!r.ok) throw new PlanInputError(`${where}: spec.blocks[${i}].${r.field}: ${r.error}`);
  });
  const afl = spec.allowFirstLastIPs;
  if (afl !== undefined && afl !== 'Yes' && afl !== 'No') throw new PlanInputError(`${where}: spec.allowFirstLastIPs: must be "Yes" or "No", got ${JSON.stringify(afl)}`);
  if (spec.disabled !== undefined && typeof spec.disabled !== 'boolean') throw new PlanInputError(`${where}: spec.disabled: expected true or false`);
  const selErr = selectorError(pool.spec.serviceSelector);
  if (selErr) throw new PlanInputError(`${where}: spec.serviceSelector.${selErr}`);
}

function validateService(svc: Service, where: string, input: LoadedInput): void {
  const spec = svc.spec as unknown as Obj;
  if (spec.ports !== undefined && !Array.isArray(spec.ports)) throw new PlanInputError(`${where}: spec.ports: expected a list`);
  ((spec.ports as unknown[] | undefined) ?? []).forEach((p, i) => {
    if (!isObj(p) || typeof p.port !== 'number' || !Number.isInteger(p.port) || p.port < 1 || p.port > 65535) {
      throw new PlanInputError(`${where}: spec.ports[${i}].port: expected a number 1-65535`);
    }
  });
  if (spec.ipFamilies !== undefined && !Array.isArray(spec.ipFamilies)) throw new PlanInputError(`${where}: spec.ipFamilies: expected a list`);
  const ann = svc.metadata.annotations;
  if (ann !== undefined && !isObj(ann)) throw new PlanInputError(`${where}: metadata.annotations: expected a mapping`);
  for (const [k, v] of Object.entries(ann ?? {})) {
    if (typeof v !== 'string') throw new PlanInputError(`${where}: metadata.annotations["${k}"]: expected a string`);
  }
  for (const bad of requestedIPs(svc).invalid) {
    input.warnings.push(`${where}: ${bad.source}: '${bad.value}' is not an IP address; Cilium skips it`);
  }
}

function validateServiceStatus(status: unknown, where: string): void {
  const ingress = isObj(status) && isObj(status.loadBalancer) ? status.loadBalancer.ingress : undefined;
  if (!isObj(status) || (status.loadBalancer !== undefined && !isObj(status.loadBalancer))) {
    throw new PlanInputError(`${where}: status: expected a mapping with loadBalancer.ingress`);
  }
  if (ingress === undefined || ingress === null) return;
  if (!Array.isArray(ingress)) throw new PlanInputError(`${where}: status.loadBalancer.ingress: expected a list`);
  ingress.forEach((e, i) => {
    if (!isObj(e) || (e.ip !== undefined && typeof e.ip !== 'string')) {
      throw new PlanInputError(`${where}: status.loadBalancer.ingress[${i}]: expected a mapping with ip: <address>`);
    }
  });
}
