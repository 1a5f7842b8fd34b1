// Scenarios from Cilium's own LB-IPAM tests (cli/testdata/cilium/*.yaml), run through `lbipam plan`'s
// loader and executor; each assertion is what Cilium's test asserts (plus the exact IPs our port
// of its allocator predicts). Pools, selectors, requested IPs and pool lifecycle.
import { describe, expect, it } from 'vitest';
import { scenario } from './plan/cilium-harness';

const NO_POOL = 'There are no enabled CiliumLoadBalancerIPPools that match this service';
const V4_ONLY = { ipv6: false };

describe('Cilium lbipam_test.go: pool conflicts', () => {
  it('TestConflictResolution: the newer overlapping pool is marked and fully disabled until fixed', () => {
    const s = scenario('TestConflictResolution', V4_ONLY);
    const marked = s.after(2);
    expect(marked.pool('pool-b')).toMatchObject({
      conflicting: 'True',
      reason: 'cidr_overlap',
      message:
        "Pool conflicts since range '10.0.10.0 - 10.0.10.255' overlaps range '10.0.10.0 - 10.0.10.255' from IP Pool 'pool-a'",
    });
    expect(marked.pool('pool-a')).toMatchObject({
      conflicting: 'False',
      reason: 'resolved',
      message: '',
      total: '256',
      used: '0',
    });
    expect(marked.ok).toBe(false);
    // pool-b's FF::0/48 does not overlap anything, yet it is disabled with the rest of the pool.
    expect(s.after(3).svc('v6')).toMatchObject({
      ips: [],
      cond: { status: 'False', reason: 'no_pool', message: NO_POOL },
    });
    const fixed = s.after();
    expect(fixed.pool('pool-b')).toMatchObject({
      conflicting: 'False',
      reason: 'resolved',
      total: '1208925819614629174706176',
      used: '1',
    });
    expect(fixed.svc('v6').ips).toEqual(['ff::']);
  });

  it('TestPoolInternalConflict: overlapping blocks of one pool mark it; removing one clears it', () => {
    const s = scenario('TestPoolInternalConflict', V4_ONLY);
    expect(s.after(1).pool('pool-a')).toMatchObject({
      conflicting: 'True',
      message:
        "Pool conflicts since range '10.0.10.0 - 10.0.10.255' overlaps range '10.0.10.64 - 10.0.10.79' from IP Pool 'pool-a'",
    });
    expect(s.after().pool('pool-a')).toMatchObject({
      conflicting: 'False',
      reason: 'resolved',
      total: '256',
    });
  });
});

describe('Cilium lbipam_test.go: allocation', () => {
  it('TestAllocHappyPath: IPv4, then IPv6 (IPv4 freed), then IPv4 again; one condition', () => {
    const s = scenario('TestAllocHappyPath');
    const first = s.after(2).svc('service-a');
    expect(first.ips).toEqual(['10.0.10.0']);
    expect(first.conditions).toHaveLength(1);
    expect(first.cond).toMatchObject({
      type: 'cilium.io/IPAMRequestSatisfied',
      status: 'True',
      reason: 'satisfied',
      message: '',
    });
    expect(s.after(3).svc('service-a').ips).toEqual(['ff::']);
    const last = s.after();
    expect(last.svc('service-a').ips).toEqual(['10.0.10.0']);
    expect(last.pool('pool-a')).toMatchObject({ used: '1', total: '1208925819614629174706432' });
  });

  it('TestServiceDelete: the IP is released', () => {
    const s = scenario('TestServiceDelete');
    expect(s.after(2).svc('service-a').ips).toEqual(['10.0.10.0']);
    expect(s.after(2).pool('pool-a').used).toBe('1');
    expect(s.after().pool('pool-a')).toMatchObject({ used: '0', available: '256' });
    expect(s.after().input.services.has('default/service-a')).toBe(false);
  });

  it('TestReallocOnInit: an ingress IP in no pool is replaced', () => {
    const a = scenario('TestReallocOnInit').after().svc('service-a');
    expect(a.ips).toEqual(['10.0.10.0']);
    expect(a.conditions).toHaveLength(1);
    expect(a.cond?.status).toBe('True');
  });

  it('TestAllocOnInit / TestAllocSharedOnInit: ingress IPs inside a pool are imported and kept', () => {
    const s = scenario('TestAllocOnInit').after();
    expect(s.svc('service-a').ips).toEqual(['10.0.10.123']);
    expect(s.svc('service-b').ips).toEqual(['10.0.10.124']);
    expect(s.pool('pool-a').used).toBe('2');
    const shared = scenario('TestAllocSharedOnInit').after();
    expect(shared.svc('service-a').ips).toEqual(['10.0.10.123']);
    expect(shared.svc('service-b').ips).toEqual(['10.0.10.123']);
    expect(shared.pool('pool-a').used).toBe('1');
  });

  it('TestPoolSelectorBasic / TestPoolSelectorNamespace: only selected Services get IPs; the namespace label cannot be spoofed', () => {
    for (const [name, ns] of [
      ['TestPoolSelectorBasic', 'default'],
      ['TestPoolSelectorNamespace', 'tenant-one'],
    ]) {
      const s = scenario(name).after();
      expect(s.svc('red-service', ns)).toMatchObject({ ips: ['10.0.10.0'], cond: { status: 'True' } });
      const blue = s.svc('blue-service', ns === 'default' ? 'default' : 'tenant-two');
      expect(blue.ips).toEqual([]);
      expect(blue.conditions).toHaveLength(1);
      expect(blue.cond).toMatchObject({ status: 'False', reason: 'no_pool', message: NO_POOL });
    }
  });

  it('TestChangeServiceType: ClusterIP ignored, LoadBalancer served, NodePort released with no condition', () => {
    const s = scenario('TestChangeServiceType');
    expect(s.after(2).svc('service-a')).toMatchObject({ ips: [], conditions: [] });
    expect(s.after(3).svc('service-a')).toMatchObject({ ips: ['10.0.10.0'], cond: { status: 'True' } });
    const last = s.after();
    expect(last.svc('service-a')).toMatchObject({ ips: [], conditions: [] });
    expect(last.pool('pool-a').used).toBe('0');
  });

  it('TestAllowFirstLastIPs / TestUpdateAllowFirstAndLastIPs: "No" reserves the first IP until the pool says "Yes"', () => {
    expect(scenario('TestAllowFirstLastIPs').after().svc('service-a')).toMatchObject({
      ips: ['10.0.10.16'],
      cond: { status: 'True' },
    });
    const s = scenario('TestUpdateAllowFirstAndLastIPs');
    const before = s.after(2);
    expect(before.svc('service-a')).toMatchObject({
      ips: [],
      cond: {
        status: 'False',
        reason: 'already_allocated',
        message: "The IP '10.0.10.16' is already allocated to another service",
      },
    });
    expect(before.pool('pool-a')).toMatchObject({ total: '4', available: '2', used: '2' });
    const after = s.after();
    expect(after.svc('service-a')).toMatchObject({
      ips: ['10.0.10.16'],
      cond: { status: 'True', reason: 'satisfied' },
    });
    expect(after.svc('service-a').conditions).toHaveLength(1);
    expect(after.pool('pool-a')).toMatchObject({ total: '4', available: '3', used: '1' });
  });

  it('TestRequestIPs: loadBalancerIP plus the ips annotation; a taken IP is refused', () => {
    const s = scenario('TestRequestIPs').after();
    expect(s.svc('service-a').ips).toEqual(['10.0.10.20']);
    expect(s.svc('service-b').ips).toEqual(['10.0.10.21', '10.0.10.22', '10.0.10.23']);
    expect(s.svc('service-c')).toMatchObject({
      ips: [],
      cond: {
        status: 'False',
        reason: 'already_allocated',
        message: "The IP '10.0.10.21' is already allocated to another service",
      },
    });
  });

  it('TestAddPool / TestAddRange: a requested IP outside every pool is granted once a block holds it', () => {
    for (const name of ['TestAddPool', 'TestAddRange']) {
      const s = scenario(name);
      expect(s.after(2).svc('service-a')).toMatchObject({
        ips: [],
        cond: {
          status: 'False',
          reason: 'no_pool',
          message: "No pool exists with a CIDR containing '10.0.20.10'",
        },
      });
      expect(s.after().svc('service-a')).toMatchObject({ ips: ['10.0.20.10'], cond: { status: 'True' } });
    }
  });

  it('TestDisablePool: existing IPs stay, new Services wait until the pool is enabled again', () => {
    const s = scenario('TestDisablePool');
    const disabled = s.after(4);
    expect(disabled.svc('service-a').ips).toEqual(['10.0.10.0']);
    expect(disabled.svc('service-b')).toMatchObject({
      ips: [],
      cond: { reason: 'no_pool', message: NO_POOL },
    });
    const enabled = s.after();
    expect(enabled.svc('service-a').ips).toEqual(['10.0.10.0']);
    expect(enabled.svc('service-b')).toMatchObject({ ips: ['10.0.10.1'], cond: { status: 'True' } });
  });

  it('TestPoolDelete / TestRangeDelete: losing the block re-allocates from what is left', () => {
    const pd = scenario('TestPoolDelete');
    expect(pd.after(3).svc('service-a').ips).toEqual(['10.0.10.0']);
    const gone = pd.after();
    expect(gone.svc('service-a')).toMatchObject({ ips: ['10.0.20.0'], cond: { status: 'True' } });
    expect(gone.engine.poolStatus('pool-a')).toBeUndefined();
    expect(gone.pool('pool-b').used).toBe('1');
    const rd = scenario('TestRangeDelete');
    expect(rd.after(3).svc('service-a').ips).toEqual(['10.0.10.0']);
    expect(rd.after().svc('service-a').ips).toEqual(['10.0.20.0']);
  });

  it('TestRemoveServiceLabel / TestChangePoolSelector: no longer selected ⇒ IP released', () => {
    for (const name of ['TestRemoveServiceLabel', 'TestChangePoolSelector']) {
      const s = scenario(name);
      expect(s.after(2).svc('service-a').ips).toEqual(['10.0.10.0']);
      expect(s.after().svc('service-a')).toMatchObject({
        ips: [],
        cond: { status: 'False', reason: 'no_pool' },
      });
      expect(s.after().pool('pool-a').used).toBe('0');
    }
  });

  it('TestRequestIPWithMismatchedLabel: pool_selector_mismatch', () => {
    expect(scenario('TestRequestIPWithMismatchedLabel').after().svc('service-a').cond).toMatchObject({
      status: 'False',
      reason: 'pool_selector_mismatch',
      message: "The pool with the CIDR containing '10.0.10.123', doesn't select this service",
    });
  });

  it('TestRemoveRequestedIP: exactly the dropped IP is freed', () => {
    const s = scenario('TestRemoveRequestedIP');
    expect(s.after(2).svc('service-a').ips).toEqual(['10.0.10.123', '10.0.10.124', '10.0.10.125']);
    const last = s.after();
    expect(last.svc('service-a').ips).toEqual(['10.0.10.123', '10.0.10.124']);
    expect(last.pool('pool-a').used).toBe('2');
  });

  it('TestNonMatchingLBClass / TestRequiredLBClass: unhandled classes get neither IP nor condition', () => {
    expect(scenario('TestNonMatchingLBClass').after().svc('service-a')).toMatchObject({
      ips: [],
      conditions: [],
    });
    const s = scenario('TestRequiredLBClass', { defaultLBServiceIPAM: 'none', l2Announcements: false });
    expect(s.after(2).svc('service-a')).toMatchObject({ ips: [], conditions: [] });
    expect(s.after().svc('service-a')).toMatchObject({ ips: ['10.0.10.0'], cond: { status: 'True' } });
  });

  it('TestRangesFull: a /32 and a /128 hold one IP each; the next Services are out_of_ips', () => {
    const s = scenario('TestRangesFull').after();
    expect(s.svc('service-a').ips).toEqual(['10.0.10.123']);
    expect(s.svc('service-b').ips).toEqual(['ff::123']);
    for (const n of ['service-c', 'service-d']) {
      expect(s.svc(n)).toMatchObject({
        ips: [],
        cond: {
          status: 'False',
          reason: 'out_of_ips',
          message: 'All enabled CiliumLoadBalancerIPPools that match this service ran out of allocatable IPs',
        },
      });
    }
    expect(s.pool('pool-a')).toMatchObject({ total: '2', available: '0', used: '2' });
  });

  it('legacy spec.cidrs (v2alpha1, as older docs and tests write it) is read as blocks, with a warning', () => {
    const s = scenario('TestLegacyCidrs').after();
    expect(s.svc('service-a').ips).toEqual(['10.0.10.0']);
    expect(s.input.warnings.join('\n')).toMatch(/spec\.cidrs is the pre-1\.16 name of spec\.blocks/);
  });
});
