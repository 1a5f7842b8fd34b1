import { describe, expect, it } from 'vitest';
import { cond, counts, del, engine, ips, pool, svc, up } from './testdata/fixtures';

describe('allocation order (C.3, C.4, E.1)', () => {
  it('ascends from the first address, then takes the smallest free block', () => {
    const e = engine();
    up(e, pool('p', ['10.0.10.0/24']), svc('a'), svc('b'));
    expect(ips(e, 'a')).toEqual(['10.0.10.0']);
    expect(ips(e, 'b')).toEqual(['10.0.10.1']);
    const e2 = engine();
    up(e2, pool('p', ['10.0.10.0/24']), svc('req', { ips: '10.0.10.250' }), svc('next'));
    expect(ips(e2, 'next')).toEqual(['10.0.10.251']);
    const e3 = engine();
    up(e3, pool('p', ['10.0.10.0/24']), svc('req', { ips: '10.0.10.20' }), svc('next'));
    expect(ips(e3, 'next')).toEqual(['10.0.10.0']);
  });
  it('reuses a freed address first', () => {
    const e = engine();
    up(e, pool('p', ['10.0.10.0/24']));
    for (const n of ['s0', 's1', 's2', 's3', 's4']) up(e, svc(n));
    del(e, svc('s2'));
    up(e, svc('new'));
    expect(ips(e, 'new')).toEqual(['10.0.10.2']);
  });
  it('walks pools in event order, never by name', () => {
    const e = engine();
    up(e, pool('zzz', ['10.0.1.0/24']), pool('aaa', ['10.0.2.0/24']), svc('a'));
    expect(ips(e, 'a')).toEqual(['10.0.1.0']);
  });
  it('allowFirstLastIPs "No" reserves cidr edges, counted as used, never for /31, /32 or start/stop', () => {
    const e = engine();
    up(e, pool('p', ['10.0.10.0/24'], { allowFirstLastIPs: 'No' }), svc('a'));
    expect(ips(e, 'a')).toEqual(['10.0.10.1']);
    expect(counts(e, 'p')).toMatchObject({ total: '256', available: '253', used: '3' });
    const e2 = engine();
    up(
      e2,
      pool('p', ['10.0.0.0/31', '10.0.1.0/32', { start: '10.0.2.0', stop: '10.0.2.9' }], {
        allowFirstLastIPs: 'No',
      }),
    );
    expect(counts(e2, 'p')).toMatchObject({ total: '13', available: '13', used: '0' });
    const e3 = engine();
    up(e3, pool('p', ['10.0.0.0/24'], { allowFirstLastIPs: 'Yes' }), svc('a', { ips: '10.0.0.0' }));
    expect(cond(e3, 'a')?.reason).toBe('satisfied');
  });
  it('requesting a reserved address without a sharing key is already_allocated', () => {
    const e = engine();
    up(e, pool('p', ['10.0.0.0/24'], { allowFirstLastIPs: 'No' }), svc('a', { ips: '10.0.0.255' }));
    expect(cond(e, 'a')).toMatchObject({ status: 'False', reason: 'already_allocated' });
  });
});

describe('pool status (A.3)', () => {
  it('writes PoolConflict, IPsTotal, IPsAvailable, IPsUsed in order with huge counts', () => {
    const e = engine();
    up(e, pool('blue', ['10.0.10.0/24', '2004::/112', { start: '20.0.20.100', stop: '20.0.20.200' }]));
    const c = e.poolStatus('blue')!.conditions!;
    expect(c.map((x) => x.type)).toEqual([
      'cilium.io/PoolConflict',
      'cilium.io/IPsTotal',
      'cilium.io/IPsAvailable',
      'cilium.io/IPsUsed',
    ]);
    expect(c[0]).toMatchObject({ status: 'False', reason: 'resolved', message: '' });
    expect(counts(e, 'blue').available).toBe('65893');
    up(e, pool('all6', ['::/0']), pool('all4', ['0.0.0.0/0']));
    expect(counts(e, 'all6')).toMatchObject({
      conflict: 'True',
      total: '340282366920938463463374607431768211456',
    });
    expect(counts(e, 'all4')).toMatchObject({ conflict: 'True', total: '4294967296' });
    const e2 = engine();
    up(e2, pool('big', ['2001:db8::/48']));
    expect(counts(e2, 'big').total).toBe('1208925819614629174706176');
  });
});

describe('Service conditions (B.4)', () => {
  it("reports each failure reason with Cilium's message", () => {
    const e = engine();
    up(e, pool('p', ['10.0.0.0/30'], { selector: { matchLabels: { team: 'a' } } }));
    up(e, svc('nopool', { ips: '192.168.1.1', labels: { team: 'a' } }));
    expect(cond(e, 'nopool')).toMatchObject({
      reason: 'no_pool',
      message: "No pool exists with a CIDR containing '192.168.1.1'",
    });
    up(e, svc('mismatch', { ips: '10.0.0.1' }));
    expect(cond(e, 'mismatch')).toMatchObject({
      reason: 'pool_selector_mismatch',
      message: "The pool with the CIDR containing '10.0.0.1', doesn't select this service",
    });
    up(e, svc('generic'));
    expect(cond(e, 'generic')).toMatchObject({
      reason: 'no_pool',
      message: 'There are no enabled CiliumLoadBalancerIPPools that match this service',
    });
    for (const n of ['a1', 'a2', 'a3', 'a4', 'a5']) up(e, svc(n, { labels: { team: 'a' } }));
    expect(cond(e, 'a5')).toMatchObject({
      reason: 'out_of_ips',
      message: 'All enabled CiliumLoadBalancerIPPools that match this service ran out of allocatable IPs',
    });
    up(e, svc('taken', { ips: '10.0.0.0', labels: { team: 'a' } }));
    expect(cond(e, 'taken')).toMatchObject({
      reason: 'already_allocated',
      message: "The IP '10.0.0.0' is already allocated to another service",
    });
  });
  it('a satisfied Service has exactly one condition, True/satisfied', () => {
    const e = engine();
    up(e, pool('p', ['10.0.0.0/24']), svc('a'));
    expect(e.serviceStatus('default', 'a')).toEqual({
      loadBalancer: { ingress: [{ ip: '10.0.0.0' }] },
      conditions: [
        {
          type: 'cilium.io/IPAMRequestSatisfied',
          status: 'True',
          observedGeneration: 1,
          lastTransitionTime: '2026-01-01T00:00:00Z',
          reason: 'satisfied',
          message: '',
        },
      ],
    });
  });
  it('writes nothing for unhandled classes and nothing while dormant (E.9, E.16)', () => {
    const e = engine({ bgpControlPlane: false });
    up(e, svc('early'));
    expect(e.serviceStatus('default', 'early')).toBeUndefined();
    up(
      e,
      pool('p', ['10.0.0.0/24']),
      svc('bgp', { cls: 'io.cilium/bgp-control-plane' }),
      svc('other', { cls: 'net.example/x' }),
    );
    expect(ips(e, 'early')).toEqual(['10.0.0.0']);
    expect(e.serviceStatus('default', 'bgp')).toBeUndefined();
    expect(e.serviceStatus('default', 'other')).toBeUndefined();
    const none = engine({ defaultLBServiceIPAM: 'nodeipam' });
    up(none, pool('p', ['10.0.0.0/24']), svc('a'));
    expect(none.serviceStatus('default', 'a')).toBeUndefined();
  });
  it('deleting the last pool strips IPs with no_pool, then goes dormant', () => {
    const e = engine();
    up(e, pool('p', ['10.0.0.0/24']), svc('a'));
    del(e, pool('p', ['10.0.0.0/24']));
    expect(ips(e, 'a')).toEqual([]);
    expect(cond(e, 'a')?.reason).toBe('no_pool');
    up(e, svc('b'));
    expect(e.serviceStatus('default', 'b')).toBeUndefined();
    up(e, pool('q', ['10.1.0.0/24']));
    expect(ips(e, 'a')).toEqual(['10.1.0.0']);
    expect(ips(e, 'b')).toEqual(['10.1.0.1']);
  });
  it('leaving LB-IPAM (type change) clears ingress and removes the condition (E.10)', () => {
    const e = engine();
    up(e, pool('p', ['10.0.0.0/24']), svc('a'), svc('a', { type: 'NodePort' }));
    expect(e.serviceStatus('default', 'a')).toEqual({ loadBalancer: {} });
    up(e, svc('b'));
    expect(ips(e, 'b')).toEqual(['10.0.0.0']);
  });
});

describe('families (B.3, E.12)', () => {
  it('dual stack gets one of each; partial keeps the IPv4 and shows the IPv6 failure', () => {
    const e = engine();
    up(e, pool('p', ['10.0.0.0/24', 'ff::/112']), svc('d', { policy: 'RequireDualStack' }));
    expect(ips(e, 'd')).toEqual(['10.0.0.0', 'ff::']);
    const e2 = engine();
    up(e2, pool('p', ['10.0.0.0/24']), svc('d', { policy: 'PreferDualStack' }));
    expect(ips(e2, 'd')).toEqual(['10.0.0.0']);
    expect(cond(e2, 'd')).toMatchObject({ status: 'False', reason: 'no_pool' });
  });
  it('a Service requesting no enabled family is satisfied with no address and no condition', () => {
    const e = engine({ ipv4: false });
    up(e, pool('p', ['10.0.0.0/24']), svc('d', { policy: 'PreferDualStack', families: ['IPv4'] }));
    expect(e.serviceStatus('default', 'd')).toEqual({ loadBalancer: {} });
    expect(e.diagnose('default', 'd').state).toBe('satisfied');
  });
});

describe('sharing (C.7, E.11)', () => {
  const base = { key: 'k', ports: [{ port: 80 }] };
  it('shares when compatible, TCP/80 and UDP/80 included', () => {
    const e = engine();
    up(
      e,
      pool('p', ['10.0.0.0/24']),
      svc('a', base),
      svc('b', { key: 'k', ports: [{ port: 80, protocol: 'UDP' }] }),
    );
    expect(ips(e, 'b')).toEqual(ips(e, 'a'));
    expect(counts(e, 'p').used).toBe('1');
  });
  it('sharing clusters: A:80 B:81 C:80 D:81 use two addresses', () => {
    const e = engine();
    up(e, pool('p', ['10.0.0.0/24']));
    up(
      e,
      svc('a', base),
      svc('b', { key: 'k', ports: [{ port: 81 }] }),
      svc('c', base),
      svc('d', { key: 'k', ports: [{ port: 81 }] }),
    );
    expect(ips(e, 'b')).toEqual(ips(e, 'a'));
    expect(ips(e, 'd')).toEqual(ips(e, 'c'));
    expect(counts(e, 'p').used).toBe('2');
  });
  it('reports the first incompatibility reason for a requested address', () => {
    const cases: [object, string][] = [
      [{ key: 'other' }, 'different sharing key'],
      [{ key: 'k', ns: 'x' }, 'different and not permitted namespace'],
      [{ key: 'k', ports: [{ port: 80 }] }, 'same port and protocol'],
      [{ key: 'k', etp: 'Local', selector: { app: 'a' } }, 'different ExternalTrafficPolicy'],
    ];
    for (const [opts, reason] of cases) {
      const e = engine();
      up(
        e,
        pool('p', ['10.0.0.0/24']),
        svc('a', { ...base, ips: '10.0.0.5' }),
        svc('b', { ...opts, ips: '10.0.0.5' }),
      );
      const ns = (opts as { ns?: string }).ns ?? 'default';
      expect(cond(e, 'b', ns)?.message).toBe(
        `The IP '10.0.0.5' is already allocated to an incompatible service. Reason: ${reason}`,
      );
    }
  });
  it('Local policy needs identical non-empty selectors', () => {
    const e = engine();
    const l = { key: 'k', etp: 'Local', ips: '10.0.0.5' };
    up(
      e,
      pool('p', ['10.0.0.0/24']),
      svc('a', { ...l, selector: { app: 'x' } }),
      svc('b', { ...l, selector: { app: 'y' } }),
      svc('c', { ...l, selector: { app: 'x' } }),
    );
    expect(cond(e, 'b')?.message).toMatch(/selecting different set of pods$/);
    expect(ips(e, 'c')).toEqual(['10.0.0.5']);
  });
  it('cross-namespace needs permission on both sides', () => {
    const e = engine();
    up(
      e,
      pool('p', ['10.0.0.0/24']),
      svc('a', { ...base, ips: '10.0.0.5', cross: 'b' }),
      svc('b', { key: 'k', ns: 'b', ips: '10.0.0.5', cross: 'default' }),
    );
    expect(ips(e, 'b', 'b')).toEqual(['10.0.0.5']);
  });
  it('an address is freed only when its last holder leaves', () => {
    const e = engine();
    up(e, pool('p', ['10.0.0.0/24']), svc('a', base), svc('b', { key: 'k', ports: [{ port: 81 }] }));
    del(e, svc('a'));
    expect(counts(e, 'p').used).toBe('1');
    del(e, svc('b'));
    expect(counts(e, 'p').used).toBe('0');
  });
});

describe('conflicts (C.9, E.4)', () => {
  it('marks the newer pool entirely, keeps existing IPs, un-marks when the overlap goes', () => {
    const e = engine();
    up(e, pool('a', ['10.0.10.0/24'], { created: '2026-01-01T00:00:00Z' }));
    up(e, pool('b', ['10.0.10.64/28', 'FF::0/48'], { created: '2026-01-01T00:00:05Z' }));
    const b = e.poolStatus('b')!.conditions!.find((c) => c.type === 'cilium.io/PoolConflict');
    expect(b).toMatchObject({
      status: 'True',
      reason: 'cidr_overlap',
      message:
        "Pool conflicts since range '10.0.10.64 - 10.0.10.79' overlaps range '10.0.10.0 - 10.0.10.255' from IP Pool 'a'",
    });
    up(e, svc('v6', { families: ['IPv6'] }));
    expect(cond(e, 'v6')?.reason).toBe('no_pool');
    del(e, pool('a', ['10.0.10.0/24']));
    expect(counts(e, 'b').conflict).toBe('False');
    expect(ips(e, 'v6')).toEqual(['ff::']);
  });
  it('marks the newer pool even when it was created first in event order', () => {
    const e = engine();
    up(
      e,
      pool('young', ['10.0.0.0/24'], { created: '2026-01-02T00:00:00Z' }),
      pool('old', ['10.0.0.0/25'], { created: '2026-01-01T00:00:00Z' }),
    );
    expect(counts(e, 'young').conflict).toBe('True');
    expect(counts(e, 'old').conflict).toBe('False');
  });
  it('flags internal overlap with the pool itself as the other pool', () => {
    const e = engine();
    up(e, pool('p', ['10.0.0.0/24', '10.0.0.128/25']));
    expect(e.poolStatus('p')!.conditions![0].message).toBe(
      "Pool conflicts since range '10.0.0.0 - 10.0.0.255' overlaps range '10.0.0.128 - 10.0.0.255' from IP Pool 'p'",
    );
  });
});

describe('pool lifecycle (C.8)', () => {
  it('disabled keeps allocations, allocates nothing new, re-enable satisfies pending', () => {
    const e = engine();
    up(
      e,
      pool('p', ['10.0.0.0/24']),
      svc('a'),
      pool('p', ['10.0.0.0/24'], { disabled: true, generation: 2 }),
      svc('b'),
    );
    expect(ips(e, 'a')).toEqual(['10.0.0.0']);
    expect(cond(e, 'b')?.reason).toBe('no_pool');
    up(e, pool('p', ['10.0.0.0/24'], { disabled: false, generation: 3 }));
    expect(ips(e, 'b')).toEqual(['10.0.0.1']);
  });
  it('a removed block revokes its IPs and re-allocates from others', () => {
    const e = engine();
    up(e, pool('p', ['10.0.0.0/24', '10.0.1.0/24']), svc('a', { ips: '10.0.0.7' }), svc('b'));
    up(e, pool('p', ['10.0.1.0/24'], { generation: 2 }));
    expect(ips(e, 'b')).toEqual(['10.0.1.0']);
    expect(cond(e, 'a')).toMatchObject({
      reason: 'no_pool',
      message: "No pool exists with a CIDR containing '10.0.0.7'",
    });
    up(e, pool('p', ['10.0.1.0/24', '10.0.0.0/28'], { generation: 3 }));
    expect(ips(e, 'a')).toEqual(['10.0.0.7']);
  });
  it('widening a block keeps holders on their addresses', () => {
    const e = engine();
    up(e, pool('p', ['10.0.0.0/24']), svc('a', { ips: '10.0.0.9' }), svc('b'), svc('c'));
    up(e, pool('p', ['10.0.0.0/23'], { generation: 2 }));
    expect(e.takeChanges()).toContain('pool/p');
    // .9 split the /24 into .0–.8 and .10–.255: the smaller block serves b and c.
    expect([ips(e, 'a'), ips(e, 'b'), ips(e, 'c')]).toEqual([['10.0.0.9'], ['10.0.0.0'], ['10.0.0.1']]);
    expect(counts(e, 'p')).toMatchObject({ total: '512', used: '3' });
  });
  it('a selector change releases Services no longer selected', () => {
    const e = engine();
    up(e, pool('p', ['10.0.0.0/24']), svc('a', { labels: { t: 'x' } }));
    up(e, pool('p', ['10.0.0.0/24'], { selector: { matchLabels: { t: 'y' } }, generation: 2 }));
    expect(ips(e, 'a')).toEqual([]);
    expect(cond(e, 'a')?.reason).toBe('no_pool');
  });
  it('contested requested IP: first come wins, the loser gets it when it frees (E.8)', () => {
    const e = engine();
    up(e, pool('p', ['10.0.0.0/24']), svc('first', { ips: '10.0.0.5' }), svc('second', { ips: '10.0.0.5' }));
    expect(cond(e, 'second')?.reason).toBe('already_allocated');
    del(e, svc('first'));
    expect(ips(e, 'second')).toEqual(['10.0.0.5']);
  });
  it('removing one requested IP frees exactly that IP', () => {
    const e = engine();
    up(
      e,
      pool('p', ['10.0.0.0/24']),
      svc('a', { ips: '10.0.0.1,10.0.0.2' }),
      svc('a', { ips: '10.0.0.2', generation: 2 }),
    );
    expect(ips(e, 'a')).toEqual(['10.0.0.2']);
    expect(counts(e, 'p').used).toBe('1');
  });
});

describe('restart (C.1, E.13)', () => {
  it('imports existing ingress from enabled blocks before allocating anything', () => {
    const e = engine();
    const held = svc('held');
    held.status = { loadBalancer: { ingress: [{ ip: '10.0.0.3' }] } };
    e.start([pool('p', ['10.0.0.0/30'])], [svc('new'), held]);
    expect(ips(e, 'held')).toEqual(['10.0.0.3']);
    expect(ips(e, 'new')).toEqual(['10.0.0.0']);
  });
  it('strips IPs held from a disabled pool and re-allocates them', () => {
    const e = engine();
    const held = svc('held');
    held.status = { loadBalancer: { ingress: [{ ip: '10.0.0.3' }] } };
    e.start([pool('off', ['10.0.0.0/24'], { disabled: true }), pool('on', ['10.1.0.0/24'])], [held]);
    expect(ips(e, 'held')).toEqual(['10.1.0.0']);
  });
});

describe('controller contract', () => {
  it('status-only updates are no-ops and lastTransitionTime moves only on a status flip', () => {
    let t = new Date('2026-01-01T00:00:00Z');
    const e = new (engine().constructor as typeof import('./engine').LbIpamEngine)({}, () => t);
    up(e, pool('p', ['10.0.0.0/32']), svc('a'), svc('b'));
    e.takeChanges();
    t = new Date('2026-01-02T00:00:00Z');
    const withStatus = { ...svc('a'), status: e.serviceStatus('default', 'a') };
    up(e, withStatus);
    expect(e.takeChanges()).toEqual([]);
    del(e, svc('a'));
    expect(cond(e, 'b')).toMatchObject({ status: 'True', lastTransitionTime: '2026-01-02T00:00:00Z' });
    // b inherits a's address: pool counts stay the same, so only b changed.
    expect(e.takeChanges()).toEqual(['service/default/b']);
  });
  it('what-if does not change the engine', () => {
    const e = engine();
    up(e, pool('p', ['10.0.0.0/24']), svc('a'));
    const before = JSON.stringify([e.serviceStatus('default', 'a'), e.poolStatus('p')]);
    const out = e.whatIf([
      { op: 'upsert', object: svc('b') },
      { op: 'delete', object: svc('a') },
    ]);
    expect(out.services.find((s) => s.name === 'b')?.after?.loadBalancer?.ingress).toEqual([
      { ip: '10.0.0.1' },
    ]);
    expect(out.changed).toEqual(['service/default/a', 'service/default/b']);
    expect(out.services.find((s) => s.name === 'a')?.after).toBeUndefined();
    expect(JSON.stringify([e.serviceStatus('default', 'a'), e.poolStatus('p')])).toBe(before);
    expect(e.serviceStatus('default', 'b')).toBeUndefined();
  });
});

describe('diagnose', () => {
  it('names the holder and the free runs', () => {
    const e = engine();
    up(e, pool('pool', [{ start: '192.168.0.220', stop: '192.168.0.239' }]));
    for (const a of [220, 221, 222, 226, 227, 228, 229, 230, 231, 238, 239])
      up(e, svc(`s${a}`, { ns: 'networking', ips: `192.168.0.${a}` }));
    up(e, svc('want', { ips: '192.168.0.238' }));
    const d = e.diagnose('default', 'want');
    expect(d.state).toBe('pending');
    expect(d.cause).toContain('192.168.0.238 is held by networking/s238');
    expect(d.fix).toContain("free in pool 'pool': 192.168.0.223–225, 192.168.0.232–237");
  });
  it('explains unhandled and dormant Services', () => {
    const e = engine();
    up(e, svc('a'), svc('np', { type: 'NodePort' }));
    expect(e.diagnose('default', 'a').state).toBe('dormant');
    expect(e.diagnose('default', 'np')).toMatchObject({ state: 'not-handled' });
    expect(e.diagnose('default', 'nope').state).toBe('unknown');
  });
});
