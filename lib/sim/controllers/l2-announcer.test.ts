import { afterEach, describe, expect, it } from 'vitest';
import type { CiliumL2AnnouncementPolicy, KubeNode, Lease, Service } from '../../cilium/objects';
import { createStore, type Store } from '../store';
import { demoObjects } from '../seeds/demo';
import { applySeed } from '../seeds/apply';
import { L2Announcer, DEFAULT_L2 } from './l2-announcer';
import { controllerStore } from './store-adapter';

// The announcer against the real store: leases appear for Services that have an address, are
// renewed on ticks, fail over once a NotReady holder's lease expires, and go with their Service.

const LEASE = { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease' };
let time = new Date('2026-01-10T12:00:00.000Z');
const advance = (s: number) => (time = new Date(time.getTime() + s * 1000));
const leases = (store: Store) => store.list(LEASE, { namespace: 'kube-system' }).items as unknown as Lease[];
const holderOf = (store: Store, name: string) =>
  leases(store).find((l) => l.metadata.name === name)?.spec.holderIdentity;

let announcer: L2Announcer | undefined;
afterEach(() => announcer?.stop());

function setup(): Store {
  time = new Date('2026-01-10T12:00:00.000Z');
  const store = createStore({ now: () => time });
  // Give each seeded Service the address it asked for, as LB-IPAM would have.
  const objs = demoObjects().map((o) => {
    if (o.kind !== 'Service') return o;
    const svc = o as Service;
    const ip = svc.metadata.annotations?.['lbipam.cilium.io/ips'];
    return svc.metadata.name === 'plex' ? svc : { ...svc, status: { loadBalancer: { ingress: [{ ip }] } } };
  });
  applySeed(store, objs);
  announcer = new L2Announcer(
    controllerStore(store, 'test'),
    { now: () => time },
    { ...DEFAULT_L2, retryPeriodMs: 0 },
  );
  announcer.start();
  return store;
}

describe('L2Announcer', () => {
  it('holds one lease per announced demo Service, none for the pending one', () => {
    const store = setup();
    const names = leases(store).map((l) => l.metadata.name);
    expect(names).toHaveLength(11);
    expect(names).toContain('cilium-l2announce-media-jellyfin');
    expect(names).not.toContain('cilium-l2announce-media-plex');
    const holders = new Set(leases(store).map((l) => l.spec.holderIdentity));
    expect(holders).toEqual(new Set(['pitower-1', 'pitower-2', 'pitower-3']));
  });

  it('renews on ticks and writes nothing between renewals', () => {
    const store = setup();
    advance(1);
    expect(announcer?.tick()).toBe(0);
    advance(1);
    expect(announcer?.tick()).toBe(11);
    expect(leases(store).every((l) => l.spec.renewTime === '2026-01-10T12:00:02.000000Z')).toBe(true);
  });

  it('fails over within the lease duration when the holder node goes NotReady', () => {
    const store = setup();
    const name = 'cilium-l2announce-media-jellyfin';
    const first = holderOf(store, name) as string;
    const node = store.get({ apiVersion: 'v1', kind: 'Node', name: first }) as unknown as KubeNode;
    store.update(
      {
        ...node,
        status: {
          ...node.status,
          conditions: [{ type: 'Ready', status: 'False', reason: 'KubeletNotReady' }],
        },
      },
      { subresource: 'status' },
    );
    for (let s = 0; s < 14; s += 2) {
      advance(2);
      announcer?.tick();
    }
    expect(holderOf(store, name)).toBe(first); // 14 s: not expired yet
    advance(2);
    announcer?.tick();
    const next = holderOf(store, name);
    expect(next).toBeDefined();
    expect(next).not.toBe(first);
  });

  it('deletes the lease when its Service goes away', () => {
    const store = setup();
    store.delete({ apiVersion: 'v1', kind: 'Service', namespace: 'media', name: 'jellyfin' });
    announcer?.tick();
    expect(leases(store).map((l) => l.metadata.name)).not.toContain('cilium-l2announce-media-jellyfin');
    expect(leases(store)).toHaveLength(10);
  });

  it('reports a bad serviceSelector in the policy status, announces nothing through it, and clears it when fixed', () => {
    const store = setup();
    const ref = { apiVersion: 'cilium.io/v2alpha1', kind: 'CiliumL2AnnouncementPolicy', name: 'policy' };
    const policy = store.get(ref) as unknown as CiliumL2AnnouncementPolicy;
    const bad = { matchExpressions: [{ key: 'app', operator: 'In', values: [] }] };
    store.update({ ...policy, spec: { ...policy.spec, serviceSelector: bad } });
    announcer?.tick();
    const cond = () =>
      (store.get(ref) as unknown as CiliumL2AnnouncementPolicy).status?.conditions?.find(
        (c) => c.type === 'io.cilium/bad-service-selector',
      );
    expect(cond()).toMatchObject({
      status: 'True',
      reason: 'error',
      message: "matchExpressions[0]: for 'in', 'notin' operators, values set can't be empty",
    });
    expect(leases(store)).toHaveLength(0);
    const broken = store.get(ref) as unknown as CiliumL2AnnouncementPolicy;
    store.update({ ...broken, spec: { ...broken.spec, serviceSelector: undefined } });
    advance(1);
    announcer?.tick();
    expect(cond()).toMatchObject({ status: 'False', reason: 'error', message: '' });
    expect(leases(store)).toHaveLength(11);
    const types = (store.get(ref) as unknown as CiliumL2AnnouncementPolicy).status?.conditions?.map(
      (c) => c.type,
    );
    expect(types).toEqual(['io.cilium/bad-service-selector']);
  });
});
