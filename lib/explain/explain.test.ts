import { describe, expect, it } from 'vitest';
import { LB_CLASS } from '../cilium';
import { parseAddr, parseAddrZoned, parseCidr, type IpAddr, type IpRange } from '../net';
import { explainNotHandled, explainPending, pickFree, runsText, type PendingFacts } from './index';

const ip = (t: string): IpAddr => parseAddr(t)!;
const cidr = (t: string): IpRange => {
  const r = parseCidr(t);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};
const one = (t: string): IpRange => ({ family: 4, from: ip(t).value, to: ip(t).value });

const facts = (over: Partial<PendingFacts> = {}): PendingFacts => ({
  subject: { name: 'b/api' },
  message: null,
  requested: [],
  free: [],
  ...over,
});

describe('words', () => {
  it('free stretches read in short form and stop at six', () => {
    expect(runsText([cidr('10.0.0.0/30'), one('10.0.0.9')])).toBe('10.0.0.0–3, 10.0.0.9');
    const many = Array.from({ length: 9 }, (_, i) => one(`10.0.0.${i * 2}`));
    expect(runsText(many)).toBe(
      '10.0.0.0, 10.0.0.2, 10.0.0.4, 10.0.0.6, 10.0.0.8, 10.0.0.10 and 3 more stretches',
    );
  });

  it('offers the pool of the requested address when it has room, else the first by natural name', () => {
    const free = [
      { pool: 'pool-10', runs: [one('10.0.0.1')] },
      { pool: 'pool-2', runs: [one('10.0.1.1')] },
      { pool: 'empty', runs: [] },
    ];
    expect(pickFree(free, 'pool-10')?.pool).toBe('pool-10');
    expect(pickFree(free, 'empty')?.pool).toBe('pool-2');
    expect(pickFree(free)?.pool).toBe('pool-2');
  });

  it('offers an IPv4 request only IPv4 runs, and an IPv6 request only IPv6 ones', () => {
    const v6 = cidr('2001:db8::/126');
    const free = [
      { pool: 'dual', runs: [v6] },
      { pool: 'v4', runs: [one('10.0.0.1')] },
    ];
    expect(pickFree(free, 'dual', 4)).toEqual({ pool: 'v4', runs: [one('10.0.0.1')] });
    expect(pickFree(free, 'dual', 6)).toEqual({ pool: 'dual', runs: [v6] });
    const e = explainPending(
      facts({
        requested: [{ ip: ip('10.9.9.9'), situation: { reason: 'no_pool' } }],
        free: [{ pool: 'a-dual', runs: [v6, one('10.0.0.7')] }],
      }),
    );
    expect(e.fix).toBe(
      "Request an address inside a pool — free in pool 'a-dual': 10.0.0.7 — or add a block containing 10.9.9.9 to a pool.",
    );
  });
});

describe('explainPending', () => {
  it('words a requested address from its situation and quotes Cilium, never reading it', () => {
    const e = explainPending(
      facts({
        message: 'anything Cilium wrote',
        requested: [{ ip: ip('10.9.9.9'), situation: { reason: 'no_pool' } }],
        free: [{ pool: 'lan', runs: [cidr('10.0.0.0/30')] }],
      }),
    );
    expect(e).toMatchObject({
      title: 'b/api is pending: no pool contains 10.9.9.9',
      detail:
        'No CiliumLoadBalancerIPPool has a block containing 10.9.9.9. Cilium never substitutes another address for a requested one, so the Service waits. Cilium\'s message: "anything Cilium wrote".',
      fix: "Request an address inside a pool — free in pool 'lan': 10.0.0.0–3 — or add a block containing 10.9.9.9 to a pool.",
      key: 'no_pool:10.9.9.9:lan',
      shared: { headline: 'are pending: no pool contains 10.9.9.9' },
    });
  });

  it('a zoned IPv6 request says the zone is part of the address', () => {
    const e = explainPending(
      facts({ requested: [{ ip: parseAddrZoned('fe80::1%eth0')!, situation: { reason: 'no_pool' } }] }),
    );
    expect(e.title).toBe('b/api is pending: no pool contains fe80::1%eth0');
    expect(e.detail).toContain(
      "Cilium keeps the IPv6 zone '%eth0' as part of the requested address, so it is not fe80::1.",
    );
    expect(e.fix).toBe('Request fe80::1 without the zone.');
  });

  it('words for one Service name it; the words its group shares do not', () => {
    const situation = { reason: 'pool_selector_mismatch' as const, pool: 'blue', selector: 'color=blue' };
    const e = explainPending(facts({ requested: [{ ip: ip('10.0.0.1'), situation }] }));
    expect(e.detail).toContain('does not match the labels of b/api.');
    expect(e.shared.detail).toContain('does not match the labels of these Services.');
    expect(e.shared.fix).toMatch(
      /^Add labels matching color=blue to these Services, .* a pool that selects them\.$/,
    );
  });

  it('several missing addresses: each explained, one fix per distinct fix', () => {
    const e = explainPending(
      facts({
        requested: [
          { ip: ip('10.9.9.1'), situation: { reason: 'no_pool' } },
          { ip: ip('10.0.0.2'), situation: { reason: 'already_allocated', pool: 'lan', holders: ['a/web'] } },
        ],
      }),
    );
    expect(e.title).toBe('b/api is pending: 10.9.9.1 and 10.0.0.2 are not available');
    expect(e.detail).toMatch(
      /^No CiliumLoadBalancerIPPool has a block containing 10\.9\.9\.1\. .* 10\.0\.0\.2 is held by a\/web\./,
    );
    expect(e.key).toBe('no_pool:10.9.9.1+already_allocated:10.0.0.2');
  });

  it('a Gateway gets the hint about spec.infrastructure, and a cause of its own', () => {
    const requested = [{ ip: ip('10.9.9.9'), situation: { reason: 'no_pool' as const } }];
    const plain = explainPending(facts({ requested }));
    const gw = explainPending(facts({ requested, subject: { name: 'Gateway n/gw', gateway: true } }));
    expect(gw.fix).toContain('spec.infrastructure.annotations');
    expect(gw.key).not.toBe(plain.key);
  });

  it('generic requests list pools in natural order whatever order the caller knows them in', () => {
    const pools = [
      { pool: 'pool-10', why: 'disabled' as const },
      { pool: 'pool-2', why: 'selector' as const, selector: 'a=b', allocates: true },
    ];
    const a = explainPending(facts({ generic: { reason: 'no_pool', pools } }));
    const b = explainPending(facts({ generic: { reason: 'no_pool', pools: [...pools].reverse() } }));
    expect(a).toEqual(b);
    expect(a.detail).toBe("pool 'pool-2' selects only a=b and pool 'pool-10' is disabled.");
    expect(a.fix).toBe("Set spec.disabled: false on pool 'pool-10'.");
  });
});

describe('explainNotHandled', () => {
  it('a Cilium class whose feature is off says to enable it; another class says to remove it', () => {
    const l2 = explainNotHandled(
      { name: 'x/a' },
      { why: 'needs L2', type: 'LoadBalancer', loadBalancerClass: LB_CLASS.l2 },
    );
    expect(l2.fix).toMatch(/^Enable L2 announcements/);
    const other = explainNotHandled(
      { name: 'x/a' },
      { why: 'other', type: 'LoadBalancer', loadBalancerClass: 'metallb.io/metallb' },
    );
    expect(other).toMatchObject({
      key: 'class:metallb.io/metallb',
      fix: expect.stringMatching(/^Remove spec.loadBalancerClass/),
    });
  });
});
