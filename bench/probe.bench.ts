// probe.sweep_254_s, probe.sweep_254_v6_s: one sweep of a 254-address pool, a quarter of the
// addresses answering, inside network namespaces of the bench's own (lib/probe/testing/segment.ts:
// 198.51.100.0/24 and 2001:db8::/64 only, never a host interface). The figure is the median of
// three sweeps with the prober's defaults (128 in flight, 1,000 starts per second, 250 ms listening).
import { parseCidr } from '../lib/net';
import { createProber } from '../lib/probe/prober';
import { processRunner } from '../lib/probe/run';
import { buildScope } from '../lib/probe/scope';
import { createSegment, rootSkipReason } from '../lib/probe/testing/segment';
import type { Figure } from './support/harness';

const ANSWERING = Array.from({ length: 64 }, (_, i) => 1 + i * 4); // every fourth address

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function run(): Promise<Figure[]> {
  const skip = rootSkipReason();
  if (skip) throw new Error(`probe bench ${skip}`);
  const lab = createSegment([
    { name: 'prober', mac: '02:00:00:00:01:01', addrs: ['198.51.100.254/24', '2001:db8::ffff/64'] },
    {
      name: 'responder',
      mac: '02:00:00:00:01:02',
      addrs: ANSWERING.flatMap((n) => [`198.51.100.${n}/24`, `2001:db8::${n.toString(16)}/64`]),
    },
  ]);
  try {
    const prober = createProber({
      runner: processRunner(lab.prefix('prober')),
      vantage: { name: 'bench', node: null },
    });
    const figures: Figure[] = [];
    for (const [name, cidr, first] of [
      ['probe.sweep_254_s', '198.51.100.0/24', '198.51.100.'],
      ['probe.sweep_254_v6_s', '2001:db8::/120', '2001:db8::'],
    ] as const) {
      const r = parseCidr(cidr);
      if (!r.ok) throw new Error(r.error);
      const ips = Array.from({ length: 254 }, (_, i) =>
        first.includes(':') ? `${first}${(i + 1).toString(16)}` : `${first}${i + 1}`,
      );
      // An IPv6 pool is probed at its allocated addresses: here all 254 of them.
      const scope = buildScope({
        pools: [{ name: 'bench', ranges: [r.value] }],
        allocated: ips,
        freeRanges: [],
        nodes: [],
      });
      const times: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t = performance.now();
        const res = await prober.sweep(scope, ips);
        times.push((performance.now() - t) / 1000);
        const answered = res.records.filter((x) => x.answers.length > 0).length;
        if (res.failure || answered !== ANSWERING.length) {
          throw new Error(`${name}: ${res.failure ?? `${answered} answered, expected ${ANSWERING.length}`}`);
        }
      }
      figures.push({ name, value: Math.round(median(times) * 1000) / 1000, unit: 's' });
    }
    return figures;
  } finally {
    lab.destroy();
  }
}
