import { describe, expect, it } from 'vitest';
import { parseCidr } from '../net';
import { ConfigError, readDashboardConfig } from './config';
import { DEMO_IP_PLAN, planBands, planRangeOf, suggest } from './plan';

const runs = (...cidrs: string[]) =>
  cidrs.map((c) => {
    const r = parseCidr(c);
    if (!r.ok) throw new Error(r.error);
    return r.value;
  });

describe('the IP plan', () => {
  it('finds the range an address is in, or none', () => {
    expect(planRangeOf(DEMO_IP_PLAN, '192.168.0.227')?.name).toBe('home-automation');
    expect(planRangeOf(DEMO_IP_PLAN, '192.168.0.223')).toBeNull();
    expect(planRangeOf(DEMO_IP_PLAN, 'nope')).toBeNull();
  });

  it("ranks free addresses: the namespace's ranges, then open ones, then the rest", () => {
    // .224/30 → .224–.227 free, .232/29 → .232–.239 free.
    const free = runs('192.168.0.224/30', '192.168.0.232/29');
    const s = suggest(DEMO_IP_PLAN, free, 'home-automation', 2);
    expect(s.map((x) => `${x.range}:${x.ip.split('.')[3]}:${x.fit}`)).toEqual([
      'home-automation:226:namespace',
      'home-automation:227:namespace',
      'future:232:open',
      'future:233:open',
      'gateways:238:other',
      'gateways:239:other',
    ]);
  });
});

describe('the config file', () => {
  it('reads ipPlan and leaves other sections alone', () => {
    const cfg = readDashboardConfig(
      'alerts: {}\nipPlan:\n  - name: cams\n    from: 10.0.0.10\n    to: 10.0.0.19\n    namespaces: [nvr]\n',
      'c.yaml',
    );
    expect(cfg.ipPlan).toEqual([
      { name: 'cams', purpose: '', from: '10.0.0.10', to: '10.0.0.19', namespaces: ['nvr'] },
    ]);
    expect(readDashboardConfig('', 'c.yaml').ipPlan).toEqual([]);
  });

  it.each([
    ['ipPlan: {}', 'c.yaml: ipPlan: '],
    [
      'ipPlan:\n  - name: x\n    from: 10.0.0.300\n    to: 10.0.0.1\n',
      'c.yaml: ipPlan.0.from: expected an IPv4 or IPv6 address',
    ],
    [
      'ipPlan:\n  - name: x\n    from: 10.0.0.9\n    to: 10.0.0.1\n',
      'c.yaml: ipPlan.0.to: 10.0.0.1 comes before 10.0.0.9',
    ],
    ['ipPlan:\n  - name: x\n    from: 10.0.0.1\n    to: "::1"\n', 'different address families'],
    [
      'ipPlan:\n  - name: x\n    from: 10.0.0.1\n    to: 10.0.0.2\n    namespaces: [Bad]\n',
      'ipPlan.0.namespaces.0: expected a namespace name',
    ],
    ['ipPlan:\n  - name: x\n    from: 10.0.0.1\n    to: 10.0.0.2\n    colour: red\n', 'ipPlan.0'],
    ['ipPlan: [', 'c.yaml: invalid YAML'],
  ])('%j → %s', (text, message) => {
    expect(() => readDashboardConfig(text, 'c.yaml')).toThrow(ConfigError);
    expect(() => readDashboardConfig(text, 'c.yaml')).toThrow(message);
  });
});

describe('bands on the pool map', () => {
  it("the demo pool's 20 addresses carry the convention's four bands, clipped to the block", () => {
    const bands = planBands(DEMO_IP_PLAN, { from: '192.168.0.220', to: '192.168.0.239' });
    expect(bands.map((b) => [b.name, b.left, b.width])).toEqual([
      ['utility', 0, 3 / 20],
      ['home-automation', 6 / 20, 5 / 20],
      ['future', 12 / 20, 6 / 20],
      ['gateways', 18 / 20, 2 / 20],
    ]);
    const clipped = planBands(DEMO_IP_PLAN, { from: '192.168.0.228', to: '192.168.0.233' });
    expect(clipped.map((b) => b.label)).toEqual([
      '192.168.0.228 – 192.168.0.230',
      '192.168.0.232 – 192.168.0.233',
    ]);
    expect(planBands(DEMO_IP_PLAN, { from: '10.0.0.0', to: '10.0.0.255' })).toEqual([]);
  });
});
