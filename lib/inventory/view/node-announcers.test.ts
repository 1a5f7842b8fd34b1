import { describe, expect, it } from 'vitest';
import type { AnnouncerView, NodeView, ServiceView } from '../types';
import { announceBalance, eligibilityCell, eligibilityRows, matchesEligibility } from './node-announcers';

const node = (name: string, over: Partial<NodeView> = {}): NodeView => ({
  name,
  ready: true,
  notReadyReason: null,
  addresses: [],
  l2Policies: ['policy'],
  announcing: 0,
  ...over,
});
const announcer = (
  key: string,
  holder: string | null,
  state: AnnouncerView['state'] = 'held',
): AnnouncerView => {
  const [namespace, name] = key.split('/');
  return {
    key,
    service: { kind: 'Service', namespace, name },
    lease: { namespace: 'kube-system', name: `cilium-l2announce-${namespace}-${name}` },
    holder,
    state,
    acquireTime: null,
    durationSeconds: 15,
    transitions: 0,
    ips: ['10.0.0.1'],
  };
};
const service = (key: string, ips: string[], over: Partial<ServiceView> = {}): ServiceView => {
  const [namespace, name] = key.split('/');
  return {
    key,
    namespace,
    name,
    displayName: name,
    displayNamespace: namespace,
    type: null,
    notes: null,
    gateway: null,
    ips,
    requestedIps: [],
    satisfied: true,
    reason: 'satisfied',
    message: null,
    announcer: null,
    sharingKey: null,
    ports: [],
    ...over,
  };
};

describe('how evenly the nodes announce', () => {
  it('counts held and expired leases per node; the mean is over nodes that may announce', () => {
    const b = announceBalance(
      [node('n1'), node('n2'), node('n3', { ready: false }), node('n4', { l2Policies: [] })],
      [
        announcer('a/1', 'n1'),
        announcer('a/2', 'n1'),
        announcer('a/3', 'n1'),
        announcer('a/4', 'n2'),
        announcer('a/5', 'n3', 'expired'),
        announcer('a/6', null, 'unheld'),
        announcer('a/7', 'gone'),
      ],
    );
    expect(b.rows.map((r) => [r.node, r.known, r.held.length, r.expired.length])).toEqual([
      ['n1', true, 3, 0],
      ['n2', true, 1, 0],
      ['n3', true, 0, 1],
      ['n4', true, 0, 0],
      ['gone', false, 1, 0],
    ]);
    expect(b.mean).toBe(2);
    expect(b.over).toBe(2);
    expect(b.max).toBe(3);
  });

  it('with no node able to announce, the mean is over every node; with no node, zero', () => {
    const b = announceBalance(
      [node('n1', { ready: false }), node('n2', { ready: null })],
      [announcer('a/1', 'n1')],
    );
    expect(b.mean).toBe(0.5);
    expect(announceBalance([], [])).toMatchObject({ mean: 0, max: 0, over: 0, rows: [] });
  });
});

describe('per address: who may take the lease, who holds it', () => {
  const services = [
    service('b/web', ['10.0.0.2'], { l2Policies: ['policy'], eligibleNodes: ['n1', 'n2'] }),
    service('a/dns', ['10.0.0.1'], { eligibleNodes: ['n2'] }),
    service('c/local', ['10.0.0.3'], { l2Policies: ['policy'], eligibleNodes: [] }),
    service('d/plain', ['10.0.0.4'], { l2Policies: [] }),
    service('e/pending', [], { l2Policies: ['policy'] }),
    service('f/old', ['10.0.0.6']),
  ];
  const rows = eligibilityRows(services, [announcer('a/dns', 'n2'), announcer('f/old', 'n1', 'expired')]);

  it('lists leased or policy-selected Services with an address, in natural order', () => {
    expect(rows.map((r) => [r.key, r.holder, r.eligible])).toEqual([
      ['a/dns', 'n2', ['n2']],
      ['b/web', null, ['n1', 'n2']],
      ['c/local', null, []],
      ['f/old', 'n1', null],
    ]);
  });

  it('cells: the holder, eligible nodes, the rest, and not known when the data path does not say', () => {
    expect(eligibilityCell(rows[0], 'n2')).toBe('holds');
    expect(eligibilityCell(rows[0], 'n1')).toBe('not-eligible');
    expect(eligibilityCell(rows[1], 'n1')).toBe('eligible');
    expect(eligibilityCell(rows[3], 'n1')).toBe('holds-expired');
    expect(eligibilityCell(rows[3], 'n2')).toBe('unknown');
  });

  it('filters by Service, address or node', () => {
    expect(rows.filter((r) => matchesEligibility(r, 'web')).map((r) => r.key)).toEqual(['b/web']);
    expect(rows.filter((r) => matchesEligibility(r, '10.0.0.3')).map((r) => r.key)).toEqual(['c/local']);
    expect(rows.filter((r) => matchesEligibility(r, 'N1')).map((r) => r.key)).toEqual(['b/web', 'f/old']);
    expect(rows.filter((r) => matchesEligibility(r, '  ')).length).toBe(4);
  });
});
