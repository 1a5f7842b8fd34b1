import { describe, expect, it } from 'vitest';
import { leaseReading } from './lease-reading';
import { lease, NOW } from './testing/fixtures';

describe('one L2 lease read on demand', () => {
  it('a renewed lease is held, expiring one duration after its renewal', () => {
    const l = lease('media', 'jellyfin', 'pitower-2', 2, 15);
    l.spec.acquireTime = new Date(NOW - 3_600_000).toISOString();
    l.spec.leaseTransitions = 3;
    expect(leaseReading(l, NOW)).toEqual({
      namespace: 'kube-system',
      name: 'cilium-l2announce-media-jellyfin',
      holder: 'pitower-2',
      state: 'held',
      acquireTime: new Date(NOW - 3_600_000).toISOString(),
      renewTime: new Date(NOW - 2_000).toISOString(),
      durationSeconds: 15,
      transitions: 3,
      expiresAt: new Date(NOW + 13_000).toISOString(),
    });
  });

  it('not renewed within its duration it has expired, still naming its holder; without a holder it is unheld', () => {
    expect(leaseReading(lease('media', 'plex', 'pitower-1', 20, 15), NOW)).toMatchObject({
      state: 'expired',
      holder: 'pitower-1',
      expiresAt: new Date(NOW - 5_000).toISOString(),
    });
    const unheld = lease('media', 'plex', '  ');
    expect(leaseReading(unheld, NOW)).toMatchObject({ state: 'unheld', holder: null, expiresAt: null });
  });
});
