import { describe, expect, it } from 'vitest';
import { arpingFailure, parseArping } from './arping';
import { interfaceFor, parseIpAddrJson } from './interfaces';
import { ndiscFailure, parseNdisc, parseNeighState } from './ndisc';

// Output captured from Debian's arping 2.23, ndisc6 1.0.7 and iproute2 6.1.

const DUPLICATE = `ARPING 198.51.100.101
42 bytes from 02:00:00:00:00:03 (198.51.100.101): index=0 time=9.208 usec
42 bytes from 02:00:00:00:00:02 (198.51.100.101): index=1 time=1.5 msec
42 bytes from 02:00:00:00:00:02 (198.51.100.101): index=2 time=2.1 msec

--- 198.51.100.101 statistics ---
1 packets transmitted, 3 packets received,   0% unanswered (2 extra)
`;

describe('parseArping', () => {
  it('lists every MAC once with its first round-trip time in milliseconds', () => {
    expect(parseArping(DUPLICATE, '198.51.100.101')).toEqual([
      { mac: '02:00:00:00:00:03', method: 'arp', rttMs: 0.009, vendor: null },
      { mac: '02:00:00:00:00:02', method: 'arp', rttMs: 1.5, vendor: null },
    ]);
  });
  it('ignores replies for another address and a timeout', () => {
    expect(parseArping(DUPLICATE, '198.51.100.100')).toEqual([]);
    expect(parseArping('ARPING 198.51.100.102\nTimeout\n', '198.51.100.102')).toEqual([]);
  });
  it('words a missing raw socket and a missing interface', () => {
    expect(arpingFailure('arping: socket: Operation not permitted')).toMatch(/CAP_NET_RAW/);
    expect(
      arpingFailure('arping: Unable to automatically find interface to use. Is it on the local LAN?'),
    ).toMatch(/no usable interface/);
    expect(arpingFailure('')).toBeNull();
  });
});

describe('parseNdisc and the unicast state', () => {
  it('lists every target link-layer address', () => {
    const out = `Soliciting 2001:db8::101 (2001:db8::101) on eth0...
Target link-layer address: 02:00:00:00:00:03
 from 2001:db8::101
Target link-layer address: 02:00:00:00:00:02
 from 2001:db8::101
`;
    expect(parseNdisc(out).map((a) => a.mac)).toEqual(['02:00:00:00:00:03', '02:00:00:00:00:02']);
    expect(parseNdisc('Soliciting 2001:db8::102 (2001:db8::102) on eth0...\nTimed out.\n')).toEqual([]);
    expect(ndiscFailure('ndisc6: Operation not permitted')).toMatch(/CAP_NET_RAW/);
  });
  it('reads the kernel neighbour entry after a unicast probe', () => {
    const mac = '02:00:00:00:00:02';
    expect(parseNeighState(`2001:db8::100 dev eth0 lladdr ${mac} REACHABLE`, mac)).toBe('answered');
    expect(parseNeighState(`2001:db8::102 dev eth0 lladdr ${mac} PROBE`, mac)).toBe('probing');
    expect(parseNeighState('2001:db8::102 dev eth0 FAILED', mac)).toBe('silent');
  });
});

describe('interfaceFor', () => {
  const json = JSON.stringify([
    { ifname: 'lo', flags: ['UP'], addr_info: [{ family: 'inet', local: '127.0.0.1', prefixlen: 8 }] },
    {
      ifname: 'eth0',
      flags: ['BROADCAST', 'UP'],
      addr_info: [
        { family: 'inet', local: '198.51.100.2', prefixlen: 24, scope: 'global' },
        { family: 'inet', local: '198.51.100.100', prefixlen: 32, scope: 'global' },
        { family: 'inet6', local: 'fe80::1', prefixlen: 64, scope: 'link' },
      ],
    },
    {
      ifname: 'eth1',
      flags: ['UP'],
      addr_info: [{ family: 'inet', local: '198.51.100.130', prefixlen: 25 }],
    },
    { ifname: 'down0', flags: [], addr_info: [{ family: 'inet', local: '203.0.113.1', prefixlen: 24 }] },
  ]);
  const subnets = parseIpAddrJson(json);
  it('picks the longest prefix holding the address, never a host route, loopback or a down link', () => {
    expect(interfaceFor(subnets, '198.51.100.7')).toBe('eth0');
    expect(interfaceFor(subnets, '198.51.100.200')).toBe('eth1');
    expect(interfaceFor(subnets, '203.0.113.9')).toBeNull();
    expect(interfaceFor(subnets, '127.0.0.2')).toBeNull();
    expect(parseIpAddrJson('not json')).toEqual([]);
  });
});
