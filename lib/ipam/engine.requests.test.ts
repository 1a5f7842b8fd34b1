// Specific-IP requests at the edges Cilium's code decides: IPv6 zones (Go netip keeps them) and a
// reserved first/last address requested with a sharing key (Cilium issue 48779).
import { describe, expect, it } from 'vitest';
import { cond, engine, ips, pool, svc, up } from './testdata/fixtures';

describe('zoned IPv6 requests', () => {
  it('stay requests: no generic fallback, no_pool naming the zoned address', () => {
    const e = engine({ ipv6: true });
    up(e, pool('p', ['10.0.10.0/24']), svc('z', { ips: 'FE80:0::1%eth0' }));
    expect(ips(e, 'z')).toEqual([]);
    expect(cond(e, 'z')).toMatchObject({
      status: 'False',
      reason: 'no_pool',
      message: "No pool exists with a CIDR containing 'fe80::1%eth0'",
    });
    expect(e.diagnose('default', 'z')).toMatchObject({
      state: 'pending',
      cause: expect.stringContaining("keeps the IPv6 zone '%eth0'"),
      fix: expect.stringMatching(/^Request fe80::1 without the zone./),
    });
  });
  // What Cilium decides in memory. A real API server then refuses the status patch (the ingress
  // IP must pass net.ParseIP, which has no zones), so the grant never shows in a real cluster.
  it('are inside a block from its first address up to, not including, its last (netip Compare)', () => {
    const e = engine({ ipv6: true });
    up(
      e,
      pool('p', [{ start: 'fe80::1', stop: 'fe80::5' }]),
      svc('first', { ips: 'fe80::1%eth0', families: ['IPv6'] }),
      svc('last', { ips: 'fe80::5%eth0', families: ['IPv6'] }),
    );
    expect(ips(e, 'first')).toEqual(['fe80::1%eth0']);
    expect(cond(e, 'first')).toMatchObject({ status: 'True', reason: 'satisfied' });
    expect(ips(e, 'last')).toEqual([]);
    expect(cond(e, 'last')).toMatchObject({
      reason: 'no_pool',
      message: "No pool exists with a CIDR containing 'fe80::5%eth0'",
    });
  });
  it('a plain request is not satisfied by a zoned ingress of the same address', () => {
    const e = engine({ ipv6: true });
    up(e, pool('p', ['2001:db8::/120']), svc('a', { ips: '2001:db8::7' }));
    expect(ips(e, 'a')).toEqual(['2001:db8::7']);
    up(e, svc('a', { ips: '2001:db8::7%eth0', generation: 2 }));
    // The plain address is no longer requested, so it is released; the zoned one takes its place.
    expect(ips(e, 'a')).toEqual(['2001:db8::7%eth0']);
    expect(cond(e, 'a')).toMatchObject({ status: 'True', reason: 'satisfied' });
  });
});

describe('reserved first/last address requested with a sharing key (Cilium #48779)', () => {
  it('is refused already_allocated, like a request without a key (S1 granted it)', () => {
    const e = engine();
    up(
      e,
      pool('pool-a', ['10.0.10.16/30'], { allowFirstLastIPs: 'No' }),
      svc('first', { lbIP: '10.0.10.16', key: 'key-1' }),
      svc('last', { ips: '10.0.10.19', key: 'key-1', ports: [{ port: 81 }] }),
    );
    for (const [name, ip] of [
      ['first', '10.0.10.16'],
      ['last', '10.0.10.19'],
    ]) {
      expect(ips(e, name)).toEqual([]);
      expect(cond(e, name)).toMatchObject({
        status: 'False',
        reason: 'already_allocated',
        message: `The IP '${ip}' is already allocated to another service`,
      });
    }
    expect(e.diagnose('default', 'first').cause).toContain(
      `first or last address of a cidr block of pool 'pool-a', which allowFirstLastIPs: "No" withholds`,
    );
  });
  it('a usable address of the same pool is still shared under the key', () => {
    const e = engine();
    up(
      e,
      pool('pool-a', ['10.0.10.16/30'], { allowFirstLastIPs: 'No' }),
      svc('a', { ips: '10.0.10.17', key: 'key-1', ports: [{ port: 80 }] }),
      svc('b', { ips: '10.0.10.17', key: 'key-1', ports: [{ port: 81 }] }),
    );
    expect(ips(e, 'a')).toEqual(['10.0.10.17']);
    expect(ips(e, 'b')).toEqual(['10.0.10.17']);
    expect(cond(e, 'b')).toMatchObject({ status: 'True', reason: 'satisfied' });
  });
});
