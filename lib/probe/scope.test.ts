import { describe, expect, it } from 'vitest';
import { parseCidr, type IpRange } from '../net';
import { buildScope, type ScopeInput } from './scope';

const r = (cidr: string): IpRange => {
  const p = parseCidr(cidr);
  if (!p.ok) throw new Error(p.error);
  return p.value;
};

const input = (over: Partial<ScopeInput> = {}): ScopeInput => ({
  pools: [
    { name: 'small', ranges: [r('198.51.100.0/25')] },
    { name: 'big', ranges: [r('10.20.0.0/16')] },
    { name: 'six', ranges: [r('2001:db8::/64')] },
  ],
  allocated: ['198.51.100.10', '10.20.3.4', '2001:db8::5', '192.0.2.9'],
  freeRanges: ['10.20.9.0/30', '2001:db8::100-2001:db8::101'],
  nodes: [{ name: 'n1', internalIps: ['192.0.2.50'] }],
  ...over,
});

describe('buildScope', () => {
  it('sweeps a small IPv4 pool whole, and only what is allocated or named in a large or IPv6 pool', () => {
    const s = buildScope(input());
    const ips = s.targets.map((t) => t.ip);
    expect(ips.filter((ip) => ip.startsWith('198.51.100.'))).toHaveLength(128);
    expect(ips.filter((ip) => ip.startsWith('10.20.'))).toEqual([
      '10.20.3.4',
      '10.20.9.0',
      '10.20.9.1',
      '10.20.9.2',
      '10.20.9.3',
    ]);
    expect(ips.filter((ip) => ip.includes(':'))).toEqual(['2001:db8::5', '2001:db8::100', '2001:db8::101']);
    expect(s.check('192.0.2.50')).toMatchObject({ ok: true, target: { kind: 'node', node: 'n1' } });
    expect(s.check('198.51.100.10')).toMatchObject({ ok: true, target: { kind: 'pool', pool: 'small' } });
  });

  it('refuses everything else with a reason', () => {
    const s = buildScope(input());
    expect(s.check('192.0.2.9')).toEqual({
      ok: false,
      error:
        '192.0.2.9 is refused: the prober only probes pool addresses and node InternalIPs, and it is neither',
    });
    expect(s.check('10.20.5.5')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/larger than 4096 addresses/),
    });
    expect(s.check('2001:db8::7')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/IPv6 pools are probed only/),
    });
    expect(s.check('8.8.8.8')).toMatchObject({ ok: false });
    expect(s.check('garbage')).toEqual({ ok: false, error: "'garbage' is not an IP address" });
  });

  it('honours a smaller per-pool size and refuses named ranges that are too large, malformed or outside pools', () => {
    const s = buildScope(
      input({
        perPoolLimit: 64,
        freeRanges: ['10.20.0.0/24', '192.0.2.0/30', 'nonsense', '10.20.1.9-10.20.1.1'],
      }),
    );
    expect(s.check('198.51.100.100')).toMatchObject({ ok: false });
    expect(s.refusedRanges).toEqual([
      'range 10.20.0.0 - 10.20.0.255 has 256 addresses, over the limit of 64 per range',
      'range 192.0.2.0 - 192.0.2.3 is not inside a pool (192.0.2.0 is in none)',
      "invalid range 'nonsense': expected FROM-TO or a CIDR",
      "invalid range '10.20.1.9-10.20.1.1': ends before it starts",
    ]);
  });
});
