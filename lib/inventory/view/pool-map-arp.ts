import { parseAddr } from '../../net';
import type { ArpVerdict, ArpVerdictKind, PoolView } from '../types';
import { ARP_LABELS, type ArpTone } from './arp-labels';
import { blocksInOrder } from './pool-map-cells';
import type { Stretch } from './pool-map-zoom';

// The pool map's ARP layer: the probers' verdicts laid over the pool's addresses. A DOM cell or a
// one-address canvas cell shows its verdict's tone; a canvas cell of many addresses shows the
// worst tone among them (a foreign device somewhere in a /24 is what the operator must see first).

/** Worst first: what a cell of many addresses shows. */
const TONE_RANK: Record<ArpTone, number> = { bad: 3, warn: 2, good: 1, quiet: 0 };

export const worseTone = (a: ArpTone | null, b: ArpTone): ArpTone =>
  a === null || TONE_RANK[b] > TONE_RANK[a] ? b : a;

/** The tone a map paints a verdict in; null draws nothing (not probed yet). */
export const arpTone = (v: ArpVerdict | undefined): ArpTone | null =>
  v && v.verdict !== 'not-probed' ? ARP_LABELS[v.verdict].tone : null;

interface Placed {
  family: 4 | 6;
  value: bigint;
  verdict: ArpVerdict;
}

export interface PoolArpLayer {
  /** Verdicts per kind among the pool's addresses (only kinds present). */
  counts: Partial<Record<ArpVerdictKind, number>>;
  /** All the pool's verdicts are the demo's simulated segment. */
  simulated: boolean;
  /** The worst tone among the pool's verdicted addresses in a stretch; null when none. */
  toneIn(s: Stretch): ArpTone | null;
}

const cmp = (a: Placed, b: Placed) =>
  a.family - b.family || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);

/** The verdicts inside the pool's blocks, sorted by address, for counting and per-stretch lookups. */
export function poolArpLayer(pool: Pick<PoolView, 'blocks'>, verdicts: Iterable<ArpVerdict>): PoolArpLayer {
  const blocks = blocksInOrder(pool);
  const placed: Placed[] = [];
  for (const verdict of verdicts) {
    const a = parseAddr(verdict.ip);
    if (!a) continue;
    if (blocks.some((b) => b.family === a.family && b.from <= a.value && a.value <= b.to))
      placed.push({ family: a.family, value: a.value, verdict });
  }
  placed.sort(cmp);
  const counts: Partial<Record<ArpVerdictKind, number>> = {};
  for (const p of placed) counts[p.verdict.verdict] = (counts[p.verdict.verdict] ?? 0) + 1;
  const firstAtLeast = (family: 4 | 6, value: bigint) => {
    let lo = 0;
    let hi = placed.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const p = placed[mid]!;
      if (p.family < family || (p.family === family && p.value < value)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return {
    counts,
    simulated: placed.length > 0 && placed.every((p) => p.verdict.simulated),
    toneIn(s) {
      let tone: ArpTone | null = null;
      for (let i = firstAtLeast(s.family, s.from); i < placed.length; i++) {
        const p = placed[i]!;
        if (p.family !== s.family || p.value > s.to) break;
        const t = arpTone(p.verdict);
        if (t) tone = worseTone(tone, t);
        if (tone === 'bad') break;
      }
      return tone;
    },
  };
}
