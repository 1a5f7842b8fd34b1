import { parseCidr } from '../../net';
import type { ScopeInput } from '../scope';
import { createSegment, type Segment } from './segment';

// The probe tests' LAN: a prober, two nodes, and a printer, on 198.51.100.0/24 and 2001:db8::/64.
//   198.51.100.100 / 2001:db8::100  announced by node-a, answered by node-a     → ok
//   198.51.100.101 / 2001:db8::101  announced by node-a, answered by a and b    → several MACs
//   198.51.100.102 / 2001:db8::102  announced by node-a, nobody holds it        → silent
//   198.51.100.103 / 2001:db8::103  announced by node-a, answered by node-b     → wrong node
//   198.51.100.120 / 2001:db8::120  free, answered by the printer               → foreign device

export const LAB_MACS = {
  prober: '02:00:00:00:00:02',
  'node-a': 'dc:a6:32:00:00:0a',
  'node-b': 'dc:a6:32:00:00:0b',
  printer: '00:00:48:11:22:33',
} as const;

export const LAB_NODES = [
  { name: 'node-a', internalIps: ['198.51.100.11', '2001:db8::11'] },
  { name: 'node-b', internalIps: ['198.51.100.12', '2001:db8::12'] },
];

export const LAB_ANNOUNCED: Record<string, string> = {
  '198.51.100.100': 'node-a',
  '198.51.100.101': 'node-a',
  '198.51.100.102': 'node-a',
  '198.51.100.103': 'node-a',
  '2001:db8::100': 'node-a',
  '2001:db8::101': 'node-a',
  '2001:db8::102': 'node-a',
  '2001:db8::103': 'node-a',
};

export const labScope = (): ScopeInput => ({
  pools: [
    { name: 'lab', ranges: [parseCidr('198.51.100.64/26')] },
    { name: 'lab6', ranges: [parseCidr('2001:db8::100/120')] },
  ].map((p) => ({ name: p.name, ranges: p.ranges.map((r) => (r.ok ? r.value : fail(r.error))) })),
  allocated: Object.keys(LAB_ANNOUNCED),
  freeRanges: ['2001:db8::120-2001:db8::121'],
  nodes: LAB_NODES,
});

const fail = (m: string): never => {
  throw new Error(m);
};

export function createLab(): Segment {
  return createSegment([
    { name: 'prober', mac: LAB_MACS.prober, addrs: ['198.51.100.2/24', '2001:db8::2/64'] },
    {
      name: 'node-a',
      mac: LAB_MACS['node-a'],
      addrs: [
        '198.51.100.11/24',
        '2001:db8::11/64',
        '198.51.100.100/32',
        '198.51.100.101/32',
        '2001:db8::100/128',
        '2001:db8::101/128',
      ],
    },
    {
      name: 'node-b',
      mac: LAB_MACS['node-b'],
      addrs: [
        '198.51.100.12/24',
        '2001:db8::12/64',
        '198.51.100.101/32',
        '198.51.100.103/32',
        '2001:db8::101/128',
        '2001:db8::103/128',
      ],
    },
    { name: 'printer', mac: LAB_MACS.printer, addrs: ['198.51.100.120/24', '2001:db8::120/64'] },
  ]);
}
