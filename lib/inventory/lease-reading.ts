import type { Lease } from '../cilium/objects';
import { leaseExpiresAt, leaseState } from './announcer';
import type { LeaseReading } from './view/ip-detail-wire';

// One L2 lease as read on demand (GET /api/ips/<ip>, GET /api/leases): with renewTime, which the
// inventory leaves out (renewals every 2 s would make each one a change on the wire). State and
// expiry come from the one lease-expiry rule in ./announcer.ts.

export function leaseReading(lease: Lease, now: number): LeaseReading {
  const s = leaseState(lease, now);
  const spec = lease.spec ?? {};
  const expires = s.kind === 'unheld' || s.kind === 'none' ? null : leaseExpiresAt(lease);
  return {
    namespace: lease.metadata.namespace ?? 'default',
    name: lease.metadata.name,
    holder: s.kind === 'held' || s.kind === 'expired' ? s.holder : null,
    state: s.kind === 'none' ? 'unheld' : s.kind,
    acquireTime: spec.acquireTime ?? null,
    renewTime: spec.renewTime ?? null,
    durationSeconds: typeof spec.leaseDurationSeconds === 'number' ? spec.leaseDurationSeconds : null,
    transitions: typeof spec.leaseTransitions === 'number' ? spec.leaseTransitions : null,
    expiresAt: expires === null ? null : new Date(expires).toISOString(),
  };
}
