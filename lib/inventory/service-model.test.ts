import { describe, expect, it } from 'vitest';
import { build, holding, lease, pool, rowsOf, svc } from './testing/fixtures';

const P = pool('lan', [{ cidr: '10.0.0.0/29' }]);

describe('ServiceView', () => {
  it('lists every LoadBalancer Service, by namespace then name, with what Cilium wrote', () => {
    const inv = build({
      pools: [P],
      services: [
        holding('b', 'web', '10.0.0.1', { ports: [{ name: 'https', port: 443, protocol: 'TCP' }] }),
        svc('a', 'new'),
        svc('a', 'internal', { type: 'ClusterIP' }),
      ],
      leases: [lease('b', 'web', 'node-1')],
    });
    expect(inv.services.map((s) => `${s.namespace}/${s.name}`)).toEqual(['a/new', 'b/web']);
    expect(inv.services[1]).toEqual({
      key: 'b/web',
      namespace: 'b',
      name: 'web',
      displayName: 'web',
      displayNamespace: 'b',
      type: null,
      notes: 'HTTPS on port 443',
      gateway: null,
      ips: ['10.0.0.1'],
      requestedIps: [],
      satisfied: true,
      reason: 'satisfied',
      message: null,
      announcer: 'node-1',
      sharingKey: null,
      ports: [{ name: 'https', port: 443, protocol: 'TCP' }],
      // The fixture's policy selects every Service; the cluster has no nodes, so nobody may announce.
      externalTrafficPolicy: 'Cluster',
      l2Policies: ['policy'],
      endpointsByNode: {},
      eligibleNodes: [],
      hostnames: [],
    });
    expect(inv.services[0]).toMatchObject({ ips: [], satisfied: null, reason: null });
  });

  it('reads requested IPs as Cilium does: spec.loadBalancerIP first, primary annotation hides the legacy one', () => {
    const s = svc('a', 'x', {
      annotations: {
        'lbipam.cilium.io/ips': '10.0.0.3, bogus,10.0.0.4',
        'io.cilium/lb-ipam-ips': '10.0.0.5',
      },
    });
    s.spec.loadBalancerIP = '10.0.0.2';
    const empty = svc('a', 'y', {
      annotations: { 'lbipam.cilium.io/ips': '', 'io.cilium/lb-ipam-ips': '10.0.0.5' },
    });
    const legacy = svc('a', 'z', { annotations: { 'io.cilium/lb-ipam-ips': '10.0.0.5' } });
    const inv = build({ pools: [P], services: [s, empty, legacy] });
    expect(inv.services.map((v) => v.requestedIps)).toEqual([
      ['10.0.0.2', '10.0.0.3', '10.0.0.4'],
      [],
      ['10.0.0.5'],
    ]);
  });

  it('shows IPv6 ingress in canonical form, and matches it to the pool row', () => {
    const inv = build({
      pools: [pool('v6', [{ cidr: '2001:db8::/126' }])],
      services: [holding('a', 'x', '2001:DB8:0:0::1')],
    });
    expect(inv.services[0].ips).toEqual(['2001:db8::1']);
    expect(rowsOf(inv).find((r) => r.ip === '2001:db8::1')?.status).toBe('allocated');
  });
});
