import { describe, expect, it } from 'vitest';
import type { KubeNode, Lease } from '../cilium/objects';
import {
  announcerOf,
  indexL2Leases,
  leaseState,
  nextLeaseExpiry,
  notReadyNodes,
  serviceLease,
} from './announcer';

const NOW = Date.parse('2026-01-10T12:00:00Z');

const lease = (
  name: string,
  namespace: string,
  holder: string,
  renew = '2026-01-10T11:59:55.000000Z',
  duration = 15,
): Lease => ({
  metadata: { name, namespace },
  spec: { holderIdentity: holder, renewTime: renew, leaseDurationSeconds: duration },
});

describe('announcer', () => {
  it('knows the next moment a held L2 lease expires (what a time-driven rebuild waits for)', () => {
    const leases = [
      lease('cilium-l2announce-a-x', 'kube-system', 'n1', '2026-01-10T11:59:55Z', 15), // expires 12:00:10
      lease('cilium-l2announce-a-y', 'kube-system', 'n2', '2026-01-10T11:59:50Z', 15), // expires 12:00:05
      lease('cilium-l2announce-a-z', 'kube-system', ' ', '2026-01-10T11:59:00Z', 15), // unheld: never
      lease('other-lease', 'kube-system', 'n1', '2026-01-10T11:59:00Z', 1), // not an L2 lease
    ];
    expect(nextLeaseExpiry(leases, NOW)).toBe(Date.parse('2026-01-10T12:00:05Z'));
    expect(nextLeaseExpiry(leases, Date.parse('2026-01-10T12:00:06Z'))).toBe(
      Date.parse('2026-01-10T12:00:10Z'),
    );
    expect(nextLeaseExpiry(leases, Date.parse('2026-01-10T12:00:11Z'))).toBeNull();
  });

  it('is the holder of cilium-l2announce-<ns>-<name> while the lease is live', () => {
    const idx = indexL2Leases([lease('cilium-l2announce-media-jellyfin', 'kube-system', 'node-2')]);
    expect(announcerOf(serviceLease(idx, 'media', 'jellyfin', NOW))).toBe('node-2');
    expect(announcerOf(serviceLease(idx, 'media', 'plex', NOW))).toBeNull();
  });

  it('shows nobody once renewTime + leaseDurationSeconds has passed', () => {
    const expired = lease(
      'cilium-l2announce-media-jellyfin',
      'kube-system',
      'node-2',
      '2026-01-10T11:59:00.000000Z',
    );
    expect(announcerOf(serviceLease(indexL2Leases([expired]), 'media', 'jellyfin', NOW))).toBeNull();
    expect(leaseState(expired, NOW)).toMatchObject({
      kind: 'expired',
      holder: 'node-2',
      expiredAt: '2026-01-10T11:59:15.000Z',
    });
  });

  it('prefers the kube-system lease when the name exists in several namespaces', () => {
    const idx = indexL2Leases([
      lease('cilium-l2announce-a-b', 'cilium', 'node-1'),
      lease('cilium-l2announce-a-b', 'kube-system', 'node-9'),
      lease('cilium-l2announce-a-b', 'default', 'node-3'),
    ]);
    expect(announcerOf(serviceLease(idx, 'a', 'b', NOW))).toBe('node-9');
  });

  it('trusts a lease without renew time or duration, and ignores an empty holder', () => {
    expect(leaseState({ metadata: { name: 'x' }, spec: { holderIdentity: 'n1' } }, NOW)).toMatchObject({
      kind: 'held',
      holder: 'n1',
    });
    expect(leaseState(lease('x', 'kube-system', ''), NOW).kind).toBe('unheld');
  });

  it('lists nodes whose Ready condition is not True', () => {
    const node = (name: string, status: 'True' | 'False' | 'Unknown' | null): KubeNode => ({
      metadata: { name },
      status: status ? { conditions: [{ type: 'Ready', status, reason: 'NodeStatusUnknown' }] } : {},
    });
    const m = notReadyNodes([node('a', 'True'), node('b', 'Unknown'), node('c', null)]);
    expect([...m.keys()]).toEqual(['b']);
  });
});
