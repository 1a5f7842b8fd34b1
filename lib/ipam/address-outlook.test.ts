import { describe, expect, it } from 'vitest';
import { del, engine, ips, pool, svc, up } from './testdata/fixtures';

describe('address outlook: what Cilium would do with one address', () => {
  it('a free address is next when it is the first of the smallest free block; otherwise it names the next one', () => {
    const e = engine();
    up(e, pool('p', ['10.0.10.0/29']), svc('a'), svc('b'));
    expect(ips(e, 'a')).toEqual(['10.0.10.0']);
    const o = e.addressOutlook('10.0.10.2')!;
    expect(o.ranges).toEqual([
      {
        pool: 'p',
        range: '10.0.10.0 - 10.0.10.7',
        state: 'free',
        blocked: null,
        holders: [],
        next: '10.0.10.2',
        free: '6',
        triedBefore: [],
      },
    ]);
    expect(e.addressOutlook('10.0.10.5')!.ranges[0]).toMatchObject({ state: 'free', next: '10.0.10.2' });
    // The allocator's pick is really the one a new Service gets.
    up(e, svc('c'));
    expect(ips(e, 'c')).toEqual(['10.0.10.2']);
  });

  it('after a release the freed address (the smallest block) comes next, as Cilium reuses it', () => {
    const e = engine();
    up(e, pool('p', ['10.0.10.0/28']));
    for (const n of ['s0', 's1', 's2', 's3']) up(e, svc(n));
    del(e, svc('s1'));
    expect(e.addressOutlook('10.0.10.1')!.ranges[0]).toMatchObject({ state: 'free', next: '10.0.10.1' });
    expect(e.addressOutlook('10.0.10.4')!.ranges[0].next).toBe('10.0.10.1');
  });

  it('held addresses name their holders (several when shared with a sharing key)', () => {
    const e = engine();
    up(
      e,
      pool('p', ['10.0.10.0/29']),
      svc('web', { ips: '10.0.10.3', key: 'k', ports: [{ port: 80 }] }),
      svc('dns', { ips: '10.0.10.3', key: 'k', ports: [{ port: 53, protocol: 'UDP' }] }),
    );
    expect(e.addressOutlook('10.0.10.3')!.ranges[0]).toMatchObject({
      state: 'held',
      holders: ['default/web', 'default/dns'],
    });
  });

  it('reserved edges with allowFirstLastIPs "No", owned by nobody', () => {
    const e = engine();
    up(e, pool('p', ['10.0.10.0/29'], { allowFirstLastIPs: 'No' }));
    expect(e.addressOutlook('10.0.10.7')!.ranges[0]).toMatchObject({
      state: 'reserved',
      holders: [],
      next: '10.0.10.1',
      free: '6',
    });
  });

  it('pools tried earlier are named: a Service they select too is served there first', () => {
    const e = engine();
    up(
      e,
      pool('first', ['10.0.1.0/30']),
      pool('second', ['10.0.2.0/30'], { selector: { matchLabels: { tier: 'b' } } }),
    );
    const o = e.addressOutlook('10.0.2.0')!;
    expect(o.ranges[0]).toMatchObject({ pool: 'second', next: '10.0.2.0', triedBefore: ['first'] });
    // Full ranges are not tried: once `first` is full it is not named.
    for (const n of ['a', 'b', 'c', 'd']) up(e, svc(n));
    expect(e.addressOutlook('10.0.2.0')!.ranges[0].triedBefore).toEqual([]);
  });

  it('a disabled pool hands out nothing; its pending Services are listed, and who would get it once enabled', () => {
    const e = engine();
    up(e, pool('off', ['10.0.3.0/30'], { disabled: true }), svc('w1'), svc('w2'));
    const o = e.addressOutlook('10.0.3.1')!;
    expect(o.ranges[0]).toMatchObject({ pool: 'off', state: 'free', blocked: 'disabled', next: null });
    expect(o.pendingSelected).toEqual(['default/w1', 'default/w2']);
    expect(e.holdersIfEnabled('off', '10.0.3.0')).toEqual(['default/w1']);
    expect(e.holdersIfEnabled('off', '10.0.3.1')).toEqual(['default/w2']);
    expect(e.holdersIfEnabled('off', '10.0.3.3')).toEqual([]);
    // The fork left the engine alone.
    expect(ips(e, 'w1')).toEqual([]);
    expect(e.holdersIfEnabled('nope', '10.0.3.1')).toBeUndefined();
  });

  it('conflicting pools are blocked; a Service asking for the address by name is listed with its reason', () => {
    const e = engine();
    up(
      e,
      pool('old', ['10.0.4.0/29'], { created: '2026-01-01T00:00:00Z' }),
      pool('new', ['10.0.4.4/30'], { created: '2026-01-02T00:00:00Z' }),
      svc('asks', { ips: '10.0.4.5', labels: { x: 'y' } }),
    );
    const o = e.addressOutlook('10.0.4.5')!;
    expect(o.ranges.map((r) => [r.pool, r.blocked])).toEqual([
      ['old', null],
      ['new', 'conflicting'],
    ]);
    // `old` contains it and selects every Service: granted there, so nobody waits.
    expect(o.waiting).toEqual([]);
    expect(o.ranges[0]).toMatchObject({ state: 'held', holders: ['default/asks'] });
  });

  it('a Service requesting an address its pool does not select waits, with Cilium reason', () => {
    const e = engine();
    up(
      e,
      pool('picky', ['10.0.5.0/29'], { selector: { matchLabels: { team: 'a' } } }),
      svc('asks', { ips: '10.0.5.2' }),
    );
    const o = e.addressOutlook('10.0.5.2')!;
    expect(o.ranges[0].state).toBe('free');
    expect(o.waiting).toEqual([
      {
        service: 'default/asks',
        reason: 'pool_selector_mismatch',
        message: "The pool with the CIDR containing '10.0.5.2', doesn't select this service",
      },
    ]);
  });

  it('an address in no pool has no ranges; a non-address is refused', () => {
    const e = engine();
    up(e, pool('p', ['10.0.10.0/30']));
    expect(e.addressOutlook('10.9.9.9')).toMatchObject({ ip: '10.9.9.9', ranges: [], waiting: [] });
    expect(e.addressOutlook('not-an-ip')).toBeNull();
    expect(e.addressOutlook('2001:db8::1')!.ranges).toEqual([]);
  });

  it('caps the pending list', () => {
    const e = engine();
    up(e, pool('off', ['10.0.3.0/30'], { disabled: true }));
    for (let i = 0; i < 5; i++) up(e, svc(`w${i}`));
    const o = e.addressOutlook('10.0.3.0', 2)!;
    expect(o.pendingSelected).toEqual(['default/w0', 'default/w1']);
    expect(o.morePending).toBe(3);
  });
});
