// One explanation: for each reason Cilium gives a pending Service (and for a dormant LB-IPAM and
// a class it ignores), `lbipam plan` and the dashboard's alert say the same words. The plan runs
// the manifests through the engine; the inventory is then built from the cluster Cilium would
// leave behind (the same objects with the statuses the plan wrote), as lib/kube would read it.
import { describe, expect, it } from 'vitest';
import { emptyClusterState, type ClusterState } from '../lib/cilium/cluster-state';
import { buildInventoryWithAlerts } from '../lib/inventory';
import { defaultEngineOptions } from '../lib/ipam';
import { executePlan } from './plan/execute';
import { loadYaml, newInput } from '../lib/manifests/load';
import { planResult, renderTable } from './plan/render';

const NOW = new Date('2026-01-01T00:00:00Z');

const pool = (name: string, spec: string) =>
  `apiVersion: cilium.io/v2\nkind: CiliumLoadBalancerIPPool\nmetadata: {name: ${name}}\nspec: ${spec}\n`;
const svc = (name: string, meta = '', spec = '') =>
  `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}, namespace: web${meta}}\nspec: {type: LoadBalancer, ports: [{port: 80}]${spec}}\n`;
const wants = (ip: string, more = '') => `, annotations: {lbipam.cilium.io/ips: "${ip}"${more}}`;
const KEY = ', lbipam.cilium.io/sharing-key: k1';
const LAN = pool('lan', '{blocks: [{cidr: 10.0.10.0/30}]}');

function both(docs: string[], name: string) {
  const input = newInput();
  let created = Math.floor(NOW.getTime() / 1000) * 1000;
  const clock = { next: () => new Date((created += 1000)).toISOString().replace(/\.\d{3}Z$/, 'Z') };
  loadYaml(docs.join('---\n'), 'case.yaml', input, clock);
  const engine = executePlan(input, defaultEngineOptions, () => NOW);
  const plan = planResult(engine, input);
  const state: ClusterState = {
    ...emptyClusterState(),
    pools: [...input.pools.values()].map((p) => ({ ...p, status: engine.poolStatus(p.metadata.name) })),
    services: [...input.services.values()].map((s) => ({
      ...s,
      status: engine.serviceStatus(s.metadata.namespace ?? 'default', s.metadata.name) ?? s.status,
    })),
  };
  const built = buildInventoryWithAlerts(state, null, {
    cluster: { name: 'test', origin: 'embedded', server: 'https://127.0.0.1:1', readOnly: true },
    sources: [],
    version: 1,
    now: NOW.getTime(),
  });
  const alert = built.alerts.find((a) => a.id === `pending:web/${name}` || a.id === `unhandled:web/${name}`);
  const explanation = plan.services.find((s) => s.name === name)?.explanation;
  return { alert, explanation, table: renderTable(engine, input) };
}

describe('lbipam plan and the alerts give one explanation', () => {
  it.each([
    ['already_allocated', [LAN, svc('a', wants('10.0.10.1')), svc('b', wants('10.0.10.1'))]],
    [
      'already_allocated (a reserved first address)',
      [
        pool('lan', '{blocks: [{cidr: 10.0.10.0/29}], allowFirstLastIPs: "No"}'),
        svc('b', wants('10.0.10.0')),
      ],
    ],
    [
      'already_allocated_incompatible_service',
      [LAN, svc('a', wants('10.0.10.1', KEY)), svc('b', wants('10.0.10.1', KEY))],
    ],
    ['no_pool (a requested address outside every pool)', [LAN, svc('b', wants('10.9.9.9'))]],
    [
      'no_pool (a requested address in a disabled pool)',
      [LAN, pool('off', '{blocks: [{cidr: 10.1.0.0/30}], disabled: true}'), svc('b', wants('10.1.0.1'))],
    ],
    [
      'no_pool (a generic request no pool selects)',
      [
        pool('blue', '{blocks: [{cidr: 10.0.10.0/30}], serviceSelector: {matchLabels: {color: blue}}}'),
        svc('b'),
      ],
    ],
    [
      'pool_selector_mismatch',
      [
        pool('blue', '{blocks: [{cidr: 10.0.10.0/30}], serviceSelector: {matchLabels: {color: blue}}}'),
        svc('b', wants('10.0.10.1')),
      ],
    ],
    ['out_of_ips', [pool('lan', '{blocks: [{cidr: 10.0.10.0/31}]}'), svc('a'), svc('c'), svc('b')]],
    ['dormant (no pool yet)', [svc('b')]],
    [
      'not handled (another loadBalancerClass)',
      [LAN, svc('b', '', ', loadBalancerClass: metallb.io/metallb')],
    ],
  ])('%s', (_, docs) => {
    const { alert, explanation, table } = both(docs, 'b');
    expect(alert).toBeDefined();
    expect(explanation).toEqual({ title: alert?.title, detail: alert?.detail, fix: alert?.fix });
    expect(table).toContain(
      `${alert?.title}\n  why: ${alert?.detail}${alert?.fix ? `\n  fix: ${alert.fix}` : ''}`,
    );
  });

  it('names what it is about from facts: the holder, the free stretches and the sharing rule', () => {
    const { explanation } = both(
      [LAN, svc('a', wants('10.0.10.1', KEY)), svc('b', wants('10.0.10.1', KEY))],
      'b',
    );
    expect(explanation).toEqual({
      title: 'web/b is pending: 10.0.10.1 is held by an incompatible Service',
      detail:
        "10.0.10.1 is held by web/a, and Cilium will not let them share it: same port and protocol. Cilium's message: \"The IP '10.0.10.1' is already allocated to an incompatible service. Reason: same port and protocol\".",
      fix: "Services sharing an address need different ports; web/b and web/a both use 80/TCP. Change one of them, or request a free address — free in pool 'lan': 10.0.10.0, 10.0.10.2–3.",
    });
  });
});
