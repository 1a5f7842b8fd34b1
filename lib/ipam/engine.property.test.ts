// Invariants over random event sequences (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from './types';
import { engine, pool, svc } from './testdata/fixtures';
import type { LbIpamEngine } from './engine';

const poolArb = fc.record({
  name: fc.constantFrom('p1', 'p2', 'p3'),
  cidr: fc.constantFrom(
    '10.0.0.0/30',
    '10.0.0.0/29',
    '10.0.0.4/30',
    '10.0.1.0/31',
    'ff::/126',
    '10.0.2.0/32',
  ),
  disabled: fc.boolean(),
  no: fc.boolean(),
});
const svcArb = fc.record({
  name: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
  key: fc.constantFrom(undefined, 'k'),
  port: fc.constantFrom(80, 81),
  ip: fc.constantFrom(undefined, '10.0.0.1', '10.0.0.5', '10.0.2.0'),
  dual: fc.boolean(),
});
const eventArb: fc.Arbitrary<EngineEvent> = fc.oneof(
  poolArb.map((p) => ({
    op: 'upsert' as const,
    object: pool(p.name, [p.cidr], { disabled: p.disabled, allowFirstLastIPs: p.no ? 'No' : undefined }),
  })),
  poolArb.map((p) => ({ op: 'delete' as const, object: pool(p.name, [p.cidr]) })),
  svcArb.map((s) => ({
    op: 'upsert' as const,
    object: svc(s.name, {
      key: s.key,
      ports: [{ port: s.port }],
      ips: s.ip,
      policy: s.dual ? 'RequireDualStack' : undefined,
    }),
  })),
  svcArb.map((s) => ({ op: 'delete' as const, object: svc(s.name) })),
);

function snapshot(e: LbIpamEngine): string {
  const names = ['a', 'b', 'c', 'd', 'e'];
  return JSON.stringify([
    names.map((n) => e.serviceStatus('default', n)),
    ['p1', 'p2', 'p3'].map((p) => e.poolStatus(p)),
  ]);
}

describe('engine invariants', () => {
  it('no address is held by two incompatible Services; total = used + available', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 30 }), (events) => {
        const e = engine();
        for (const ev of events) {
          e.apply(ev);
          const holders = new Map<string, string[]>();
          for (const key of e.serviceKeys()) {
            const [ns, name] = key.split('/');
            for (const i of e.serviceStatus(ns, name)?.loadBalancer?.ingress ?? []) {
              holders.set(i.ip ?? '', [...(holders.get(i.ip ?? '') ?? []), name]);
            }
          }
          for (const [, names] of holders) {
            if (names.length < 2) continue;
            // Sharing needs the same key on both sides (the fixture gives key 'k' or none).
            const views = names.map((n) => e.core.services.get(`default/${n}`));
            for (const v of views) expect(v?.sharingKey).toBe('k');
            for (let i = 0; i < views.length; i++)
              for (let j = i + 1; j < views.length; j++)
                expect(views[i]!.incompatibility(views[j]!)).toBeUndefined();
          }
          for (const p of e.poolNames()) {
            const c = e.poolStatus(p)?.conditions ?? [];
            const m = (t: string) => c.find((x) => x.type === t)?.message;
            if (m('cilium.io/IPsTotal') === undefined) continue;
            expect(BigInt(m('cilium.io/IPsTotal')!)).toBe(
              BigInt(m('cilium.io/IPsUsed')!) + BigInt(m('cilium.io/IPsAvailable')!),
            );
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('replaying the same events gives the same statuses; what-if equals applying', () => {
    fc.assert(
      fc.property(
        fc.array(eventArb, { maxLength: 25 }),
        fc.array(eventArb, { maxLength: 5 }),
        (events, extra) => {
          const a = engine();
          const b = engine();
          for (const ev of events) {
            a.apply(ev);
            b.apply(ev);
          }
          expect(snapshot(a)).toBe(snapshot(b));
          const before = snapshot(a);
          const outcome = a.whatIf(extra);
          expect(snapshot(a)).toBe(before);
          for (const ev of extra) b.apply(ev);
          for (const s of outcome.services) expect(s.after).toEqual(b.serviceStatus(s.namespace, s.name));
          for (const p of outcome.pools) expect(p.after).toEqual(b.poolStatus(p.name));
        },
      ),
      { numRuns: 150 },
    );
  });
});
