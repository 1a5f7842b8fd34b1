import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addrEquals,
  compareAddr,
  countString,
  formatAddr,
  formatRange,
  iterateRange,
  parseAddr,
  parseAddrZoned,
  parseCidr,
  rangeContains,
  rangeAsCidr,
  rangeSize,
  rangesOverlap,
  type IpRange,
} from './index';

const cidr = (t: string): IpRange => {
  const r = parseCidr(t);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

describe('addresses', () => {
  it('parses like Go netip: strict dotted quads, no zones or prefixes', () => {
    expect(parseAddr('10.0.0.1')).toEqual({ family: 4, value: 0x0a000001n });
    for (const bad of [
      '010.0.0.1',
      '10.0.0',
      '256.0.0.1',
      '10.0.0.1/32',
      'fe80::1%eth0',
      '',
      'x',
      ' 10.0.0.1',
    ]) {
      expect(parseAddr(bad), bad).toBeNull();
    }
  });
  it('formats every IPv4 value as a dotted quad without leading zeros', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 32n - 1n }), (v) => {
        const n = Number(v);
        const octets = [Math.floor(n / 2 ** 24), (n >> 16) & 255, (n >> 8) & 255, n & 255];
        expect(formatAddr({ family: 4, value: v })).toBe(octets.join('.'));
      }),
    );
  });
  it('formats IPv6 compressed lower case, first longest zero run, 4in6 dotted', () => {
    expect(formatAddr(parseAddr('00FF:0:0:0:0:0:0:0')!)).toBe('ff::');
    expect(formatAddr(parseAddr('2001:db8:0:0:1:0:0:1')!)).toBe('2001:db8::1:0:0:1');
    expect(formatAddr(parseAddr('2001:db8:0:1:1:1:1:1')!)).toBe('2001:db8:0:1:1:1:1:1');
    expect(formatAddr(parseAddr('::')!)).toBe('::');
    expect(formatAddr(parseAddr('::ffff:c0a8:1')!)).toBe('::ffff:192.168.0.1');
    expect(formatAddr(parseAddr('0:0:1:0:0:1:0:0')!)).toBe('::1:0:0:1:0:0');
    expect(formatAddr(parseAddr('1:0:0:1:0:0:0:0')!)).toBe('1:0:0:1::');
    expect(formatAddr(parseAddr('1:2:3:4:5:6:7:0')!)).toBe('1:2:3:4:5:6:7:0');
  });

  it('parseAddrZoned keeps an IPv6 zone as Go netip does, and prints it after the address', () => {
    const z = parseAddrZoned('FE80:0::1%eth0')!;
    expect(z).toMatchObject({ family: 6, value: (0xfe80n << 112n) | 1n, zone: 'eth0' });
    expect(formatAddr(z)).toBe('fe80::1%eth0');
    expect(formatAddr(parseAddrZoned('::ffff:1.2.3.4%x')!)).toBe('::ffff:1.2.3.4%x');
    // Everything after the first '%' is the zone, whatever it holds.
    expect(parseAddrZoned('fe80::1%a%b c')?.zone).toBe('a%b c');
    expect(parseAddrZoned('10.0.0.1')).toEqual(parseAddr('10.0.0.1'));
    for (const bad of ['fe80::1%', '%eth0', '10.0.0.1%eth0', '1.2::3%x', 'fe80::g%eth0', 'fe80::1/64%eth0']) {
      expect(parseAddrZoned(bad), bad).toBeNull();
    }
    // Printing a zoned address must not teach the zone-refusing parser to accept that text.
    expect(parseAddr('fe80::1%eth0')).toBeNull();
  });
  it('a zone makes another address: equality, order (zoned just after plain) and range bounds', () => {
    const plain = parseAddr('fe80::1')!;
    const zoned = parseAddrZoned('fe80::1%eth0')!;
    expect(addrEquals(plain, zoned)).toBe(false);
    expect(addrEquals(zoned, parseAddrZoned('fe80::1%eth0')!)).toBe(true);
    expect(compareAddr(plain, zoned)).toBe(-1);
    expect(compareAddr(zoned, parseAddr('fe80::2')!)).toBe(-1);
    expect(compareAddr(parseAddrZoned('fe80::1%a')!, parseAddrZoned('fe80::1%b')!)).toBe(-1);
    const r = { family: 6 as const, from: plain.value, to: plain.value + 4n };
    expect(rangeContains(r, zoned)).toBe(true); // equal to from: Compare(from) > 0
    expect(rangeContains(r, parseAddrZoned('fe80::5%eth0')!)).toBe(false); // equal to to: Compare(to) > 0
    expect(rangeContains(r, parseAddr('fe80::5')!)).toBe(true);
  });
  it('formats every IPv6 address as RFC 5952 text that parses back to it', () => {
    // Groups biased to zero, so runs of zeros of every length and position come up.
    const group = fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 0, max: 0xffff }));
    fc.assert(
      fc.property(fc.array(group, { minLength: 8, maxLength: 8 }), (groups) => {
        const value = groups.reduce((v, g) => (v << 16n) | BigInt(g), 0n);
        const text = formatAddr({ family: 6, value });
        expect(parseAddr(text)?.value).toBe(value);
        if (value >> 32n === 0xffffn) return;
        // The reference: longest run of two or more zero groups, the first on a tie, becomes '::'.
        let best = [-1, 1];
        for (let i = 0; i < 8; i++) {
          let j = i;
          while (j < 8 && groups[j] === 0) j++;
          if (j - i > best[1]) best = [i, j - i];
        }
        const hex = groups.map((g) => g.toString(16));
        const want =
          best[0] < 0
            ? hex.join(':')
            : `${hex.slice(0, best[0]).join(':')}::${hex.slice(best[0] + best[1]).join(':')}`;
        expect(text).toBe(want);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('ranges', () => {
  it('masks host bits of a CIDR as Cilium does', () => {
    expect(formatRange(cidr('10.0.0.12/24'))).toBe('10.0.0.0 - 10.0.0.255');
    expect(formatRange(cidr('2004::5/112'))).toBe('2004:: - 2004::ffff');
  });
  it('counts huge ranges exactly without walking them', () => {
    expect(countString(rangeSize(cidr('::/0')))).toBe('340282366920938463463374607431768211456');
    expect(countString(rangeSize(cidr('0.0.0.0/0')))).toBe('4294967296');
    expect(countString(rangeSize(cidr('2001:db8::/48')))).toBe('1208925819614629174706176');
    expect(countString(rangeSize(cidr('10.0.0.1/32')))).toBe('1');
    expect(countString(rangeSize(cidr('::1/128')))).toBe('1');
    expect(() => [...iterateRange(cidr('2001:db8::/64'))]).toThrow(RangeError);
    expect([...iterateRange(cidr('10.0.0.0/30'))].map(formatAddr)).toEqual([
      '10.0.0.0',
      '10.0.0.1',
      '10.0.0.2',
      '10.0.0.3',
    ]);
  });
  it('rejects malformed CIDRs', () => {
    for (const bad of ['10.0.0.0', '10.0.0.0/33', '10.0.0.0/024', 'foo/24', '::/129', '10.0.0.0/-1']) {
      expect(parseCidr(bad).ok, bad).toBe(false);
    }
  });
  it('overlap is inclusive: a shared edge overlaps, adjacency does not', () => {
    expect(rangesOverlap(cidr('10.0.0.0/24'), cidr('10.0.0.255/32'))).toBe(true);
    expect(rangesOverlap(cidr('10.0.0.0/24'), cidr('10.0.1.0/24'))).toBe(false);
    expect(rangesOverlap(cidr('::/0'), cidr('0.0.0.0/0'))).toBe(false);
  });
  it('recognises exact CIDRs', () => {
    expect(rangeAsCidr(cidr('10.0.0.0/24'))).toBe('10.0.0.0/24');
    expect(rangeAsCidr({ family: 4, from: 1n, to: 2n })).toBeUndefined();
  });
});
