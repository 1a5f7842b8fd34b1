// The engine writes some statuses lazily (pool counts after Service events); what a reader sees
// must not depend on when it reads. Random event streams, with a clock that moves, are applied to
// an engine read after every event and to one read only at the end.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LbIpamEngine } from './engine';
import { pool, svc } from './testdata/fixtures';
import type { EngineEvent } from './types';

const poolArb = fc.record({
  name: fc.constantFrom('p1', 'p2'),
  cidr: fc.constantFrom('10.0.0.0/29', '10.0.0.4/30', '10.0.1.0/30', 'ff::/125'),
  no: fc.boolean(),
  generation: fc.integer({ min: 1, max: 3 }),
});
const svcArb = fc.record({
  name: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
  key: fc.constantFrom(undefined, 'k'),
  port: fc.constantFrom(80, 81),
  ip: fc.constantFrom(undefined, '10.0.0.1', '10.0.1.2', 'ff::3'),
  dual: fc.boolean(),
});
const eventArb: fc.Arbitrary<EngineEvent> = fc.oneof(
  {
    arbitrary: poolArb.map((p) => ({
      op: 'upsert' as const,
      object: pool(p.name, [p.cidr], {
        allowFirstLastIPs: p.no ? 'No' : undefined,
        generation: p.generation,
      }),
    })),
    weight: 1,
  },
  { arbitrary: poolArb.map((p) => ({ op: 'delete' as const, object: pool(p.name, [p.cidr]) })), weight: 1 },
  {
    arbitrary: svcArb.map((s) => ({
      op: 'upsert' as const,
      object: svc(s.name, {
        key: s.key,
        ports: [{ port: s.port }],
        ips: s.ip,
        policy: s.dual ? 'RequireDualStack' : undefined,
      }),
    })),
    weight: 5,
  },
  { arbitrary: svcArb.map((s) => ({ op: 'delete' as const, object: svc(s.name) })), weight: 2 },
);

function everything(e: LbIpamEngine): string {
  const svcs = e.serviceKeys().map((k) => [k, e.serviceStatus(...(k.split('/') as [string, string]))]);
  const pools = e.poolNames().map((p) => [p, e.poolStatus(p)]);
  return JSON.stringify([svcs, pools]);
}

describe('lazily written statuses', () => {
  it('are the same whether read after every event or only at the end (clock moving)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(eventArb, fc.constantFrom(0, 1000, 2000)), { maxLength: 40 }),
        (steps) => {
          let ms = Date.parse('2026-01-01T00:00:00Z');
          const clock = (): Date => new Date(ms);
          const eager = new LbIpamEngine({}, clock);
          const lazy = new LbIpamEngine({}, clock);
          for (const [ev, dt] of steps) {
            ms += dt;
            eager.apply(ev);
            eager.takeChanges();
            everything(eager);
            lazy.apply(ev);
          }
          ms += 5000; // reading later must not stamp later transition times
          expect(everything(lazy)).toBe(everything(eager));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('pool counts follow Service events that nobody read', () => {
    const e = new LbIpamEngine({}, () => new Date('2026-01-01T00:00:00Z'));
    e.apply({ op: 'upsert', object: pool('p1', ['10.0.0.0/28']) });
    expect(e.takeChanges()).toContain('pool/p1');
    for (const n of ['a', 'b', 'c']) e.apply({ op: 'upsert', object: svc(n) });
    e.apply({ op: 'delete', object: svc('b') });
    const changed = e.takeChanges();
    expect(changed).toContain('pool/p1');
    // The pool's key is reported where its counts first changed: after the first Service's.
    expect(changed.indexOf('pool/p1')).toBe(changed.indexOf('service/default/a') + 1);
    const msg = (t: string) => e.poolStatus('p1')?.conditions?.find((c) => c.type === t)?.message;
    expect([msg('cilium.io/IPsTotal'), msg('cilium.io/IPsUsed'), msg('cilium.io/IPsAvailable')]).toEqual([
      '16',
      '2',
      '14',
    ]);
    // Nothing moved since: no change to report.
    expect(e.takeChanges()).toEqual([]);
  });
});
