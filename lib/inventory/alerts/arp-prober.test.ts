import { describe, expect, it } from 'vitest';
import { emptyClusterState } from '../../cilium/cluster-state';
import type { ArpEvidenceInput, ProberStatus } from '../arp/evidence';
import { buildInventory } from '../build';
import { config } from '../testing/fixtures';

const prober = (p: Partial<ProberStatus> & Pick<ProberStatus, 'name' | 'kind'>): ProberStatus => ({
  node: null,
  state: 'ok',
  message: null,
  lastSweep: null,
  ...p,
});

const evidence = (probers: ProberStatus[]): ArpEvidenceInput => ({
  simulated: false,
  probes: {},
  nodeMacs: {},
  probers,
});

describe('prober failures are alerts, in the prober’s own words', () => {
  it('one warning per failing prober or agent, none for those that work', () => {
    const inv = buildInventory(
      emptyClusterState(),
      evidence([
        prober({
          name: 'embedded',
          kind: 'embedded',
          state: 'error',
          message: 'ARP probing is off: the dashboard process lacks CAP_NET_RAW',
        }),
        prober({
          name: 'rack-2',
          kind: 'agent',
          state: 'error',
          message: 'agent rack-2 rejected the token: bad token',
        }),
        prober({ name: 'rack-1', kind: 'agent', state: 'ok', lastSweep: 1 }),
        prober({ name: 'rack-3', kind: 'agent', state: 'starting' }),
      ]),
      config(),
    );
    const alerts = inv.alerts.filter((a) => a.rule === 'arp-prober');
    expect(alerts.map((a) => [a.severity, a.title, a.detail])).toEqual([
      [
        'warning',
        'The ARP prober (embedded) cannot probe',
        'ARP probing is off: the dashboard process lacks CAP_NET_RAW',
      ],
      ['warning', 'ARP agent rack-2 cannot probe', 'agent rack-2 rejected the token: bad token'],
    ]);
    expect(inv.probers).toHaveLength(4);
  });

  it('no evidence, no prober alerts', () => {
    const inv = buildInventory(emptyClusterState(), null, config());
    expect(inv.alerts.filter((a) => a.rule === 'arp-prober')).toEqual([]);
  });
});
