import { describe, expect, it } from 'vitest';
import { compareIps, ipSortKey } from './ip-order';

describe('numeric IP order', () => {
  it('sorts IPv4 by value, not as text', () => {
    const ips = ['192.168.0.10', '192.168.0.9', '10.0.0.1', '192.168.0.100', '192.168.1.1'];
    expect([...ips].sort(compareIps)).toEqual([
      '10.0.0.1',
      '192.168.0.9',
      '192.168.0.10',
      '192.168.0.100',
      '192.168.1.1',
    ]);
  });

  it('puts IPv4 before IPv6 and orders IPv6 with :: compression', () => {
    const ips = ['2001:db8::10', '2001:db8::9', '192.168.0.1', '2001:db8::a', '::1'];
    expect([...ips].sort(compareIps)).toEqual([
      '192.168.0.1',
      '::1',
      '2001:db8::9',
      '2001:db8::a',
      '2001:db8::10',
    ]);
  });

  it('reads full and IPv4-embedded IPv6 forms as the same number as compressed ones', () => {
    expect(ipSortKey('2001:0db8:0000:0000:0000:0000:0000:0001')).toBe(ipSortKey('2001:db8::1'));
    expect(ipSortKey('::ffff:192.168.0.1')).toBe(ipSortKey('::ffff:c0a8:1'));
  });

  it('sorts garbage last instead of throwing', () => {
    expect([...['nope', '10.0.0.1', '1.2.3.999'].sort(compareIps)]).toEqual([
      '10.0.0.1',
      '1.2.3.999',
      'nope',
    ]);
  });
});
