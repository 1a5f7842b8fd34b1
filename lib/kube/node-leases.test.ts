import { describe, expect, it } from 'vitest';
import { build, holding, lease, NOW, pool } from '../inventory/testing/fixtures';
import { emptyClusterState } from '../cilium/cluster-state';
import { nodeLeases } from './node-leases';

describe('the leases one node holds', () => {
  const leases = [
    lease('media', 'jellyfin', 'pitower-2'),
    lease('home', 'mqtt', 'pitower-2', 30),
    lease('net', 'envoy', 'pitower-1'),
  ];
  const s = {
    pools: [pool('p', [{ cidr: '10.0.0.0/29' }])],
    services: [
      holding('media', 'jellyfin', '10.0.0.1'),
      holding('home', 'mqtt', '10.0.0.2'),
      holding('net', 'envoy', '10.0.0.3'),
    ],
    leases,
    nodes: [
      {
        metadata: { name: 'pitower-2' },
        status: { conditions: [{ type: 'Ready', status: 'True' as const }] },
      },
    ],
  };
  const inv = build(s);

  it('lists its leases with renewTime and the Service each announces; expired ones say so', () => {
    const r = nodeLeases(inv, { ...emptyClusterState(), ...s }, 'pitower-2', new Date(NOW));
    expect(r.known).toBe(true);
    expect(r.leases.map((l) => [l.service, l.ips, l.state])).toEqual([
      ['home/mqtt', ['10.0.0.2'], 'expired'],
      ['media/jellyfin', ['10.0.0.1'], 'held'],
    ]);
    expect(r.leases[1].renewTime).toBe(new Date(NOW - 2_000).toISOString());
    expect(r.now).toBe(new Date(NOW).toISOString());
  });

  it('a node the cluster does not know may still hold leases; one holding none gets an empty list', () => {
    const r = nodeLeases(inv, { ...emptyClusterState(), ...s }, 'pitower-1', new Date(NOW));
    expect(r.known).toBe(false);
    expect(r.leases.map((l) => l.service)).toEqual(['net/envoy']);
    expect(nodeLeases(inv, { ...emptyClusterState(), ...s }, 'pitower-9', new Date(NOW)).leases).toEqual([]);
  });
});
