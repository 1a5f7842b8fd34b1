import { L2_LEASE_PREFIX, l2LeaseName } from '../cilium/l2-policy';
import type { KubeNode, Lease } from '../cilium/objects';

// Which node answers ARP for a Service: the holder of Cilium's per-Service L2 lease
// `cilium-l2announce-<ns>-<name>` (in the Cilium namespace, normally kube-system).

const PREFERRED_NAMESPACE = 'kube-system';

export { L2_LEASE_PREFIX, l2LeaseName };

export type LeaseIndex = Map<string, Lease>;

/** Leases by name; when the same name exists in several namespaces, kube-system wins. */
export function indexL2Leases(leases: Lease[]): LeaseIndex {
  const byName: LeaseIndex = new Map();
  for (const l of leases) {
    if (!l.metadata.name.startsWith(L2_LEASE_PREFIX)) continue;
    const seen = byName.get(l.metadata.name);
    if (
      !seen ||
      (seen.metadata.namespace !== PREFERRED_NAMESPACE && l.metadata.namespace === PREFERRED_NAMESPACE)
    ) {
      byName.set(l.metadata.name, l);
    }
  }
  return byName;
}

export type LeaseState =
  | { kind: 'none' }
  | { kind: 'unheld'; lease: Lease }
  | { kind: 'held'; lease: Lease; holder: string }
  | { kind: 'expired'; lease: Lease; holder: string; expiredAt: string };

/**
 * A lease is live until renewTime (or acquireTime) + leaseDurationSeconds. Without those fields we
 * cannot tell, and trust the holder rather than raise a false alarm.
 */
/** When a held lease expires (epoch ms): renewTime (or acquireTime) + leaseDurationSeconds; null when unknown. */
export function leaseExpiresAt(lease: Lease): number | null {
  const renewed = Date.parse(lease.spec?.renewTime ?? lease.spec?.acquireTime ?? '');
  const duration = lease.spec?.leaseDurationSeconds;
  if (Number.isNaN(renewed) || typeof duration !== 'number' || !Number.isFinite(duration)) return null;
  return renewed + duration * 1000;
}

export function leaseState(lease: Lease | undefined, now: number): LeaseState {
  if (!lease) return { kind: 'none' };
  const holder = lease.spec?.holderIdentity?.trim();
  if (!holder) return { kind: 'unheld', lease };
  const expires = leaseExpiresAt(lease);
  if (expires === null) return { kind: 'held', lease, holder };
  if (expires < now) return { kind: 'expired', lease, holder, expiredAt: new Date(expires).toISOString() };
  return { kind: 'held', lease, holder };
}

/**
 * The next moment after `after` at which an L2 lease expires: the inventory changes with time alone
 * then and only then (so a feed need not rebuild on a timer while every lease keeps being renewed).
 */
export function nextLeaseExpiry(leases: readonly Lease[], after: number): number | null {
  let next: number | null = null;
  for (const l of leases) {
    if (!l?.metadata?.name?.startsWith(L2_LEASE_PREFIX) || !l.spec?.holderIdentity?.trim()) continue;
    const at = leaseExpiresAt(l);
    if (at !== null && at >= after && (next === null || at < next)) next = at;
  }
  return next;
}

/** The lease state of one Service's L2 announcement. */
export const serviceLease = (leases: LeaseIndex, namespace: string, name: string, now: number): LeaseState =>
  leaseState(leases.get(l2LeaseName(namespace, name)), now);

/** The announcing node shown in the table: only a live lease counts. */
export const announcerOf = (s: LeaseState): string | null => (s.kind === 'held' ? s.holder : null);

/** Nodes whose Ready condition is not True, by name (a node with no Ready condition yet is not judged). */
export function notReadyNodes(nodes: KubeNode[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const n of nodes) {
    const ready = (Array.isArray(n.status?.conditions) ? n.status.conditions : []).find(
      (c) => c.type === 'Ready',
    );
    if (ready && ready.status !== 'True')
      out.set(n.metadata.name, ready.message || ready.reason || `Ready=${ready.status}`);
  }
  return out;
}
