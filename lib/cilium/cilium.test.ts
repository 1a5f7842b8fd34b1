import { describe, expect, it } from 'vitest';
import { formatAddr } from '../net';
import type { Service } from './objects';
import { blockRange } from './pool';
import { matchesSelector, selectsService } from './selector';
import { isHandledByLbIpam, readServiceRequest, requestedFamilies } from './service';

const svc = (
  spec: Service['spec'],
  annotations?: Record<string, string>,
  labels?: Record<string, string>,
): Service => ({
  metadata: { name: 'web', namespace: 'prod', annotations, labels },
  spec,
});
const all = { ipv4: true, ipv6: true };

describe('selectors', () => {
  it('supports matchLabels and the four operators', () => {
    const l = { a: '1', b: '2' };
    expect(matchesSelector({ matchLabels: { a: '1' } }, l)).toBe(true);
    expect(matchesSelector({ matchExpressions: [{ key: 'a', operator: 'In', values: ['1', '3'] }] }, l)).toBe(
      true,
    );
    expect(matchesSelector({ matchExpressions: [{ key: 'c', operator: 'NotIn', values: ['1'] }] }, l)).toBe(
      true,
    );
    expect(matchesSelector({ matchExpressions: [{ key: 'a', operator: 'NotIn', values: ['1'] }] }, l)).toBe(
      false,
    );
    expect(matchesSelector({ matchExpressions: [{ key: 'b', operator: 'Exists' }] }, l)).toBe(true);
    expect(matchesSelector({ matchExpressions: [{ key: 'b', operator: 'DoesNotExist' }] }, l)).toBe(false);
    expect(matchesSelector({}, l)).toBe(true);
    expect(matchesSelector(null, l)).toBe(true);
    expect(matchesSelector({ matchExpressions: [{ key: 'a', operator: 'In', values: [] }] }, l)).toBe(false);
  });
  it('synthetic namespace/name labels cannot be spoofed', () => {
    const s = svc({ type: 'LoadBalancer' }, undefined, { 'io.kubernetes.service.namespace': 'kube-system' });
    expect(selectsService({ matchLabels: { 'io.kubernetes.service.namespace': 'kube-system' } }, s)).toBe(
      false,
    );
    expect(
      selectsService(
        { matchLabels: { 'io.kubernetes.service.namespace': 'prod', 'io.kubernetes.service.name': 'web' } },
        s,
      ),
    ).toBe(true);
  });
});

describe('service reader', () => {
  it('primary annotation wins even when empty; loadBalancerIP comes first; adjacent duplicates collapse', () => {
    const r = readServiceRequest(
      svc(
        { type: 'LoadBalancer', loadBalancerIP: '10.0.0.1' },
        { 'lbipam.cilium.io/ips': '10.0.0.1, 10.0.0.2,bogus', 'io.cilium/lb-ipam-ips': '10.9.9.9' },
      ),
      all,
    );
    expect(r.requestedIPs.map(formatAddr)).toEqual(['10.0.0.1', '10.0.0.2']);
    expect(r.invalidIPs.map((x) => x.value)).toEqual(['bogus']);
    const empty = readServiceRequest(
      svc({ type: 'LoadBalancer' }, { 'lbipam.cilium.io/ips': '', 'io.cilium/lb-ipam-ips': '10.9.9.9' }),
      all,
    );
    expect(empty.requestedIPs).toEqual([]);
    const legacy = readServiceRequest(
      svc({ type: 'LoadBalancer' }, { 'io.cilium/lb-ipam-sharing-key': 'k' }),
      all,
    );
    expect(legacy.sharingKey).toBe('k');
  });
  it('a zoned IPv6 entry is a request (netip.ParseAddr accepts zones); adjacent entries differing by zone both stay', () => {
    const r = readServiceRequest(
      svc(
        { type: 'LoadBalancer', loadBalancerIP: 'fe80::1%eth0' },
        { 'lbipam.cilium.io/ips': ' fe80::1 , fe80::1%eth1,10.0.0.1%eth0' },
      ),
      all,
    );
    expect(r.requestedIPs.map(formatAddr)).toEqual(['fe80::1%eth0', 'fe80::1', 'fe80::1%eth1']);
    expect(r.invalidIPs.map((x) => x.value)).toEqual(['10.0.0.1%eth0']);
  });
  it('defaults port protocol to TCP and does not trim cross-namespace entries (S1)', () => {
    const r = readServiceRequest(
      svc(
        { type: 'LoadBalancer', ports: [{ port: 80 }, { port: 53, protocol: 'UDP' }] },
        { 'lbipam.cilium.io/sharing-cross-namespace': 'a, b' },
      ),
      all,
    );
    expect(r.ports).toEqual([
      { port: 80, protocol: 'TCP' },
      { port: 53, protocol: 'UDP' },
    ]);
    expect(r.sharingCrossNamespace).toEqual(['a', ' b']);
    expect(r.externalTrafficPolicy).toBe('Cluster');
  });
  it('follows the family table of B.3', () => {
    const f = (policy: string | undefined, fams: string[], o = all) =>
      requestedFamilies(svc({ type: 'LoadBalancer', ipFamilyPolicy: policy, ipFamilies: fams }), o);
    expect(f(undefined, ['IPv6'], { ipv4: true, ipv6: false })).toEqual({ ipv4: false, ipv6: true });
    expect(f(undefined, [], { ipv4: false, ipv6: true })).toEqual({ ipv4: false, ipv6: true });
    expect(f('PreferDualStack', ['IPv4'], { ipv4: false, ipv6: true })).toEqual({ ipv4: false, ipv6: false });
    expect(f('PreferDualStack', [])).toEqual({ ipv4: true, ipv6: true });
    expect(f('RequireDualStack', ['IPv4'], { ipv4: false, ipv6: true })).toEqual({ ipv4: false, ipv6: true });
    expect(f('SingleStack', [])).toEqual({ ipv4: true, ipv6: false });
  });
  it('decides responsibility from type, class and operator options', () => {
    const opts = { defaultLBServiceIPAM: 'lbipam' as const, l2Announcements: true, bgpControlPlane: false };
    expect(isHandledByLbIpam(svc({ type: 'LoadBalancer' }), opts)).toBe(true);
    expect(isHandledByLbIpam(svc({ type: 'NodePort' }), opts)).toBe(false);
    expect(
      isHandledByLbIpam(svc({ type: 'LoadBalancer', loadBalancerClass: 'io.cilium/l2-announcer' }), opts),
    ).toBe(true);
    expect(
      isHandledByLbIpam(
        svc({ type: 'LoadBalancer', loadBalancerClass: 'io.cilium/bgp-control-plane' }),
        opts,
      ),
    ).toBe(false);
    expect(
      isHandledByLbIpam(svc({ type: 'LoadBalancer' }), { ...opts, defaultLBServiceIPAM: 'nodeipam' }),
    ).toBe(false);
  });
});

describe('pool blocks', () => {
  it('cidr wins, empty stop is one address, bad blocks say why', () => {
    const r = blockRange({ cidr: '10.0.0.0/30', start: 'x' });
    expect(r.ok && r.fromCidr).toBe(true);
    const single = blockRange({ start: '10.0.0.5' });
    expect(single.ok && single.range.from === single.range.to).toBe(true);
    const mixed = blockRange({ start: '10.0.0.1', stop: '::1' });
    expect(mixed.ok ? '' : mixed.error).toMatch(/same address family/);
    const reversed = blockRange({ start: '10.0.0.9', stop: '10.0.0.1' });
    expect(reversed.ok ? '' : reversed.field).toBe('stop');
  });
});
