import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { build, holding, lease, pool, svc } from '../inventory/testing/fixtures';
import { detectChanges } from './detect';
import { emptyObserved, observe, type ObservedState } from './observed';
import { replay } from './replay';

const ctx = { at: '2026-01-10T12:00:00.000Z', cluster: 'test' };
const lan = pool('lan', [{ start: '192.168.0.220', stop: '192.168.0.239' }]);

describe('observe', () => {
  it('reads addresses with their pool and holders, Service statuses, announcers, pools and conflicts', () => {
    const inv = build({
      pools: [lan],
      services: [
        holding('media', 'jellyfin', '192.168.0.229'),
        svc('media', 'stuck', { cond: ['no_pool', 'none'] }),
      ],
      leases: [lease('media', 'jellyfin', 'node-a')],
    });
    const o = observe(inv);
    expect(o.addresses['192.168.0.229']).toEqual({
      pool: 'lan',
      holders: ['media/jellyfin'],
      node: 'node-a',
    });
    expect(o.services['media/stuck']).toMatchObject({ satisfied: false, reason: 'no_pool' });
    expect(o.pools.lan).toEqual({
      blocks: ['192.168.0.220-192.168.0.239'],
      serviceSelector: 'every Service',
      disabled: false,
    });
  });

  it('puts an address outside every pool in pool ""', () => {
    const o = observe(build({ pools: [lan], services: [holding('a', 'b', '10.0.0.1')] }));
    expect(o.addresses['10.0.0.1'].pool).toBe('');
  });
});

describe('detectChanges', () => {
  const before = observe(build({ pools: [lan], services: [holding('media', 'jellyfin', '192.168.0.229')] }));

  it('finds nothing between equal states', () => {
    expect(detectChanges(before, before, ctx)).toEqual([]);
  });

  it('records an address that moved from one Service to another, with before and after', () => {
    const after = observe(
      build({
        pools: [lan],
        services: [holding('media', 'jellyfin', '192.168.0.230'), holding('web', 'blog', '192.168.0.229')],
      }),
    );
    const changes = detectChanges(before, after, ctx);
    const moved = changes.find((c) => c.kind === 'address.moved');
    expect(moved).toMatchObject({
      ip: '192.168.0.229',
      pool: 'lan',
      namespace: 'web',
      before: { pool: 'lan', holders: ['media/jellyfin'], node: null },
      after: { pool: 'lan', holders: ['web/blog'], node: null },
      unwatched: false,
    });
    expect(changes.find((c) => c.kind === 'address.allocated')?.ip).toBe('192.168.0.230');
    expect(changes.find((c) => c.kind === 'service.created')?.subject).toBe('web/blog');
  });

  it('records a Service going pending with Cilium reason, then its release', () => {
    const after = observe(
      build({ pools: [lan], services: [svc('media', 'jellyfin', { cond: ['no_pool', 'no pool'] })] }),
    );
    const changes = detectChanges(before, after, { ...ctx, unwatched: true });
    expect(changes.map((c) => c.kind).sort()).toEqual(['address.released', 'service.pending']);
    expect(changes.find((c) => c.kind === 'service.pending')?.after).toMatchObject({
      satisfied: false,
      reason: 'no_pool',
    });
    expect(changes.every((c) => c.unwatched)).toBe(true);
  });

  it('records pool edits, conflicts and a failover', () => {
    const held = { pool: 'lan', holders: ['media/jellyfin'] };
    const a = { ...before, addresses: { '192.168.0.229': { ...held, node: 'node-a' } } };
    const b: ObservedState = {
      ...a,
      pools: { lan: { ...a.pools.lan, disabled: true } },
      conflicts: { lan: 'overlaps with pool other' },
      addresses: { '192.168.0.229': { ...held, node: 'node-b' } },
    };
    const kinds = detectChanges(a, b, ctx).map((c) => [c.kind, c.subject]);
    expect(kinds).toEqual([
      ['pool.edited', 'lan'],
      ['conflict.raised', 'lan'],
      ['announcement.moved', '192.168.0.229'],
    ]);
    expect(detectChanges(b, a, ctx).map((c) => c.kind)).toContain('conflict.cleared');
  });
});

// Random states over a small alphabet, so that keys collide and every kind of change occurs.
const ips = fc.constantFrom('10.0.0.1', '10.0.0.2', '10.0.0.3', 'fd00::1');
const svcKeys = fc.constantFrom('a/x', 'a/y', 'b/z');
const poolNames = fc.constantFrom('p1', 'p2');
const held = fc.record({
  pool: fc.constantFrom('', 'p1', 'p2'),
  holders: fc.uniqueArray(svcKeys, { minLength: 1 }).map((h) => h.sort()),
  node: fc.constantFrom(null, 'n1', 'n2'),
});
const status = fc.record({
  satisfied: fc.constantFrom(true, false, null),
  reason: fc.constantFrom(null, 'satisfied', 'no_pool', 'already_allocated'),
  message: fc.constantFrom(null, 'm1', 'm2'),
});
const poolState = fc.record({
  blocks: fc.array(fc.constantFrom('10.0.0.0-10.0.0.3', 'fd00::-fd00::f'), { maxLength: 2 }),
  serviceSelector: fc.constantFrom('all Services', 'app=web'),
  disabled: fc.boolean(),
});
const stateArb: fc.Arbitrary<ObservedState> = fc.record({
  addresses: fc.dictionary(ips, held),
  services: fc.dictionary(svcKeys, status),
  pools: fc.dictionary(poolNames, poolState),
  conflicts: fc.dictionary(poolNames, fc.constantFrom('c1', 'c2')),
  cilium: fc.constantFrom(null, '1.17.4', '1.18.0'),
});

describe('detectChanges (property)', () => {
  it('replaying the changes over the previous state gives the next', () => {
    fc.assert(
      fc.property(stateArb, stateArb, (prev, next) => {
        expect(replay(prev, detectChanges(prev, next, ctx))).toEqual(next);
      }),
      { numRuns: 500 },
    );
  });

  it('finds no change between a state and itself, and one change per differing key', () => {
    fc.assert(
      fc.property(stateArb, (s) => {
        expect(detectChanges(s, s, ctx)).toEqual([]);
        expect(detectChanges(emptyObserved(), s, ctx)).toHaveLength(
          Object.keys(s.addresses).length +
            Object.keys(s.services).length +
            Object.keys(s.pools).length +
            Object.keys(s.conflicts).length +
            (s.cilium === null ? 0 : 1),
        );
      }),
    );
  });
});
