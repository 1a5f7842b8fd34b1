import { describe, expect, it } from 'vitest';
import type { ProbeRecord } from './evidence';
import { judgeArp, macIndex, type VerdictFacts } from './verdict';

const A = 'dc:a6:32:00:00:0a';
const B = 'dc:a6:32:00:00:0b';
const PRINTER = '00:00:48:11:22:33';
const index = macIndex({
  simulated: false,
  probes: {},
  nodeMacs: { 'node-a': [A], 'node-b': [B] },
  probers: [],
});

const probe = (macs: string[], over: Partial<ProbeRecord> = {}): ProbeRecord => ({
  ip: '198.51.100.100',
  at: 1000,
  answers: macs.map((mac) => ({
    mac,
    method: 'arp',
    rttMs: 0.2,
    vendor: mac === PRINTER ? 'Seiko Epson Corporation' : null,
  })),
  vantage: { name: 'agent-c', node: 'node-c' },
  ...over,
});

const judge = (over: Partial<VerdictFacts>) =>
  judgeArp({
    ip: '198.51.100.100',
    allocated: true,
    announcer: 'node-a',
    probes: [],
    ...index,
    simulated: false,
    ...over,
  });

describe('judgeArp', () => {
  it.each([
    ['ok', { probes: [probe([A])] }],
    ['silent', { probes: [probe([])] }],
    ['wrong-node', { probes: [probe([B])] }],
    ['several-macs', { probes: [probe([A, B])] }],
    ['several-macs', { probes: [probe([A]), probe([B]), probe([A])] }],
    ['foreign', { probes: [probe([PRINTER])] }],
    ['foreign', { allocated: false, announcer: null, probes: [probe([PRINTER])] }],
    ['wrong-node', { allocated: false, announcer: null, probes: [probe([B])] }],
    ['quiet', { allocated: false, announcer: null, probes: [probe([])] }],
    ['unannounced', { announcer: null, probes: [probe([])] }],
    ['unannounced', { announcer: null, probes: [] }],
    ['not-probed', { probes: [] }],
  ] as const)('%s: %o', (verdict, facts) => {
    expect(judge(facts).verdict).toBe(verdict);
  });

  it('keeps the evidence: MACs with node and vendor, the probe time, the vantage and the history', () => {
    const v = judge({ probes: [probe([A], { at: 5 }), probe([PRINTER], { at: 9 })] });
    expect(v).toMatchObject({
      verdict: 'several-macs',
      at: 9,
      vantage: 'agent-c',
      macs: [
        { mac: A, node: 'node-a', vendor: null },
        { mac: PRINTER, node: null, vendor: 'Seiko Epson Corporation' },
      ],
      history: [
        { at: 9, macs: [PRINTER] },
        { at: 5, macs: [A] },
      ],
    });
    expect(v.detail).toMatch(/flaps/);
  });

  it('ignores the holder node probing itself (it cannot hear its own announcement)', () => {
    const own = probe([], { vantage: { name: 'agent-a', node: 'node-a' } });
    expect(judge({ probes: [own] })).toMatchObject({
      verdict: 'not-probed',
      detail: expect.stringMatching(/own announcement/),
    });
    expect(judge({ probes: [probe([A], { at: 1 }), own] })).toMatchObject({ verdict: 'ok', at: 1 });
  });

  it('says when the last probe failed, and when only unicast solicitations are answered', () => {
    expect(judge({ probes: [probe([], { error: 'arping failed: boom' })] }).detail).toMatch(
      /arping failed: boom/,
    );
    const v6 = probe([], { unicast: true });
    v6.answers = [{ mac: A, method: 'ndp-unicast', rttMs: null, vendor: null }];
    expect(judge({ probes: [v6] })).toMatchObject({ verdict: 'ok', detail: expect.stringMatching(/#44311/) });
  });
});
