import type { ClusterState } from '../cilium/cluster-state';
import { readPoolConditions, serviceSatisfiedCondition } from '../cilium/conditions';
import { l2LeaseName } from '../cilium/l2-policy';
import type { Lease, Service } from '../cilium/objects';
import { leaseExpiresAt } from '../inventory/announcer';
import {
  LbIpamEngine,
  whatIfOutcome,
  type EngineEvent,
  type EngineOptions,
  type PoolStatus,
  type ServiceStatus,
} from '../ipam';
import { loadYaml, newInput, PlanInputError, RESTART_KIND, type LoadedInput } from '../manifests/load';
import { eligibilityWorld, eligibleNodes } from './eligible';
import type {
  AnnouncementChange,
  PoolChange,
  PoolSide,
  ServiceChange,
  ServiceChangeKind,
  ServiceSide,
  WhatIfReport,
  WhatIfRequest,
} from './types';

// What Cilium would do if the proposal were applied to the cluster as the dashboard sees it now:
// the operator's state is rebuilt from the live statuses (as a restarted operator imports them,
// C.1), the proposal runs on a copy, and the two are compared. The cluster is never written.

export { PlanInputError as WhatIfInputError };

const svcKey = (s: Service) => `${s.metadata.namespace ?? 'default'}/${s.metadata.name}`;
const byName = <T extends { metadata: { name: string } }>(items: T[]) =>
  new Map(items.map((o) => [o.metadata.name, o] as const));

/** The proposal read as the loader reads `lbipam plan` input, on top of the live objects. */
function loadProposal(state: ClusterState, manifests: string, now: Date): LoadedInput {
  const input = newInput();
  for (const p of state.pools) input.pools.set(p.metadata.name, p);
  for (const s of state.services) input.services.set(svcKey(s), s);
  for (const p of state.l2Policies) input.l2.set(p.metadata.name, p);
  const created = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  loadYaml(manifests, 'manifests', input, { next: () => created });
  if (input.events.some((e) => e.op === 'restart'))
    throw new PlanInputError(
      `manifests: ${RESTART_KIND} is a directive of \`lbipam plan\`; what-if applies changes to the running operator`,
    );
  return input;
}

/**
 * An update keeps what the API server stores beside it: applying a Service's manifest leaves its
 * status (its current addresses) in place, so the operator sees the edit with the old ingress.
 */
function withLiveStatus(events: EngineEvent[], live: Map<string, Service>): EngineEvent[] {
  return events.map((e) => {
    if (e.op !== 'upsert' || e.object.kind !== 'Service') return e;
    const svc = e.object as Service;
    const current = live.get(svcKey(svc));
    if (svc.status !== undefined || !current?.status) return e;
    return { op: 'upsert', object: { ...svc, status: current.status } };
  });
}

const ingressIps = (st: ServiceStatus | undefined) =>
  (st?.loadBalancer?.ingress ?? []).map((i) => i.ip).filter((ip): ip is string => !!ip);

function serviceSide(st: ServiceStatus | undefined): ServiceSide | null {
  if (!st) return null;
  const cond = serviceSatisfiedCondition(st.conditions);
  return {
    ips: ingressIps(st),
    satisfied: cond ? cond.status === 'True' : null,
    reason: cond?.reason ?? null,
  };
}

function poolSide(st: PoolStatus | undefined): PoolSide | null {
  if (!st) return null;
  const c = readPoolConditions(st.conditions);
  return {
    total: c.total ?? null,
    used: c.used ?? null,
    available: c.available ?? null,
    conflicting: c.conflicting === true,
    conflictMessage: c.conflictMessage ?? null,
  };
}

function sameIps(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  const sb = [...b].sort();
  return [...a].sort().every((ip, i) => ip === sb[i]);
}

function classify(
  before: ServiceSide | null,
  after: ServiceSide | null,
  deleted: boolean,
): ServiceChangeKind {
  const had = (before?.ips.length ?? 0) > 0;
  if (deleted || (after === null && had) || (after?.satisfied === null && had)) return 'released';
  const holds = after !== null && after.satisfied !== false && after.ips.length > 0;
  if (!holds) return before && before.satisfied === false && !had ? 'unchanged' : 'pending';
  if (!had) return 'granted';
  return sameIps(before!.ips, after!.ips) ? 'unchanged' : 'moved';
}

const CHANGE_ORDER: Record<ServiceChangeKind, number> = {
  pending: 0,
  moved: 1,
  released: 2,
  granted: 3,
  unchanged: 4,
};

/** The live holder of each Service's L2 lease (expired or unheld leases announce nothing). */
function holders(leases: Lease[], now: number): Map<string, string> {
  const out = new Map<string, string>();
  for (const l of leases) {
    const holder = l.spec?.holderIdentity?.trim();
    const expires = leaseExpiresAt(l);
    if (holder && (expires === null || expires >= now)) out.set(l.metadata.name, holder);
  }
  return out;
}

export function runWhatIf(
  state: ClusterState,
  request: WhatIfRequest,
  options: Partial<EngineOptions>,
  now: Date,
): WhatIfReport {
  const drained = new Set(request.drain ?? []);
  const nodeNames = new Set(state.nodes.map((n) => n.metadata.name));
  for (const n of drained) {
    if (!nodeNames.has(n))
      throw new PlanInputError(
        `drain: no node named '${n}' (this cluster has ${[...nodeNames].sort().join(', ') || 'no nodes'})`,
      );
  }
  const input = request.manifests?.trim() ? loadProposal(state, request.manifests, now) : null;
  const events = input ? withLiveStatus(input.events as EngineEvent[], liveIndex(state)) : [];

  const before = new LbIpamEngine(options, () => now);
  before.start(state.pools, state.services);
  const after = before.fork();
  for (const e of events) after.apply(e);
  const outcome = whatIfOutcome(before, after, events);

  const deletedServices = new Set(
    events
      .filter((e) => e.op === 'delete' && e.object.kind === 'Service')
      .map((e) => svcKey(e.object as Service)),
  );
  const deletedPools = new Set(
    events.filter((e) => e.op === 'delete' && e.object.kind !== 'Service').map((e) => e.object.metadata.name),
  );
  const livePools = byName(state.pools);

  const services: ServiceChange[] = outcome.services
    .map((s) => {
      const b = serviceSide(s.before);
      const a = deletedServices.has(`${s.namespace}/${s.name}`) ? null : serviceSide(s.after);
      const change = classify(b, a, deletedServices.has(`${s.namespace}/${s.name}`));
      const out: ServiceChange = { namespace: s.namespace, name: s.name, change, before: b, after: a };
      if (change === 'pending') {
        const d = after.diagnose(s.namespace, s.name);
        out.explanation = { title: d.title, cause: d.cause, fix: d.fix };
      }
      return out;
    })
    .sort(
      (x, y) =>
        CHANGE_ORDER[x.change] - CHANGE_ORDER[y.change] ||
        `${x.namespace}/${x.name}`.localeCompare(`${y.namespace}/${y.name}`),
    );

  const pools: PoolChange[] = outcome.pools
    .map((p): PoolChange => {
      const b = livePools.has(p.name) ? poolSide(p.before) : null;
      const a = deletedPools.has(p.name) ? null : poolSide(p.after);
      const change =
        b === null
          ? 'created'
          : a === null
            ? 'deleted'
            : JSON.stringify(a) === JSON.stringify(b)
              ? 'unchanged'
              : 'changed';
      return { name: p.name, change, before: b, after: a };
    })
    .sort((x, y) => x.name.localeCompare(y.name));

  const announcements = announcementChanges(state, input, drained, after, now.getTime());

  return {
    proposal: proposalWords(state, input, drained),
    summary: {
      moved: services.filter((s) => s.change === 'moved').length,
      pending: services.filter((s) => s.change === 'pending').length,
      granted: services.filter((s) => s.change === 'granted').length,
      released: services.filter((s) => s.change === 'released').length,
      announcementsMoved: announcements.filter((a) => a.change === 'moves').length,
      announcementsStopped: announcements.filter((a) => a.change === 'stops').length,
    },
    services,
    pools,
    announcements,
    warnings: input?.warnings ?? [],
    skipped: [...(input?.skipped ?? new Map<string, number>())].map(([kind, count]) => ({ kind, count })),
  };
}

/** Which announcements start, stop, move or follow a new address. */
function announcementChanges(
  state: ClusterState,
  input: LoadedInput | null,
  drained: ReadonlySet<string>,
  after: LbIpamEngine,
  now: number,
): AnnouncementChange[] {
  const held = holders(state.leases, now);
  const worldBefore = eligibilityWorld(state.l2Policies, state.nodes, new Set());
  const worldAfter = eligibilityWorld(
    input ? [...input.l2.values()] : state.l2Policies,
    state.nodes,
    drained,
  );
  const finalServices = input ? [...input.services.values()] : state.services;
  const out: AnnouncementChange[] = [];
  const seen = new Set<string>();
  for (const svc of finalServices) {
    const ns = svc.metadata.namespace ?? 'default';
    const key = `${ns}/${svc.metadata.name}`;
    seen.add(key);
    const lease = l2LeaseName(ns, svc.metadata.name);
    const from = held.get(lease) ?? null;
    const ipsBefore = ingressIps(findLive(state, key)?.status);
    const afterStatus = after.serviceStatus(ns, svc.metadata.name) ?? svc.status;
    const ipsAfter = ingressIps(afterStatus);
    const eligibleAfter =
      ipsAfter.length > 0 ? eligibleNodes({ ...svc, status: afterStatus }, worldAfter) : null;
    const base = { namespace: ns, name: svc.metadata.name };
    if (from !== null) {
      if (ipsAfter.length === 0) {
        out.push({
          ...base,
          change: 'stops',
          ips: ipsBefore,
          from,
          to: [],
          why: 'it would lose its address',
        });
      } else if (eligibleAfter?.includes(from)) {
        if (!sameIps(ipsBefore, ipsAfter))
          out.push({
            ...base,
            change: 'readdressed',
            ips: ipsAfter,
            from,
            to: [from],
            why: 'its address changes',
          });
      } else {
        const why = drained.has(from)
          ? `${from} is drained`
          : eligibleAfter === null
            ? 'no L2 policy would select it'
            : `${from} would no longer be selected by an L2 policy that selects it`;
        if (eligibleAfter && eligibleAfter.length > 0)
          out.push({ ...base, change: 'moves', ips: ipsAfter, from, to: eligibleAfter, why });
        else
          out.push({
            ...base,
            change: 'stops',
            ips: ipsAfter,
            from,
            to: [],
            why: eligibleAfter === null ? why : `${why}, and no other Ready node is eligible`,
          });
      }
      continue;
    }
    if (!eligibleAfter || eligibleAfter.length === 0) continue;
    const liveSvc = findLive(state, key);
    const eligibleBefore = liveSvc && ipsBefore.length > 0 ? eligibleNodes(liveSvc, worldBefore) : null;
    const newAddress = !sameIps(ipsBefore, ipsAfter);
    if (newAddress || !eligibleBefore || eligibleBefore.length === 0)
      out.push({
        ...base,
        change: 'starts',
        ips: ipsAfter,
        from: null,
        to: eligibleAfter,
        why: newAddress ? 'it would get an address' : 'a node would become eligible to announce it',
      });
  }
  // Deleted Services stop being announced.
  for (const [key, svc] of liveIndex(state)) {
    if (seen.has(key)) continue;
    const ns = svc.metadata.namespace ?? 'default';
    const from = held.get(l2LeaseName(ns, svc.metadata.name));
    if (from)
      out.push({
        namespace: ns,
        name: svc.metadata.name,
        change: 'stops',
        ips: ingressIps(svc.status),
        from,
        to: [],
        why: 'it would be deleted',
      });
  }
  return out.sort((x, y) => `${x.namespace}/${x.name}`.localeCompare(`${y.namespace}/${y.name}`));
}

const liveIndexes = new WeakMap<ClusterState, Map<string, Service>>();
function liveIndex(state: ClusterState): Map<string, Service> {
  let idx = liveIndexes.get(state);
  if (!idx) {
    idx = new Map(state.services.map((s) => [svcKey(s), s] as const));
    liveIndexes.set(state, idx);
  }
  return idx;
}
const findLive = (state: ClusterState, key: string) => liveIndex(state).get(key);

/** The proposal in words: what it creates, updates and deletes, and which nodes it drains. */
function proposalWords(
  state: ClusterState,
  input: LoadedInput | null,
  drained: ReadonlySet<string>,
): string[] {
  const words: string[] = [];
  if (input) {
    const livePools = byName(state.pools);
    const liveL2 = byName(state.l2Policies);
    for (const e of input.events) {
      if (e.op === 'restart') continue;
      const o = e.object;
      const isPool = o.kind === 'CiliumLoadBalancerIPPool';
      const id = isPool ? `pool ${o.metadata.name}` : `Service ${svcKey(o as Service)}`;
      const existed = isPool
        ? livePools.has(o.metadata.name) || e.op === 'delete'
        : findLive(state, svcKey(o as Service)) !== undefined || e.op === 'delete';
      words.push(`${id} ${e.op === 'delete' ? 'deleted' : existed ? 'updated' : 'created'}`);
    }
    for (const [name, p] of input.l2) {
      const prev = liveL2.get(name);
      if (!prev) words.push(`L2 policy ${name} created`);
      else if (prev !== p) words.push(`L2 policy ${name} updated`);
    }
    for (const name of liveL2.keys()) if (!input.l2.has(name)) words.push(`L2 policy ${name} deleted`);
  }
  for (const n of [...drained].sort()) words.push(`node ${n} drained`);
  return words;
}
