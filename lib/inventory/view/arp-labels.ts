import type { ArpVerdictKind } from '../types';

// What a table cell, a map layer or a legend calls each verdict, once: a short word and how
// alarming it is (the tone a screen paints it in). The sentences stay in the verdict's `detail`.

export type ArpTone = 'good' | 'bad' | 'warn' | 'quiet';

export const ARP_LABELS: Record<ArpVerdictKind, { label: string; tone: ArpTone }> = {
  ok: { label: 'ok', tone: 'good' },
  silent: { label: 'silent', tone: 'bad' },
  'wrong-node': { label: 'wrong node', tone: 'bad' },
  'several-macs': { label: 'several MACs', tone: 'bad' },
  foreign: { label: 'foreign device', tone: 'bad' },
  unannounced: { label: 'unannounced', tone: 'warn' },
  quiet: { label: 'quiet', tone: 'quiet' },
  'not-probed': { label: 'not probed', tone: 'quiet' },
};
