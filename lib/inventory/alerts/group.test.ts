import { describe, expect, it, vi } from 'vitest';
import { buildInventoryWithAlerts } from '../build';
import { build, config, holding, lease, pool, state, svc } from '../testing/fixtures';
import type { Alert, AlertGroup } from '../types';
import type { AlertContext } from './context';
import { groupAlerts, severityCounts } from './group';
import { ALERT_RULES, buildAlerts, GROUP_WORDINGS } from './index';

const P = pool('lan', [{ cidr: '10.0.0.0/24' }]);
const MSG = "The IP '10.0.0.2' is already allocated to another service";
const waiting = (name: string) => svc('b', name, { request: '10.0.0.2', cond: ['already_allocated', MSG] });
const group = (groups: AlertGroup[], id: string) => groups.find((g) => g.id === id);

describe('alert groups', () => {
  it('a group of one is the alert itself: its id and its words', () => {
    const built = buildInventoryWithAlerts(
      state({ pools: [P], services: [holding('a', 'web', '10.0.0.2'), waiting('api')] }),
      null,
      config(),
    );
    const alert = built.alerts.find((a) => a.id === 'pending:b/api')!;
    expect(group(built.inventory.alerts, 'pending:b/api')).toMatchObject({
      rule: 'pending',
      count: 1,
      title: alert.title,
      detail: alert.detail,
      fix: alert.fix,
      subjects: [{ kind: 'Service', namespace: 'b', name: 'api' }],
    });
  });

  it('Services waiting for the same held address are one group with the shared words', () => {
    const built = buildInventoryWithAlerts(
      state({
        pools: [P],
        services: [holding('a', 'web', '10.0.0.2'), waiting('api'), waiting('job'), waiting('ui')],
      }),
      null,
      config(),
    );
    const id = 'pending:already_allocated:10.0.0.2:lan';
    expect(group(built.inventory.alerts, id)).toMatchObject({
      count: 3,
      severity: 'error',
      title: '3 Services are pending: 10.0.0.2 is already allocated',
      detail: `10.0.0.2 is held by a/web. Cilium gives a requested address to whichever Service it processed first. Cilium's message: "${MSG}".`,
      fix: "Request a free address instead — free in pool 'lan': 10.0.0.0–1, 10.0.0.3–255 — or give them and a/web the same lbipam.cilium.io/sharing-key if they should share it.",
    });
    expect(built.members.get(id)?.map((a) => a.id)).toEqual([
      'pending:b/api',
      'pending:b/job',
      'pending:b/ui',
    ]);
  });

  it('9,900 Services announced by no L2 policy are one group, counted with separators', () => {
    const services = Array.from({ length: 9900 }, (_, i) =>
      holding('x', `s${i}`, `10.1.${i >> 8}.${i & 255}`),
    );
    const inv = build({
      pools: [pool('big', [{ cidr: '10.1.0.0/16' }])],
      services,
      l2Policies: [
        {
          metadata: { name: 'iot' },
          spec: { loadBalancerIPs: true, serviceSelector: { matchLabels: { zone: 'iot' } } },
        },
      ],
    });
    expect(group(inv.alerts, 'l2-policy:no-policy')).toMatchObject({
      count: 9900,
      title: '9,900 Services are announced by no L2 policy',
      fix: "Widen the serviceSelector of a policy (e.g. 'iot') or add a policy with loadBalancerIPs: true that selects them.",
    });
    expect(group(inv.alerts, 'l2-policy:no-policy')?.subjects).toHaveLength(5);
  });

  it('groups unhandled Services by class and expired leases by node; different causes stay apart', () => {
    const metal = { loadBalancerClass: 'metallb.io/metallb' };
    const inv = build({
      pools: [P],
      services: [
        svc('x', 'm1', metal),
        svc('x', 'm2', metal),
        svc('x', 'other', { loadBalancerClass: 'example.com/lb' }),
        holding('x', 'a', '10.0.0.1'),
        holding('x', 'b', '10.0.0.2'),
        holding('x', 'c', '10.0.0.3'),
      ],
      leases: [lease('x', 'a', 'node-2', 60), lease('x', 'b', 'node-2', 60), lease('x', 'c', 'node-3', 60)],
    });
    expect(group(inv.alerts, 'unhandled:class:metallb.io/metallb')).toMatchObject({
      count: 2,
      severity: 'info',
      title: '2 Services are not handled by LB-IPAM (loadBalancerClass metallb.io/metallb)',
    });
    expect(group(inv.alerts, 'unhandled:x/other')?.count).toBe(1);
    expect(group(inv.alerts, 'lease:expired:node-2')).toMatchObject({
      count: 2,
      title: '2 Services have an expired ARP lease, last held by node-2',
    });
    expect(group(inv.alerts, 'lease-expired:x/c')?.count).toBe(1);
  });

  it('a fix that names the Service keeps it apart (sharing across namespaces)', () => {
    const key = { 'lbipam.cilium.io/sharing-key': 'k1' };
    const other = (ns: string) =>
      svc(ns, 'api', {
        request: '10.0.0.2',
        annotations: key,
        ports: [{ port: 81 }],
        cond: ['already_allocated_incompatible_service', 'refused'],
      });
    const inv = build({
      pools: [P],
      services: [holding('a', 'web', '10.0.0.2', { annotations: key }), other('b'), other('c')],
    });
    expect(inv.alerts.filter((g) => g.rule === 'pending').map((g) => [g.id, g.count])).toEqual([
      ['pending:b/api', 1],
      ['pending:c/api', 1],
    ]);
  });

  it('ids are stable across builds; a revision changes when the members do', () => {
    const services = [holding('a', 'web', '10.0.0.2'), waiting('api'), waiting('job')];
    const id = 'pending:already_allocated:10.0.0.2:lan';
    const first = group(build({ pools: [P], services }).alerts, id)!;
    const again = group(
      build({ pools: [P], services }, { version: 2, now: config().now + 60_000 }).alerts,
      id,
    )!;
    expect(again.id).toBe(first.id);
    expect(again.revision).toBe(first.revision);
    const more = group(build({ pools: [P], services: [...services, waiting('ui')] }).alerts, id)!;
    expect(more.count).toBe(3);
    expect(more.revision).not.toBe(first.revision);
  });

  it('a rule that throws yields a rule-failed alert; the other rules still raise theirs', () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    const ok: Alert = {
      id: 'ok:1',
      rule: 'ok',
      cause: 'ok:1',
      severity: 'info',
      title: 'fine',
      detail: 'd',
      fix: null,
      subject: { kind: 'Service', name: 'x' },
    };
    const alerts = buildAlerts({} as AlertContext, [
      {
        name: 'boom',
        run: () => {
          throw new Error('bad data');
        },
      },
      { name: 'ok', run: () => [ok] },
    ]);
    quiet.mockRestore();
    expect(alerts.map((a) => [a.id, a.rule, a.severity])).toEqual([
      ['rule-failed:boom', 'rule-failed', 'warning'],
      ['ok:1', 'ok', 'info'],
    ]);
    expect(alerts[0].detail).toContain('bad data');
  });

  it('counts by severity add up every member of every group', () => {
    const built = buildInventoryWithAlerts(
      state({
        pools: [P],
        services: [
          holding('a', 'web', '10.0.0.2'),
          waiting('api'),
          waiting('job'),
          svc('x', 'm1', { loadBalancerClass: 'metallb.io/metallb' }),
          svc('x', 'm2', { loadBalancerClass: 'metallb.io/metallb' }),
          holding('x', 'held', '10.0.0.7'),
        ],
        leases: [lease('x', 'held', 'node-2', 60)],
      }),
      null,
      config(),
    );
    const bySeverity = { error: 0, warning: 0, info: 0 };
    for (const a of built.alerts) bySeverity[a.severity]++;
    expect(severityCounts(built.inventory.alerts)).toEqual(bySeverity);
    expect(bySeverity).toEqual({ error: 2, warning: 1, info: 2 });
    expect(built.inventory.alerts.length).toBeLessThan(built.alerts.length);
  });

  it('every rule that can group has words for a group', () => {
    const grouping = [
      'pending',
      'unhandled',
      'orphan-ip',
      'l2-policy',
      'lease',
      'local-traffic',
      'lease-missing-node',
      'event',
    ];
    expect(grouping.every((r) => ALERT_RULES.some((d) => d.name === r))).toBe(true);
    expect(Object.keys(GROUP_WORDINGS).sort()).toEqual([...grouping].sort());
    // Without shared words a group still reads: the count, then the first member's title.
    const a = (id: string): Alert => ({
      id,
      rule: 'x',
      cause: 'c',
      severity: 'warning',
      title: 'T',
      detail: 'D',
      fix: null,
      subject: { kind: 'Service', name: id },
    });
    expect(groupAlerts([a('1'), a('2')]).groups[0]).toMatchObject({
      id: 'x:c',
      title: '2 alerts: T',
      count: 2,
    });
  });
});
