import type { CiliumL2AnnouncementPolicy, KubeNode, Lease, Service } from '../../cilium/objects';
import { L2_LEASE_PREFIX, l2LeaseName, readL2Policy } from '../../cilium/l2-policy';
import {
  l2EligibleNodes,
  l2Selection,
  l2World,
  trafficPolicyOf,
  type L2World,
} from '../../cilium/l2-eligibility';
import type { CiliumVersion } from '../../cilium/version';
import { nodeIsReady } from './node-ready';

// The L2 announcer's leader election, as a pure function: cluster state + now → the lease writes
// that bring kube-system's `cilium-l2announce-*` leases to what Cilium's agents would converge on
// (reference section D). The controller applies the writes; tests drive time by hand.

export interface ElectionOptions {
  /** Cilium's namespace, where the leases live. */
  namespace: string;
  leaseDurationSeconds: number;
  /** A holder renews once its renewTime is at least this old (the agents' retry period). */
  renewIntervalMs: number;
}

export const DEFAULT_ELECTION: ElectionOptions = {
  namespace: 'kube-system',
  leaseDurationSeconds: 15,
  renewIntervalMs: 2000,
};

export interface ElectionInput {
  services: Service[];
  policies: CiliumL2AnnouncementPolicy[];
  nodes: KubeNode[];
  /** Existing leases; only `cilium-l2announce-*` ones in the namespace are considered. */
  leases: Lease[];
  /** Ready endpoints per node of each Service (`ns/name`), from its EndpointSlices. */
  endpoints?: Pick<ReadonlyMap<string, Record<string, number>>, 'get'>;
  /** The agents' Cilium version: from 1.20.2 an eTP=Local Service is only contended for by nodes with a local endpoint (F.1). */
  version?: CiliumVersion | null;
}

export type LeaseWrite =
  | { op: 'create'; lease: Lease }
  | { op: 'update'; lease: Lease }
  | { op: 'delete'; namespace: string; name: string };

/** Kubernetes MicroTime: RFC 3339 with six fractional digits. */
export function microTime(d: Date): string {
  return d.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

function hasLbIp(svc: Service): boolean {
  return svc.status?.loadBalancer?.ingress?.some((i) => !!i.ip) ?? false;
}

/**
 * What eligibleHolders worked out for each Service object, valid while the policies and nodes are
 * the same objects. The store's objects are immutable, so an unchanged Service is the same object
 * from one election to the next: with a memo, a round over 10,000 Services that did not change
 * costs a lookup each instead of a selector evaluation and a few allocations each (every 2 s).
 */
export interface EligibleMemo {
  policies: readonly CiliumL2AnnouncementPolicy[];
  nodes: readonly KubeNode[];
  /** null: the Service is not selected. The lists are shared: callers must not mutate them. */
  bySvc: WeakMap<Service, { lease: string; eligible: string[] } | null>;
}

export const newEligibleMemo = (): EligibleMemo => ({ policies: [], nodes: [], bySvc: new WeakMap() });

const sameItems = <T>(a: readonly T[], b: readonly T[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Names of the nodes allowed to announce each selected Service, keyed by lease name. A Service is
 * selected when it has an IP of a kind some policy announces, its class is unset or
 * io.cilium/l2-announcer, and the policy's serviceSelector matches it (with the synthetic labels).
 * Only Ready nodes matching such a policy's nodeSelector are eligible.
 */
export function eligibleHolders(
  input: Omit<ElectionInput, 'leases'>,
  memo?: EligibleMemo,
): Map<string, string[]> {
  const result = new Map<string, string[]>();
  if (input.policies.length === 0) return result;
  if (memo && !(sameItems(memo.policies, input.policies) && sameItems(memo.nodes, input.nodes))) {
    memo.policies = [...input.policies];
    memo.nodes = [...input.nodes];
    memo.bySvc = new WeakMap();
  }
  let compiled: L2World | null = null;
  const compile = () => l2World(input.policies.map(readL2Policy), input.nodes);
  for (const svc of input.services) {
    let entry = memo?.bySvc.get(svc);
    if (entry === undefined) {
      compiled ??= compile();
      entry = selection(svc, compiled);
      memo?.bySvc.set(svc, entry);
    }
    if (!entry) continue;
    if (trafficPolicyOf(svc) !== 'Local') {
      result.set(entry.lease, entry.eligible);
      continue;
    }
    const key = `${svc.metadata.namespace ?? 'default'}/${svc.metadata.name}`;
    const eligible = l2EligibleNodes(
      svc,
      entry.eligible,
      input.endpoints?.get(key) ?? {},
      input.version ?? null,
    );
    // No node may announce it: no agent selects it, so nobody holds (or keeps) its lease.
    if (eligible.length > 0) result.set(entry.lease, eligible);
  }
  return result;
}

function selection(svc: Service, world: L2World): { lease: string; eligible: string[] } | null {
  const picked = l2Selection(svc, world, {
    lbIps: hasLbIp(svc),
    externalIps: (svc.spec.externalIPs?.length ?? 0) > 0,
  });
  if (!picked) return null;
  return {
    lease: l2LeaseName(svc.metadata.namespace ?? 'default', svc.metadata.name),
    eligible: picked.nodes,
  };
}

function lastRenew(lease: Lease): number {
  const t = Date.parse(lease.spec.renewTime ?? lease.spec.acquireTime ?? '');
  return Number.isNaN(t) ? 0 : t;
}

/** The lease writes for this moment. Stable: the same input and time give the same writes. */
export function electLeases(
  input: ElectionInput,
  now: Date,
  opts: ElectionOptions = DEFAULT_ELECTION,
  memo?: EligibleMemo,
): LeaseWrite[] {
  const nowMs = now.getTime();
  const durationMs = opts.leaseDurationSeconds * 1000;
  const wanted = eligibleHolders(input, memo);
  const readyNodes = new Set(input.nodes.filter(nodeIsReady).map((n) => n.metadata.name));
  const existing = new Map<string, Lease>();
  for (const l of input.leases) {
    if (l.metadata.namespace === opts.namespace && l.metadata.name.startsWith(L2_LEASE_PREFIX)) {
      existing.set(l.metadata.name, l);
    }
  }

  const writes: LeaseWrite[] = [];
  for (const name of [...existing.keys()].sort()) {
    if (!wanted.has(name)) writes.push({ op: 'delete', namespace: opts.namespace, name });
  }

  // First pass: holders that keep their lease (they count towards each node's load).
  const load = new Map<string, number>();
  const toElect: string[] = [];
  for (const name of [...wanted.keys()].sort()) {
    const eligible = wanted.get(name) ?? [];
    const lease = existing.get(name);
    const holder = lease?.spec.holderIdentity ?? '';
    const expired = !lease || lastRenew(lease) + durationMs <= nowMs;
    if (holder && eligible.includes(holder)) {
      load.set(holder, (load.get(holder) ?? 0) + 1);
      if (lease && nowMs - lastRenew(lease) >= opts.renewIntervalMs) {
        writes.push({
          op: 'update',
          lease: { ...lease, spec: { ...lease.spec, renewTime: microTime(now) } },
        });
      }
    } else if (holder && !readyNodes.has(holder) && !expired) {
      // A dead holder keeps the lease until it expires: that is the failover delay users see.
      load.set(holder, (load.get(holder) ?? 0) + 1);
    } else {
      // No lease, no holder, expired, or a live holder that no longer qualifies (it releases).
      toElect.push(name);
    }
  }

  // Second pass: new holders, spread over the least-loaded eligible nodes (ties by name).
  for (const name of toElect) {
    const eligible = wanted.get(name) ?? [];
    if (eligible.length === 0) continue;
    const pick = eligible.reduce((best, n) => ((load.get(n) ?? 0) < (load.get(best) ?? 0) ? n : best));
    load.set(pick, (load.get(pick) ?? 0) + 1);
    const lease = existing.get(name);
    const prev = lease?.spec.holderIdentity ?? '';
    const spec: Lease['spec'] = {
      holderIdentity: pick,
      leaseDurationSeconds: opts.leaseDurationSeconds,
      acquireTime: microTime(now),
      renewTime: microTime(now),
      leaseTransitions: (lease?.spec.leaseTransitions ?? 0) + (prev && prev !== pick ? 1 : 0),
    };
    if (lease) writes.push({ op: 'update', lease: { ...lease, spec } });
    else {
      writes.push({
        op: 'create',
        lease: {
          apiVersion: 'coordination.k8s.io/v1',
          kind: 'Lease',
          metadata: { name, namespace: opts.namespace },
          spec,
        },
      });
    }
  }
  return writes;
}
