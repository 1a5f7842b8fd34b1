import 'server-only';
import type { KubeConfig } from '@kubernetes/client-node';
import { z } from 'zod';
import type { ClusterInfo, ClusterState } from '../cilium/cluster-state';
import { serviceSatisfiedCondition } from '../cilium/conditions';
import type { Service } from '../cilium/objects';
import { DEFAULT_ENGINE_OPTIONS } from '../inventory/build';
import type { Inventory } from '../inventory/types';
import { suggest, type IpPlan } from '../ip-plan/plan';
import { readReserveForm } from '../manifests/reserve/form';
import { RESERVED_FOR_ANNOTATION, reserveObject } from '../manifests/reserve/generate';
import type { FieldError, ReserveInput } from '../manifests/reserve/types';
import { formatRun, iterateRange, formatAddr, rangeSize } from '../net';
import type { ApplyResult, ReserveChoices, ServerAnswer } from '../what-if/reserve-answers';
import { checkReservation, holdersOf, type ReserveCheck } from '../what-if/reserve-check';
import { lanBlocks, lanVerdictOf } from '../what-if/reserve-answers';
import { KubeApiError } from './errors';
import { kubeGetJson, kubeRequestJson } from './http';
import { outlookEngine } from './outlook-engine';

// The server's side of the reserve form: read the form (the same rules the browser applies), check
// it against the live state, send it to the API server with dryRun=All, or create it when writing is
// enabled. The routes under app/api/reserve stay thin; every refusal names what is wrong.

const text = z.string().max(2000, 'at most 2,000 characters').optional();
export const reserveBody = z
  .object({
    form: z
      .object({
        target: text,
        pool: text,
        ip: text,
        name: text,
        namespace: text,
        ports: text,
        labels: text,
        etp: text,
        lbClass: text,
        sharingKey: text,
        shareWith: text,
        gatewayClass: text,
        controller: text,
        serviceId: text,
        purpose: text,
      })
      .strict(),
  })
  .strict();

export type ReadInput =
  { ok: true; input: ReserveInput } | { ok: false; status: number; body: Record<string, unknown> };

/** The JSON body → a checked input, or the answer that says what is wrong (per field). */
export function readReserveBody(json: unknown): ReadInput {
  const parsed = reserveBody.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.length ? issue.path.join('.') : 'body';
    return {
      ok: false,
      status: 400,
      body: { error: `${field}: ${issue?.message ?? 'invalid'}`, code: 'bad-request', field },
    };
  }
  const read = readReserveForm(parsed.data.form);
  if (!read.ok) return { ok: false, status: 400, body: invalidInput(read.errors) };
  return { ok: true, input: read.input };
}

export const invalidInput = (errors: FieldError[]) => ({
  error: errors.map((e) => `${e.field}: ${e.message}`).join('; '),
  code: 'bad-input',
  errors,
});

/** What the LAN says, as the inventory holds it (its probers and their verdicts). */
export type LanEvidence = Pick<Inventory, 'arp' | 'probers'>;

/** No prober: every address is not probed (the check says so rather than guessing). */
export const NO_LAN_EVIDENCE: LanEvidence = { arp: [], probers: [] };

/**
 * The check against the watched state, with the LAN's word on the address from the inventory's ARP
 * verdicts — one path for the check, the dry run and apply, so their answers never disagree.
 */
export function checkNow(state: ClusterState, input: ReserveInput, lan: LanEvidence): ReserveCheck {
  const check = checkReservation(state, input, DEFAULT_ENGINE_OPTIONS, new Date());
  return {
    ...check,
    lan: lanVerdictOf(
      lan.arp.find((v) => v.ip === input.ip),
      lan.probers,
    ),
  };
}

const FREE_LIMIT = 256;

export function reserveChoices(
  version: number,
  state: ClusterState,
  plan: IpPlan,
  pool: string,
  namespace: string,
): ReserveChoices | null {
  if (!state.pools.some((p) => p.metadata.name === pool)) return null;
  const engine = outlookEngine(version, state, new Date());
  const runs = engine.freeRuns(pool);
  const free: string[] = [];
  let total = 0n;
  for (const r of runs) {
    total += rangeSize(r);
    if (free.length >= FREE_LIMIT) continue;
    const room = FREE_LIMIT - free.length;
    const part = rangeSize(r) > BigInt(room) ? { ...r, to: r.from + BigInt(room) - 1n } : r;
    for (const a of iterateRange(part, FREE_LIMIT)) free.push(formatAddr(a));
  }
  return {
    pool,
    next: engine.nextAddress(pool),
    suggestions: suggest(plan, runs, namespace),
    free,
    freeMore: (total - BigInt(free.length)).toString(10),
    freeRuns: runs.slice(0, 12).map(formatRun),
    plan,
  };
}

/** Where the API server takes the object (app-template values are not an object it takes). */
function collectionPath(input: ReserveInput): string | null {
  const ns = encodeURIComponent(input.namespace);
  if (input.target === 'gateway') return `/apis/gateway.networking.k8s.io/v1/namespaces/${ns}/gateways`;
  if (input.target === 'app-template') return null;
  return `/api/v1/namespaces/${ns}/services`;
}

export const FIELD_MANAGER = 'lbipam-dashboard';

const answerOf = (err: unknown): ServerAnswer => {
  if (err instanceof KubeApiError)
    return { ok: false, status: err.statusCode, reason: err.reason, message: err.message };
  return { ok: false, status: 0, reason: null, message: err instanceof Error ? err.message : String(err) };
};

export const NOT_AN_OBJECT =
  'app-template values are Helm values, not an object the API server takes: commit them to the HelmRelease; dry-run and apply work for the Service, Gateway and placeholder targets';

/** The object sent with dryRun=All: what the API server (and its admission) says, nothing stored. */
export async function dryRunReservation(kc: KubeConfig, input: ReserveInput): Promise<ServerAnswer> {
  const path = collectionPath(input);
  if (!path) return { ok: false, status: 0, reason: 'NotAnObject', message: NOT_AN_OBJECT };
  try {
    await kubeRequestJson(
      kc,
      'POST',
      `${path}?dryRun=All&fieldManager=${FIELD_MANAGER}`,
      reserveObject(input),
      {
        timeoutMs: 10_000,
      },
    );
    return {
      ok: true,
      status: 201,
      reason: null,
      message: 'the API server accepts it (dry run: nothing was stored)',
    };
  } catch (err) {
    return answerOf(err);
  }
}

export const WRITES_OFF =
  'writing to the cluster is off: the dashboard only reads this cluster (set LBIPAM_ALLOW_WRITES=1 where it runs to allow creating reservations)';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Creates the reservation (or the Service, or the Gateway). Two people racing for one address:
 * in one namespace the placeholder's name is the address, so the API server refuses the second
 * (409 AlreadyExists); across namespaces Cilium gives the address to whichever it processed first,
 * so the new Service's condition is read back and, if it lost, it is deleted again and the answer
 * names the holder.
 */
export async function applyReservation(
  kc: KubeConfig,
  info: ClusterInfo,
  state: () => ClusterState,
  input: ReserveInput,
  { waitMs = 5_000, lan = NO_LAN_EVIDENCE }: { waitMs?: number; lan?: LanEvidence } = {},
): Promise<ApplyResult> {
  if (info.readOnly) return { state: 'refused', status: 403, code: 'read-only', error: WRITES_OFF };
  const path = collectionPath(input);
  if (!path) return { state: 'refused', status: 400, code: 'not-an-object', error: NOT_AN_OBJECT };
  const check = checkNow(state(), input, lan);
  const blocked = lanBlocks(check.lan, input.ip);
  if (blocked)
    return {
      state: 'refused',
      status: 409,
      code: 'foreign-device',
      error: `not applied: ${blocked}`,
      check,
      heldBy: [],
    };
  if (check.verdict !== 'satisfied')
    return {
      state: 'refused',
      status: 409,
      code: check.verdict,
      error: `not applied: ${check.headline}`,
      check,
      heldBy: check.holders,
    };
  const obj = reserveObject(input) as { metadata: { name: string; namespace: string } };
  const name = obj.metadata.name;
  try {
    await kubeRequestJson(kc, 'POST', `${path}?fieldManager=${FIELD_MANAGER}`, obj, { timeoutMs: 10_000 });
  } catch (err) {
    const a = answerOf(err);
    if (a.reason === 'AlreadyExists') {
      const holder = await describeExisting(kc, `${path}/${encodeURIComponent(name)}`);
      return {
        state: 'refused',
        status: 409,
        code: 'already-exists',
        error: `${input.namespace}/${name} already exists${holder ? `: ${holder}` : ''}`,
        check,
        heldBy: [`${input.namespace}/${name}`],
      };
    }
    return {
      state: 'refused',
      status: a.status >= 400 ? a.status : 502,
      code: 'api-server',
      error: a.message,
      check,
    };
  }
  if (input.target === 'gateway')
    return { state: 'created', object: `${input.namespace}/${name}`, ips: [], check };
  // Cilium decides who gets a contested address: read its condition on what was just created.
  const svcPath = `${path}/${encodeURIComponent(name)}`;
  const deadline = Date.now() + waitMs;
  for (;;) {
    const svc = (await kubeGetJson(kc, svcPath, { timeoutMs: 5_000 }).catch(() => null)) as Service | null;
    const cond = serviceSatisfiedCondition(svc?.status?.conditions);
    if (cond?.status === 'True') {
      const ips = (svc?.status?.loadBalancer?.ingress ?? [])
        .map((i) => i.ip)
        .filter((ip): ip is string => !!ip);
      return { state: 'created', object: `${input.namespace}/${name}`, ips, check };
    }
    if (cond?.status === 'False' && cond.reason?.startsWith('already_allocated')) {
      const heldBy = holdersOf(state(), input.ip).filter((h) => h !== `${input.namespace}/${name}`);
      await kubeRequestJson(kc, 'DELETE', svcPath, undefined, { timeoutMs: 5_000 }).catch(() => undefined);
      return {
        state: 'refused',
        status: 409,
        code: 'taken',
        error: `${input.ip} was taken a moment before: it is held by ${heldBy.join(', ') || 'another Service'}; ${input.namespace}/${name} was removed again`,
        check,
        heldBy,
      };
    }
    if (Date.now() > deadline)
      return { state: 'created', object: `${input.namespace}/${name}`, ips: [], check };
    await sleep(150);
  }
}

/** What the object already there is: the reservation of whom, or not one of ours. */
async function describeExisting(kc: KubeConfig, path: string): Promise<string | null> {
  const obj = (await kubeGetJson(kc, path, { timeoutMs: 5_000 }).catch(() => null)) as Service | null;
  if (!obj) return null;
  const forWhom = obj.metadata.annotations?.[RESERVED_FOR_ANNOTATION];
  return forWhom
    ? `it holds the address for ${forWhom}`
    : 'it was not made by this form, and the dashboard does not replace an existing object';
}
