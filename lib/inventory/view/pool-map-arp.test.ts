import { describe, expect, it } from 'vitest';
import { build, pool } from '../testing/fixtures';
import type { ArpVerdict, ArpVerdictKind } from '../types';
import { arpTone, poolArpLayer, worseTone } from './pool-map-arp';

const verdict = (ip: string, kind: ArpVerdictKind, simulated = false): ArpVerdict => ({
  ip,
  verdict: kind,
  detail: kind,
  expectedNode: null,
  macs: [],
  at: kind === 'not-probed' ? null : 1,
  vantage: null,
  unicast: null,
  simulated,
  history: [],
});

const inv = build({
  pools: [pool('p', [{ cidr: '10.0.0.0/24' }, { start: '2001:db8::10', stop: '2001:db8::1f' }])],
});
const p = inv.pools[0]!;
const span = (family: 4 | 6, from: string, to: string) => ({
  family,
  from: BigInt(from),
  to: BigInt(to),
});
// 10.0.0.0 = 167772160
const v4 = (last: number) => BigInt(167772160 + last).toString();

describe('the pool map ARP layer', () => {
  it('counts only the verdicts inside the pool, per kind, and says when all are simulated', () => {
    const layer = poolArpLayer(p, [
      verdict('10.0.0.5', 'ok', true),
      verdict('10.0.0.6', 'foreign', true),
      verdict('10.0.0.7', 'ok', true),
      verdict('10.0.1.1', 'silent', true), // outside every block: another pool's
      verdict('2001:db8::11', 'silent', true),
      verdict('not an address', 'silent', true),
    ]);
    expect(layer.counts).toEqual({ ok: 2, foreign: 1, silent: 1 });
    expect(layer.simulated).toBe(true);
    expect(poolArpLayer(p, [verdict('10.0.0.5', 'ok', true), verdict('10.0.0.6', 'ok')]).simulated).toBe(
      false,
    );
    expect(poolArpLayer(p, []).simulated).toBe(false);
  });

  it('a stretch shows the worst tone among its addresses; none where nothing was probed', () => {
    const layer = poolArpLayer(p, [
      verdict('10.0.0.5', 'ok'),
      verdict('10.0.0.20', 'unannounced'),
      verdict('10.0.0.30', 'foreign'),
      verdict('10.0.0.40', 'quiet'),
      verdict('10.0.0.50', 'not-probed'),
      verdict('2001:db8::12', 'wrong-node'),
    ]);
    expect(layer.toneIn(span(4, v4(0), v4(15)))).toBe('good');
    expect(layer.toneIn(span(4, v4(0), v4(25)))).toBe('warn');
    expect(layer.toneIn(span(4, v4(0), v4(255)))).toBe('bad');
    expect(layer.toneIn(span(4, v4(31), v4(45)))).toBe('quiet');
    expect(layer.toneIn(span(4, v4(45), v4(60)))).toBeNull(); // not probed draws nothing
    expect(layer.toneIn(span(4, v4(6), v4(6)))).toBeNull();
    // The families do not mix: the IPv6 stretch holding the same low values is its own.
    expect(layer.toneIn(span(6, v4(0), v4(255)))).toBeNull();
    const v6 = BigInt('0x20010db8000000000000000000000000');
    expect(layer.toneIn({ family: 6, from: v6, to: v6 + 0xffn })).toBe('bad');
  });

  it('orders tones worst first and draws nothing for not probed', () => {
    expect(worseTone(null, 'quiet')).toBe('quiet');
    expect(worseTone('good', 'bad')).toBe('bad');
    expect(worseTone('bad', 'warn')).toBe('bad');
    expect(worseTone('quiet', 'good')).toBe('good');
    expect(arpTone(undefined)).toBeNull();
    expect(arpTone(verdict('10.0.0.1', 'not-probed'))).toBeNull();
    expect(arpTone(verdict('10.0.0.1', 'several-macs'))).toBe('bad');
  });
});
