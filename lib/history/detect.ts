import type { Change, ChangeKind, ChangeValue, ServiceStatusState } from '../inventory/view/history-wire';
import type { ObservedState } from './observed';

// The change detector: previous state, next state → the changes between them. Pure; every
// difference of the observed state is one change whose `after` is the new value, so replaying the
// changes over the previous state gives the next (./replay.ts, tested as a property).

export interface DetectContext {
  at: string;
  cluster: string;
  /** Found by comparing the last recorded state with the live one, not seen happening. */
  unwatched?: boolean;
}

const CILIUM_OPERATOR = 'kube-system/cilium-operator';

const nsOf = (serviceKey: string | undefined): string | null => {
  if (!serviceKey) return null;
  const i = serviceKey.indexOf('/');
  return i > 0 ? serviceKey.slice(0, i) : null;
};

/** Equal as JSON values (the states are plain data with arrays in a stable order). */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(rb, k) && same(ra[k], rb[k]));
}

/** Keys present on either side whose values differ, in the order of `next` then the removed ones. */
function changedKeys<T>(prev: Record<string, T>, next: Record<string, T>): string[] {
  const out: string[] = [];
  for (const k of Object.keys(next)) if (!Object.hasOwn(prev, k) || !same(prev[k], next[k])) out.push(k);
  for (const k of Object.keys(prev)) if (!Object.hasOwn(next, k)) out.push(k);
  return out;
}

const serviceKind = (before: ServiceStatusState | null, after: ServiceStatusState | null): ChangeKind => {
  if (!before) return 'service.created';
  if (!after) return 'service.deleted';
  return after.satisfied === false
    ? 'service.pending'
    : after.satisfied
      ? 'service.satisfied'
      : 'service.unhandled';
};

const presenceKind = (
  before: unknown,
  after: unknown,
  created: ChangeKind,
  edited: ChangeKind,
  deleted: ChangeKind,
) => (before == null ? created : after == null ? deleted : edited);

export function detectChanges(prev: ObservedState, next: ObservedState, ctx: DetectContext): Change[] {
  const out: Change[] = [];
  const push = (
    kind: ChangeKind,
    subject: string,
    fields: { ip?: string | null; pool?: string | null; namespace?: string | null },
    before: ChangeValue | undefined,
    after: ChangeValue | undefined,
  ) =>
    out.push({
      at: ctx.at,
      cluster: ctx.cluster,
      kind,
      subject,
      ip: fields.ip ?? null,
      pool: fields.pool ?? null,
      namespace: fields.namespace ?? null,
      before: before ?? null,
      after: after ?? null,
      unwatched: ctx.unwatched ?? false,
    });

  for (const name of changedKeys(prev.pools, next.pools)) {
    const [b, a] = [prev.pools[name], next.pools[name]];
    push(presenceKind(b, a, 'pool.created', 'pool.edited', 'pool.deleted'), name, { pool: name }, b, a);
  }
  for (const name of changedKeys(prev.conflicts, next.conflicts)) {
    const [b, a] = [prev.conflicts[name], next.conflicts[name]];
    push(a === undefined ? 'conflict.cleared' : 'conflict.raised', name, { pool: name }, b, a);
  }
  if (prev.cilium !== next.cilium) push('cilium.version', CILIUM_OPERATOR, {}, prev.cilium, next.cilium);
  for (const key of changedKeys(prev.services, next.services)) {
    const [b, a] = [prev.services[key], next.services[key]];
    push(serviceKind(b ?? null, a ?? null), key, { namespace: nsOf(key) }, b, a);
  }
  for (const ip of changedKeys(prev.addresses, next.addresses)) {
    const [b, a] = [prev.addresses[ip], next.addresses[ip]];
    // Only the announcing node differs: a failover, not a move of the address.
    const failover = b && a && b.pool === a.pool && same(b.holders, a.holders);
    const kind = failover
      ? 'announcement.moved'
      : presenceKind(b, a, 'address.allocated', 'address.moved', 'address.released');
    const pool = a?.pool ?? b?.pool ?? '';
    push(kind, ip, { ip, pool, namespace: nsOf(a?.holders[0] ?? b?.holders[0]) }, b, a);
  }
  return out;
}
