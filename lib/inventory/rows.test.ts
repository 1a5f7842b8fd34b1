import { describe, expect, it } from 'vitest';
import { rowStatus } from './view/rows';
import { alertById, build, freeRangesOf, holding, pool, rowsOf, svc } from './testing/fixtures';

const statuses = (inv: ReturnType<typeof build>) =>
  Object.fromEntries(rowsOf(inv).map((r) => [r.ip, r.status]));

describe('rowStatus', () => {
  it.each([
    [true, false, false, true, 'allocated'],
    [true, true, false, true, 'contested'],
    [true, false, true, true, 'allocated'], // held beats reserved
    [false, false, true, true, 'reserved'],
    [false, true, false, true, 'available'], // waited for, but free
    [false, false, false, false, 'unallocatable'],
  ] as const)('held=%s waited=%s reserved=%s allocates=%s → %s', (h, w, r, a, expected) => {
    expect(rowStatus(h, w, r, a)).toBe(expected);
  });
});

describe('allocation rows', () => {
  it('lists every address of a small block, with the holder from status.loadBalancer.ingress', () => {
    const inv = build({
      pools: [pool('p', [{ start: '10.0.0.1', stop: '10.0.0.3' }])],
      services: [holding('a', 'web', '10.0.0.2')],
    });
    expect(rowsOf(inv).map((r) => [r.key, r.status, r.service])).toEqual([
      ['p/10.0.0.1', 'available', null],
      ['p/10.0.0.2', 'allocated', 'web'],
      ['p/10.0.0.3', 'available', null],
    ]);
    expect(rowsOf(inv)[1].holders).toEqual([{ kind: 'Service', namespace: 'a', name: 'web' }]);
  });

  it('reserves first and last of a cidr block with allowFirstLastIPs "No", never of start/stop blocks or /31', () => {
    const inv = build({
      pools: [
        pool('a', [{ cidr: '10.0.0.0/30' }], { allowFirstLastIPs: 'No' }),
        pool('b', [{ start: '10.0.1.0', stop: '10.0.1.3' }], { allowFirstLastIPs: 'No' }),
        pool('c', [{ cidr: '10.0.2.0/31' }], { allowFirstLastIPs: 'No' }),
      ],
    });
    expect(
      rowsOf(inv)
        .filter((r) => r.status === 'reserved')
        .map((r) => r.key),
    ).toEqual(['a/10.0.0.0', 'a/10.0.0.3']);
    expect(inv.pools[0]).toMatchObject({ total: '4', used: '2', available: '2' });
  });

  it('marks free addresses of disabled and conflicting pools unallocatable, keeping what is held', () => {
    const inv = build({
      pools: [
        pool('off', [{ start: '10.0.0.1', stop: '10.0.0.2' }], { disabled: true }),
        pool('clash', [{ start: '10.0.1.1', stop: '10.0.1.1' }], {}, [
          { type: 'cilium.io/PoolConflict', status: 'True', reason: 'cidr_overlap', message: 'x' },
        ]),
      ],
      services: [holding('a', 'kept', '10.0.0.1')],
    });
    expect(statuses(inv)).toEqual({
      '10.0.0.1': 'allocated',
      '10.0.0.2': 'unallocatable',
      '10.0.1.1': 'unallocatable',
    });
  });

  it('marks an address contested when a pending Service asked for it, and lists who waits', () => {
    const inv = build({
      pools: [pool('p', [{ start: '10.0.0.1', stop: '10.0.0.2' }])],
      services: [
        holding('a', 'first', '10.0.0.1', { request: '10.0.0.1' }),
        svc('a', 'second', {
          request: '10.0.0.1',
          cond: ['already_allocated', "The IP '10.0.0.1' is already allocated to another service"],
        }),
      ],
    });
    expect(rowsOf(inv)[0]).toMatchObject({
      status: 'contested',
      service: 'first',
      waiting: [{ kind: 'Service', namespace: 'a', name: 'second' }],
    });
  });

  it('sorts by pool, then numerically by address (not as strings)', () => {
    const inv = build({
      pools: [
        pool('b', [{ start: '10.0.0.9', stop: '10.0.0.10' }]),
        pool('a', [
          { start: '10.0.0.100', stop: '10.0.0.100' },
          { start: '10.0.0.2', stop: '10.0.0.2' },
        ]),
      ],
    });
    expect(rowsOf(inv).map((r) => r.key)).toEqual([
      'a/10.0.0.2',
      'a/10.0.0.100',
      'b/10.0.0.9',
      'b/10.0.0.10',
    ]);
  });

  it('joins the columns of Services sharing an address', () => {
    const inv = build({
      pools: [pool('p', [{ start: '10.0.0.1', stop: '10.0.0.1' }])],
      services: [
        holding('dns', 'pihole-udp', '10.0.0.1', {
          annotations: { 'dashboard.lbipam.io/display-name': 'Pi-hole' },
        }),
        holding('dns', 'unbound', '10.0.0.1'),
      ],
    });
    expect(rowsOf(inv)[0]).toMatchObject({
      service: 'Pi-hole, unbound',
      namespace: 'dns',
      holders: [{ name: 'pihole-udp' }, { name: 'unbound' }],
    });
  });

  it('summarises a large block: rows for held addresses, free ranges between (a /64 is never walked)', () => {
    const inv = build({
      pools: [pool('v6', [{ cidr: '2001:db8::/64' }], { allowFirstLastIPs: 'No' })],
      services: [holding('a', 'web', '2001:db8::10')],
    });
    expect(rowsOf(inv).map((r) => [r.ip, r.status])).toEqual([
      ['2001:db8::', 'reserved'],
      ['2001:db8::10', 'allocated'],
      ['2001:db8::ffff:ffff:ffff:ffff', 'reserved'],
    ]);
    expect(freeRangesOf(inv).map((f) => [f.from, f.to, f.count])).toEqual([
      ['2001:db8::1', '2001:db8::f', '15'],
      ['2001:db8::11', '2001:db8::ffff:ffff:ffff:fffe', '18446744073709551598'],
    ]);
    expect(inv.pools[0]).toMatchObject({ summarised: true, total: '18446744073709551616', used: '3' });
  });

  it('reads the pre-1.16 spec.cidrs when a pool has no blocks', () => {
    const inv = build({ pools: [{ metadata: { name: 'old' }, spec: { cidrs: [{ cidr: '10.9.0.0/30' }] } }] });
    expect(rowsOf(inv)).toHaveLength(4);
    expect(inv.pools[0].blocks).toEqual([
      {
        from: '10.9.0.0',
        to: '10.9.0.3',
        label: '10.9.0.0 – 10.9.0.3',
        size: '4',
        reserved: [],
        summarised: false,
      },
    ]);
  });

  it('keeps addresses held outside every pool as rows of pool "" with an alert', () => {
    const inv = build({
      pools: [pool('p', [{ start: '10.0.0.1', stop: '10.0.0.2' }])],
      services: [holding('a', 'stray', '10.0.5.5')],
    });
    expect(rowsOf(inv)[0]).toMatchObject({
      key: '/10.0.5.5',
      pool: '',
      status: 'allocated',
      service: 'stray',
    });
    const alert = alertById(inv, 'orphan-ip:10.0.5.5');
    expect(alert?.title).toBe('10.0.5.5 is held outside every pool');
    expect(alert?.fix).toContain("free in pool 'p': 10.0.0.1–2");
  });

  it("counts a pool from what its Services hold, with Cilium's own counts beside when all three are present", () => {
    const counted = build({
      pools: [pool('p', [{ cidr: '10.0.0.0/29' }])],
      services: [holding('a', 'x', '10.0.0.1')],
    });
    expect(counted.pools[0]).toMatchObject({ total: '8', used: '1', available: '7', reported: null });
    const reported = build({
      pools: [
        pool('p', [{ cidr: '10.0.0.0/29' }], {}, [
          { type: 'cilium.io/IPsTotal', status: 'Unknown', reason: 'noreason', message: '8' },
          { type: 'io.cilium/ips-available', status: 'Unknown', reason: 'noreason', message: '5' },
          { type: 'cilium.io/IPsUsed', status: 'Unknown', reason: 'noreason', message: '3' },
        ]),
      ],
    });
    expect(reported.pools[0]).toMatchObject({
      total: '8',
      used: '0',
      available: '8',
      reported: { total: '8', used: '3', available: '5' },
    });
  });

  it('reports a block Cilium cannot parse instead of failing', () => {
    const inv = build({
      pools: [pool('bad', [{ start: '10.0.0.9', stop: '10.0.0.1' }, { cidr: '10.1.0.0/31' }])],
    });
    expect(rowsOf(inv)).toHaveLength(2);
    expect(alertById(inv, 'pool-invalid-block:bad:0')?.detail).toContain(
      "'start' must be less then or equal to 'stop'",
    );
  });
});
