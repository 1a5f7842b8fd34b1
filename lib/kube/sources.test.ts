import { describe, expect, it } from 'vitest';
import type { Lease } from '../cilium/objects';
import { isLeaseRenewal, sourceDefs } from './sources';

// Which lease updates are worth an inventory rebuild: not a holder renewing a lease it still holds.

const at = Date.parse('2026-01-01T10:00:00Z');
const lease = (spec: Lease['spec'], rv = '10', generation = 1): Lease => ({
  apiVersion: 'coordination.k8s.io/v1',
  kind: 'Lease',
  metadata: {
    name: 'cilium-l2announce-media-web',
    namespace: 'kube-system',
    resourceVersion: rv,
    generation,
  },
  spec,
});
const held = {
  holderIdentity: 'k8s-1',
  leaseDurationSeconds: 15,
  acquireTime: '2026-01-01T09:00:00.000000Z',
  renewTime: '2026-01-01T09:59:58.000000Z',
  leaseTransitions: 1,
};
const renewed = (spec: Partial<Lease['spec']>) => lease({ ...held, ...spec }, '11', 2);

describe('lease renewals are quiet', () => {
  it('is the leases source row that says so', () => {
    expect(sourceDefs.leases.quiet).toBe(isLeaseRenewal);
  });

  it('a renewal of a held lease: only renewTime (and the write bookkeeping) moved', () => {
    expect(isLeaseRenewal(lease(held), renewed({ renewTime: '2026-01-01T10:00:00.000000Z' }), at)).toBe(true);
  });

  it('a new holder, acquireTime, transition count or duration is a change', () => {
    const renewTime = '2026-01-01T10:00:00.000000Z';
    for (const change of [
      { holderIdentity: 'k8s-2' },
      { acquireTime: renewTime },
      { leaseTransitions: 2 },
      { leaseDurationSeconds: 30 },
      { holderIdentity: undefined },
    ]) {
      expect(isLeaseRenewal(lease(held), renewed({ renewTime, ...change }), at), JSON.stringify(change)).toBe(
        false,
      );
    }
  });

  it('renewing a lease that had expired is a change (expired → held)', () => {
    const old = { renewTime: '2026-01-01T09:59:40.000000Z' }; // + 15 s < now
    expect(
      isLeaseRenewal(lease({ ...held, ...old }), renewed({ renewTime: '2026-01-01T10:00:00Z' }), at),
    ).toBe(false);
  });

  it('a lease whose expiry cannot be told, or an update that leaves renewTime alone, is not a renewal', () => {
    const noDuration = { ...held, leaseDurationSeconds: undefined };
    expect(
      isLeaseRenewal(lease(noDuration), lease({ ...noDuration, renewTime: '2026-01-01T10:00:00Z' }), at),
    ).toBe(false);
    const labelled = renewed({});
    labelled.metadata.labels = { a: 'b' };
    expect(isLeaseRenewal(lease(held), labelled, at)).toBe(false);
  });
});
