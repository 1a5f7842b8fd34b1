import { describe, expect, it } from 'vitest';
import { alertById, build, holding, pool, svc, type SvcOptions } from '../testing/fixtures';

const P = pool('lan', [{ start: '10.0.0.1', stop: '10.0.0.4' }]);
const pending = (
  ns: string,
  name: string,
  reason: string,
  message: string,
  o: Parameters<typeof svc>[2] = {},
) => svc(ns, name, { cond: [reason, message], ...o });

describe('pending alerts', () => {
  it('already_allocated: names the holder and the free addresses of its pool', () => {
    const inv = build({
      pools: [P],
      services: [
        holding('a', 'web', '10.0.0.2', { annotations: { 'dashboard.lbipam.io/display-name': 'Web' } }),
        pending(
          'b',
          'api',
          'already_allocated',
          "The IP '10.0.0.2' is already allocated to another service",
          { request: '10.0.0.2' },
        ),
      ],
    });
    expect(alertById(inv, 'pending:b/api')).toMatchObject({
      severity: 'error',
      title: 'b/api is pending: 10.0.0.2 is already allocated',
      detail:
        "10.0.0.2 is held by a/web (Web). Cilium gives a requested address to whichever Service it processed first. Cilium's message: \"The IP '10.0.0.2' is already allocated to another service\".",
      fix: "Request a free address instead — free in pool 'lan': 10.0.0.1, 10.0.0.3–4 — or give both Services the same lbipam.cilium.io/sharing-key if they should share it.",
    });
  });

  it('already_allocated on a reserved first/last address points at allowFirstLastIPs', () => {
    const inv = build({
      pools: [pool('lan', [{ cidr: '10.0.0.0/29' }], { allowFirstLastIPs: 'No' })],
      services: [
        pending(
          'b',
          'api',
          'already_allocated',
          "The IP '10.0.0.0' is already allocated to another service",
          {
            request: '10.0.0.0',
          },
        ),
      ],
    });
    const a = alertById(inv, 'pending:b/api');
    expect(a?.detail).toContain('allowFirstLastIPs: "No" withholds');
    expect(a?.fix).toContain('set allowFirstLastIPs: "Yes" on pool \'lan\'');
  });

  it('reads the pre-1.15 condition type too', () => {
    const inv = build({
      pools: [P],
      services: [pending('b', 'old', 'out_of_ips', 'x', { legacyCondition: true })],
    });
    expect(inv.services[0]).toMatchObject({ satisfied: false, reason: 'out_of_ips' });
    expect(alertById(inv, 'pending:b/old')?.title).toBe('b/old is pending: its pools are full');
  });

  // The reason is computed from both Services (lib/cilium sharingIncompatibility), never read out
  // of Cilium's message, so each case builds two Services that really are incompatible that way.
  const key = (k: string) => ({ 'lbipam.cilium.io/sharing-key': k });
  it.each<[string, string, SvcOptions, string]>([
    ['same port and protocol', 'a', {}, 'a/api and a/web both use 80/TCP'],
    [
      'different sharing key',
      'a',
      { annotations: key('k2') },
      "same lbipam.cilium.io/sharing-key as a/web ('k1')",
    ],
    [
      'different and not permitted namespace',
      'b',
      { ports: [{ port: 81 }] },
      'lbipam.cilium.io/sharing-cross-namespace to "a" on b/api and to "b" on a/web',
    ],
    [
      'different ExternalTrafficPolicy',
      'a',
      { ports: [{ port: 81 }], externalTrafficPolicy: 'Local' },
      'a/web has Cluster, a/api has Local',
    ],
  ])('already_allocated_incompatible_service (%s) says what to change', (reason, ns, o, fixPart) => {
    const inv = build({
      pools: [P],
      services: [
        holding('a', 'web', '10.0.0.2', { annotations: key('k1') }),
        pending(
          ns,
          'api',
          'already_allocated_incompatible_service',
          `The IP '10.0.0.2' is already allocated to an incompatible service. Reason: ${reason}`,
          { request: '10.0.0.2', annotations: key('k1'), ...o },
        ),
      ],
    });
    const a = alertById(inv, `pending:${ns}/api`);
    expect(a?.title).toBe(`${ns}/api is pending: 10.0.0.2 is held by an incompatible Service`);
    expect(a?.detail).toContain(
      `10.0.0.2 is held by a/web, and Cilium will not let them share it: ${reason}. Cilium's message: `,
    );
    expect(a?.fix).toContain(fixPart);
  });

  it('a holder without a sharing key: both need the same key, never "the same key as (\'\')"', () => {
    const inv = build({
      pools: [P],
      services: [
        holding('a', 'web', '10.0.0.2'),
        pending(
          'a',
          'api',
          'already_allocated_incompatible_service',
          "The IP '10.0.0.2' is already allocated to an incompatible service. Reason: different sharing key",
          { request: '10.0.0.2', annotations: key('k2') },
        ),
      ],
    });
    const fix = alertById(inv, 'pending:a/api')?.fix ?? '';
    expect(fix).toContain('Give a/api and a/web the same lbipam.cilium.io/sharing-key (a/web has none yet)');
    expect(fix).not.toContain("('')");
  });

  it('already_allocated_incompatible_service with Local traffic policy and different pods', () => {
    const local = { annotations: key('k1'), externalTrafficPolicy: 'Local' };
    const inv = build({
      pools: [P],
      services: [
        holding('a', 'web', '10.0.0.2', local),
        pending('a', 'api', 'already_allocated_incompatible_service', 'Cilium says no', {
          request: '10.0.0.2',
          ports: [{ port: 81 }],
          ...local,
        }),
      ],
    });
    const a = alertById(inv, 'pending:a/api');
    expect(a?.detail).toContain(
      'Cilium will not let them share it: compatible ExternalTrafficPolicy local but selecting different set of pods.',
    );
    expect(a?.fix).toContain('must select the same pods');
  });

  it('no_pool for a requested address: outside every pool, in a disabled pool, in a conflicting pool', () => {
    const msg = (ip: string) => `No pool exists with a CIDR containing '${ip}'`;
    const inv = build({
      pools: [
        P,
        pool('off', [{ start: '10.1.0.1', stop: '10.1.0.1' }], { disabled: true }),
        pool('clash', [{ start: '10.2.0.1', stop: '10.2.0.1' }], {}, [
          { type: 'cilium.io/PoolConflict', status: 'True', reason: 'cidr_overlap', message: 'overlap' },
        ]),
      ],
      services: [
        pending('x', 'outside', 'no_pool', msg('10.9.9.9'), { request: '10.9.9.9' }),
        pending('x', 'disabled', 'no_pool', msg('10.1.0.1'), { request: '10.1.0.1' }),
        pending('x', 'conflict', 'no_pool', msg('10.2.0.1'), { request: '10.2.0.1' }),
      ],
    });
    expect(alertById(inv, 'pending:x/outside')).toMatchObject({
      title: 'x/outside is pending: no pool contains 10.9.9.9',
      fix: "Request an address inside a pool — free in pool 'lan': 10.0.0.1–4 — or add a block containing 10.9.9.9 to a pool.",
    });
    expect(alertById(inv, 'pending:x/disabled')?.fix).toMatch(/^Set spec.disabled: false on pool 'off'/);
    expect(alertById(inv, 'pending:x/conflict')?.title).toBe(
      "x/conflict is pending: pool 'clash' with 10.2.0.1 is conflicting",
    );
  });

  it('no_pool for a generic request explains each pool and suggests the nearest fix', () => {
    const generic = 'There are no enabled CiliumLoadBalancerIPPools that match this service';
    const inv = build({
      pools: [
        pool('blue', [{ cidr: '10.0.0.0/30' }], { serviceSelector: { matchLabels: { color: 'blue' } } }),
      ],
      services: [pending('x', 'red', 'no_pool', generic)],
    });
    expect(alertById(inv, 'pending:x/red')).toMatchObject({
      title: 'x/red is pending: no enabled pool selects it',
      detail: `pool 'blue' selects only color=blue. Cilium's message: "${generic}".`,
      fix: "Add labels matching color=blue to x/red, or widen the serviceSelector of pool 'blue'.",
    });
    // After the last pool is deleted Cilium leaves no_pool behind and goes dormant.
    const none = build({ services: [pending('x', 'red', 'no_pool', generic)] });
    expect(alertById(none, 'pending:x/red')?.title).toBe('x/red has no address: LB-IPAM is dormant');
  });

  it('pool_selector_mismatch names the pool and its selector', () => {
    const inv = build({
      pools: [
        pool('blue', [{ cidr: '10.0.0.0/30' }], { serviceSelector: { matchLabels: { color: 'blue' } } }),
      ],
      services: [
        pending(
          'x',
          'red',
          'pool_selector_mismatch',
          "The pool with the CIDR containing '10.0.0.1', doesn't select this service",
          { request: '10.0.0.1' },
        ),
      ],
    });
    expect(alertById(inv, 'pending:x/red')).toMatchObject({
      title: "x/red is pending: pool 'blue' with 10.0.0.1 does not select it",
      detail:
        "10.0.0.1 is in pool 'blue', whose serviceSelector (color=blue) does not match the labels of x/red. Cilium's message: \"The pool with the CIDR containing '10.0.0.1', doesn't select this service\".",
    });
  });

  it('an unknown reason keeps Cilium’s message and adds the engine’s explanation', () => {
    const inv = build({
      pools: [P],
      services: [
        holding('a', 'web', '10.0.0.2'),
        pending('x', 'y', 'something_new', 'Cilium 2.0 says no', { request: '10.0.0.2' }),
      ],
    });
    const a = alertById(inv, 'pending:x/y');
    expect(a).toMatchObject({
      title: 'x/y is pending (something_new)',
      detail: expect.stringMatching(/^Cilium 2\.0 says no — 10\.0\.0\.2 is held by a\/web\. /),
    });
    expect(a?.fix).toContain("Request a free address instead — free in pool 'lan'");
    const without = build(
      { pools: [P], services: [pending('x', 'y', 'something_new', 'Cilium 2.0 says no')] },
      { diagnose: () => undefined },
    );
    expect(alertById(without, 'pending:x/y')).toMatchObject({ detail: 'Cilium 2.0 says no', fix: null });
  });
  it('names a gateway-generated Service by its Gateway and says where its annotations go', () => {
    const labels = {
      'gateway.envoyproxy.io/owning-gateway-name': 'envoy-external',
      'gateway.envoyproxy.io/owning-gateway-namespace': 'networking',
    };
    const inv = build({
      pools: [P],
      services: [
        holding('a', 'web', '10.0.0.2'),
        pending(
          'networking',
          'envoy-networking-envoy-external-1a2b3c4d',
          'already_allocated',
          "The IP '10.0.0.2' is already allocated to another service",
          {
            labels,
            request: '10.0.0.2',
          },
        ),
      ],
    });
    const a = alertById(inv, 'pending:networking/envoy-networking-envoy-external-1a2b3c4d');
    expect(a?.title).toBe('Gateway networking/envoy-external is pending: 10.0.0.2 is already allocated');
    expect(a?.fix).toContain('spec.infrastructure.annotations');
  });
});
