import { describe, expect, it } from 'vitest';
import type { ClusterState } from '../cilium/cluster-state';
import { buildInventory } from './build';
import { alertById, config, holding, pool, rowsOf, state } from './testing/fixtures';

describe('buildInventory on bad input', () => {
  it('leaves malformed objects out with an alert naming them, instead of crashing', () => {
    const bad = state({
      pools: [
        pool('p', [{ start: '10.0.0.1', stop: '10.0.0.2' }]),
        { metadata: { name: 'broken' } } as never,
      ],
      services: [
        holding('a', 'ok', '10.0.0.1'),
        {
          metadata: { name: 'weird', namespace: 'a' },
          spec: { type: 'LoadBalancer', ports: 'http' },
        } as never,
        {
          metadata: { name: 'num-ip', namespace: 'a' },
          spec: { type: 'LoadBalancer' },
          status: { loadBalancer: { ingress: [{ ip: 7 }] } },
        } as never,
        { metadata: {} } as never,
      ],
      leases: [{ metadata: { name: 'cilium-l2announce-a-ok' } } as never],
      nodes: [{ metadata: { name: 'n' }, status: { conditions: 'Ready' } } as never],
    });
    const inv = buildInventory(bad, null, config());
    expect(rowsOf(inv).map((r) => [r.ip, r.status])).toEqual([
      ['10.0.0.1', 'allocated'],
      ['10.0.0.2', 'available'],
    ]);
    expect(alertById(inv, 'unreadable:Service:a/weird')?.title).toBe('Service a/weird could not be read');
    expect(inv.services.map((s) => s.name)).toEqual(['num-ip', 'ok']);
  });

  it('keeps keys unique when the state repeats an object', () => {
    const s = state({
      pools: [pool('p', [{ cidr: '10.0.0.0/31' }]), pool('p', [{ cidr: '10.0.0.0/31' }])],
      services: [holding('a', 'x', '10.0.0.0'), holding('a', 'x', '10.0.0.0')],
    });
    const inv = buildInventory(s, null, config());
    expect(rowsOf(inv).map((r) => r.key)).toEqual(['p/10.0.0.0', 'p/10.0.0.1']);
    expect(inv.services).toHaveLength(1);
    expect(rowsOf(inv)[0].holders).toHaveLength(1);
  });

  it('accepts a state with missing lists', () => {
    const inv = buildInventory({ services: [] } as unknown as ClusterState, null, config());
    expect(inv).toMatchObject({
      pools: [],
      services: [],
      alerts: [],
      nodes: [],
      l2Policies: [],
      announcers: [],
      events: [],
    });
  });

  it('refuses a config without a usable clock value, naming the field', () => {
    expect(() => buildInventory(state(), null, config({ now: Number.NaN }))).toThrow(
      'buildInventory: config.now must be epoch milliseconds, got NaN',
    );
  });

  it('is pure: the same input builds the same inventory, stamped with the given time and version', () => {
    const s = state({
      pools: [pool('p', [{ cidr: '10.0.0.0/30' }])],
      services: [holding('a', 'x', '10.0.0.1')],
    });
    const a = buildInventory(s, null, config({ version: 7 }));
    expect(buildInventory(s, null, config({ version: 7 }))).toStrictEqual(a);
    expect(a).toMatchObject({ version: 7, generatedAt: '2026-01-10T12:00:00.000Z' });
  });
});
