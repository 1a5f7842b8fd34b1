import { afterEach, describe, expect, it } from 'vitest';
import type { CiliumLoadBalancerIPPool, Condition, Service } from '../../cilium/objects';
import { LbIpamEngine } from '../../ipam/index';
import { applySeed } from '../seeds/apply';
import { demoObjects } from '../seeds/demo';
import { createStore, type Store } from '../store';
import { LbIpamController, POOL_REF, SERVICE_REF } from './lbipam-controller';
import { controllerStore } from './store-adapter';

// The LB-IPAM controller with the real engine against the real store: the demo seed settles to the
// page's addresses, Plex stays pending with Cilium's message, and status writes do not loop.

const now = () => new Date('2026-01-10T12:00:00.000Z');
let controller: LbIpamController | undefined;
afterEach(() => controller?.stop());

function start(): Store {
  const store = createStore({ now });
  controller = new LbIpamController(
    controllerStore(store, 'cilium-operator-lb-ipam'),
    new LbIpamEngine({}, now),
  );
  controller.start();
  applySeed(store, demoObjects());
  controller.drain();
  return store;
}

const svc = (store: Store, namespace: string, name: string) =>
  store.get({ ...SERVICE_REF, namespace, name }) as unknown as Service;
const cond = (s: Service): Condition | undefined =>
  s.status?.conditions?.find((c) => c.type === 'cilium.io/IPAMRequestSatisfied');

describe('LbIpamController', () => {
  it('gives every demo Service the address it asked for, and keeps Plex pending', () => {
    const store = start();
    const services = store.list(SERVICE_REF).items as unknown as Service[];
    for (const s of services.filter((x) => x.metadata.name !== 'plex' && x.spec.type === 'LoadBalancer')) {
      expect(s.status?.loadBalancer?.ingress, s.metadata.name).toEqual([
        { ip: s.metadata.annotations?.['lbipam.cilium.io/ips'] },
      ]);
      expect(cond(s)).toMatchObject({ status: 'True', reason: 'satisfied' });
    }
    const plex = svc(store, 'media', 'plex');
    expect(plex.status?.loadBalancer?.ingress ?? []).toEqual([]);
    expect(cond(plex)).toMatchObject({
      status: 'False',
      reason: 'already_allocated',
      message: "The IP '192.168.0.229' is already allocated to another service",
    });
  });

  it('writes the pool counts: 20 total, 11 used, 9 available', () => {
    const store = start();
    const pool = store.get({ ...POOL_REF, name: 'pool' }) as unknown as CiliumLoadBalancerIPPool;
    const msg = (t: string) => pool.status?.conditions?.find((c) => c.type === t)?.message;
    expect([msg('cilium.io/IPsTotal'), msg('cilium.io/IPsUsed'), msg('cilium.io/IPsAvailable')]).toEqual([
      '20',
      '11',
      '9',
    ]);
    expect(pool.status?.conditions?.find((c) => c.type === 'cilium.io/PoolConflict')?.status).toBe('False');
  });

  it('settles: its own status writes cause no further writes', () => {
    const store = start();
    const rv = store.resourceVersion();
    const writes = controller?.stats.writes;
    controller?.drain();
    controller?.drain();
    expect(store.resourceVersion()).toBe(rv);
    expect(controller?.stats.writes).toBe(writes);
  });

  it('hands the address to Plex once Jellyfin is deleted, and puts back a tampered status', () => {
    const store = start();
    store.delete({ ...SERVICE_REF, namespace: 'media', name: 'jellyfin' });
    controller?.drain();
    const plex = svc(store, 'media', 'plex');
    expect(plex.status?.loadBalancer?.ingress).toEqual([{ ip: '192.168.0.229' }]);
    expect(cond(plex)?.status).toBe('True');

    const lldap = svc(store, 'security', 'lldap');
    store.update({ ...lldap, status: {} }, { subresource: 'status' });
    controller?.drain();
    expect(svc(store, 'security', 'lldap').status?.loadBalancer?.ingress).toEqual([{ ip: '192.168.0.222' }]);
  });

  it('the engine holds the Service the store holds, not the one before its status write', () => {
    const store = createStore({ now });
    const engine = new LbIpamEngine({}, now);
    controller = new LbIpamController(controllerStore(store, 'cilium-operator-lb-ipam'), engine);
    controller.start();
    applySeed(store, demoObjects());
    controller.drain();
    controller.drain();
    const stored = store.list(SERVICE_REF).items as unknown as Service[];
    const written = stored.filter((s) => cond(s) !== undefined);
    expect(written.length).toBeGreaterThan(5);
    // The same object, not an equal copy: an older version would be a second copy kept alive.
    for (const s of written)
      expect(engine.core.known.get(`${s.metadata.namespace}/${s.metadata.name}`), s.metadata.name).toBe(s);
  });

  it('an object the engine throws on is reported and skipped; the rest is still served (no crash)', async () => {
    const store = createStore({ now });
    const reports: string[] = [];
    class Fussy extends LbIpamEngine {
      override apply(ev: Parameters<LbIpamEngine['apply']>[0]): void {
        if (ev.object.metadata.name === 'poison') throw new Error('cannot digest this');
        super.apply(ev);
      }
    }
    controller = new LbIpamController(controllerStore(store, 'lbipam'), new Fussy({}, now), (m) =>
      reports.push(m),
    );
    controller.start();
    applySeed(store, demoObjects());
    store.create({
      ...SERVICE_REF,
      metadata: { name: 'poison', namespace: 'default' },
      spec: { type: 'LoadBalancer', ports: [{ port: 80 }] },
    });
    store.create({
      ...SERVICE_REF,
      metadata: { name: 'after', namespace: 'default' },
      spec: { type: 'LoadBalancer', ports: [{ port: 81 }] },
    });
    // Scheduled, as in the running cluster: an exception here would be uncaught and end the process.
    await new Promise((r) => setTimeout(r, 20));
    expect(reports).toEqual(['LB-IPAM: upsert of Service default/poison failed: cannot digest this']);
    expect(controller.stats.lastError).toBe(reports[0]);
    expect(cond(svc(store, 'default', 'after'))?.status).toBe('True');
    expect(svc(store, 'default', 'after').status?.loadBalancer?.ingress).toHaveLength(1);
  });
});
