import { describe, expect, it } from 'vitest';
import { buildInventory } from '../build';
import { build, holding, pool, rowsOf, svc } from '../testing/fixtures';
import type { ServiceView } from '../types';
import { countBySeverity, filterGroups, sortBySeverity, subjectHref } from './alerts';
import { compareNatural, formatCount, isNearlyFull, refText } from './format';
import { createRowsMemo, poolSlices, rowsOfIp, selectRows } from './pool-slices';
import { expandRows } from './rows';

describe('count formatting', () => {
  it('writes counts out up to a trillion, IPv6 powers of two as 2^n, others in words; exact on hover', () => {
    expect(formatCount('65536')).toEqual({ short: '65,536', exact: '65,536' });
    expect(formatCount((2n ** 64n).toString())).toEqual({
      short: '2^64',
      exact: '18,446,744,073,709,551,616',
    });
    expect(formatCount((2n ** 64n - 18n).toString()).short).toBe('18.4 quintillion');
    expect(formatCount('3000000000000').short).toBe('3 trillion');
    expect(formatCount(2n ** 80n).short).toBe('2^80');
    expect(formatCount('not a number')).toEqual({ short: 'not a number', exact: 'not a number' });
  });

  it('orders names naturally and names objects once', () => {
    expect(['pool-10', 'pool-2', 'pool-1'].sort(compareNatural)).toEqual(['pool-1', 'pool-2', 'pool-10']);
    expect(refText({ namespace: 'media', name: 'plex' })).toBe('media/plex');
    expect(refText({ name: 'pool' })).toBe('pool');
    expect(isNearlyFull({ used: '9', total: '10' })).toBe(true);
    expect(isNearlyFull({ used: '8', total: '10' })).toBe(false);
  });

  it('lists pools in natural order in the inventory', () => {
    const inv = build({
      pools: ['pool-10', 'pool-2', 'pool-1'].map((n, i) => pool(n, [{ cidr: `10.${i}.0.0/30` }])),
    });
    expect(inv.pools.map((p) => p.name)).toEqual(['pool-1', 'pool-2', 'pool-10']);
  });
});

describe('rows memoised per pool', () => {
  const state = {
    pools: [pool('a', [{ cidr: '10.0.0.0/29' }]), pool('b', [{ cidr: '10.1.0.0/29' }])],
    services: [
      holding('ns', 'x', '10.0.0.1'),
      holding('ns', 'y', '10.1.0.1'),
      holding('ns', 'stray', '10.9.9.9'),
    ],
  };
  const inv = build(state);

  it('expands the same rows as the full expansion', () => {
    const memo = createRowsMemo();
    const out = memo(inv.pools, inv.services);
    const flat = [...out.orphans, ...[...out.pools.values()].flatMap((r) => r.rows)];
    expect(flat).toEqual(rowsOf(inv));
    expect(expandRows(inv.pools, inv.services).rows).toEqual(flat);
  });

  it('keeps the rows of pools whose Services did not change (same arrays)', () => {
    const memo = createRowsMemo();
    const first = memo(inv.pools, inv.services);
    const moved: ServiceView = { ...inv.services.find((s) => s.name === 'y')!, ips: ['10.1.0.2'] };
    const services = inv.services.map((s) => (s.name === 'y' ? moved : s));
    const second = memo(inv.pools, services);
    expect(second.pools.get('a')).toBe(first.pools.get('a'));
    expect(second.orphans).toBe(first.orphans);
    expect(second.pools.get('b')).not.toBe(first.pools.get('b'));
    expect(second.pools.get('b')?.rows.find((r) => r.ip === '10.1.0.2')?.status).toBe('allocated');
  });

  it("selects one pool's rows, or all with orphans first, and finds an address in every pool", () => {
    const rows = createRowsMemo()(inv.pools, inv.services);
    expect(selectRows(rows, 'a').rows.map((r) => r.key)).toEqual(
      rowsOf(inv)
        .filter((r) => r.pool === 'a')
        .map((r) => r.key),
    );
    expect(selectRows(rows, null).rows.map((r) => r.key)).toEqual(rowsOf(inv).map((r) => r.key));
    expect(selectRows(rows, null).rows[0].pool).toBe('');
    expect(rowsOfIp(rows, '10.1.0.1').map((r) => [r.pool, r.service])).toEqual([['b', 'y']]);
    expect(rowsOfIp(rows, '10.9.9.9').map((r) => r.pool)).toEqual(['']);
    expect(rowsOfIp(rows, '10.0.0.7').map((r) => r.status)).toEqual(['available']);
  });

  it('assigns each Service to the pools its addresses fall in, and strays outside', () => {
    const slices = poolSlices(inv.pools, inv.services);
    expect(slices.byPool.get('a')?.map((s) => s.name)).toEqual(['x']);
    expect(slices.byPool.get('b')?.map((s) => s.name)).toEqual(['y']);
    expect(slices.outside.map((s) => s.name)).toEqual(['stray']);
  });

  it('finds every pool of an address in overlapping blocks', () => {
    const overlapping = buildInventory(
      {
        pools: [
          pool('wide', [{ cidr: '10.0.0.0/24' }]),
          pool('narrow', [{ start: '10.0.0.5', stop: '10.0.0.9' }]),
          pool('far', [{ cidr: '10.0.1.0/30' }]),
        ],
        services: [svc('ns', 'x', { ips: ['10.0.0.6'] })],
        l2Policies: [],
        gateways: [],
        leases: [],
        nodes: [],
        events: [],
        endpointSlices: [],
        httpRoutes: [],
        ciliumOperator: [],
      },
      null,
      {
        cluster: { name: 't', origin: 'embedded', server: 'x', readOnly: true },
        sources: [],
        version: 1,
        now: 0,
      },
    );
    const slices = poolSlices(overlapping.pools, overlapping.services);
    expect(slices.byPool.get('wide')?.length).toBe(1);
    expect(slices.byPool.get('narrow')?.length).toBe(1);
    expect(slices.byPool.get('far')?.length).toBe(0);
  });
});

describe('alert groups as screens list them', () => {
  const g = (id: string, severity: 'error' | 'warning' | 'info', count = 1, name = id) => ({
    id,
    rule: 'r',
    cause: id,
    severity,
    title: id,
    detail: '',
    fix: null,
    count,
    subjects: [{ kind: 'Service' as const, namespace: 'ns', name }],
    revision: '1',
  });
  it('sorts by severity keeping order, counts every member, filters by severity and subject', () => {
    const groups = [g('w1', 'warning', 9900), g('e1', 'error'), g('i1', 'info'), g('w2', 'warning')];
    expect(sortBySeverity(groups).map((x) => x.id)).toEqual(['e1', 'w1', 'w2', 'i1']);
    expect(countBySeverity(groups)).toEqual({ error: 1, warning: 9901, info: 1, groups: 4 });
    expect(filterGroups(groups, { severity: 'warning' }).map((x) => x.id)).toEqual(['w1', 'w2']);
    expect(filterGroups(groups, { subject: 'ns/e1' }).map((x) => x.id)).toEqual(['e1']);
  });
});

describe('alert subject links', () => {
  it('points each kind of subject at the screen that shows it', () => {
    expect(subjectHref({ kind: 'CiliumLoadBalancerIPPool', name: 'pool-2' })).toBe('/pools/pool-2');
    expect(subjectHref({ kind: 'Node', name: 'pitower-4' })).toBe('/nodes#node-pitower-4');
    expect(subjectHref({ kind: 'CiliumLoadBalancerIPPool', name: 'a b' })).toBe('/pools/a%20b');
    expect(subjectHref({ kind: 'Service', namespace: 'lab', name: 'dns-tcp' })).toBe(
      '/addresses?q=lab%2Fdns-tcp',
    );
    expect(subjectHref({ kind: 'CiliumL2AnnouncementPolicy', name: 'policy' })).toBe('/nodes');
    // No screen shows Deployments, and an alert about "no policy at all" names no object.
    expect(subjectHref({ kind: 'Deployment', namespace: 'kube-system', name: 'cilium-operator' })).toBeNull();
    expect(subjectHref({ kind: 'CiliumLoadBalancerIPPool', name: '' })).toBeNull();
  });
});
