import { describe, expect, it } from 'vitest';
import type { Gateway, KubeObject, Service } from '../../cilium/objects';
import { demoObjects, homeLabObjects } from './demo';
import { LAB_NAMESPACE, LAB_POOL } from './demo-lab';
import { DISPLAY_NAME, LBIPAM_IPS, NOTES, TYPE } from './demo-services';
import { OWNING_GATEWAY_NAME, OWNING_GATEWAY_NAMESPACE } from './envoy-naming';
import { seedRowLine, seedTable } from '../../../test/fixtures/seed-table';

// The demo must reproduce the user's page: its allocation table, row for row (the taken rows).
function pageRows(): string[] {
  return seedTable.filter((r) => r.service !== '--').map(seedRowLine);
}

const services = (objs: KubeObject[]) => objs.filter((o): o is Service => o.kind === 'Service');

// The inventory's derivation rules for the table columns, written out independently here.
const WELL_KNOWN: Record<string, string> = { ldap: 'LDAP', mqtt: 'MQTT', http: 'HTTP', matter: 'Matter' };
function row(svc: Service, gateways: Gateway[]): string {
  const a = svc.metadata.annotations ?? {};
  const gwName = svc.metadata.labels?.[OWNING_GATEWAY_NAME];
  const gw = gateways.find(
    (g) =>
      g.metadata.name === gwName && g.metadata.namespace === svc.metadata.labels?.[OWNING_GATEWAY_NAMESPACE],
  );
  const name = a[DISPLAY_NAME] ?? gw?.metadata.name ?? svc.metadata.name;
  const ns = gw?.metadata.namespace ?? svc.metadata.namespace;
  const type = a[TYPE] ?? (gw ? 'Gateway' : null);
  const ports = svc.spec.ports ?? [];
  const notes =
    a[NOTES] ?? (ports.length === 1 ? `${WELL_KNOWN[ports[0].name ?? '']} on port ${ports[0].port}` : null);
  return `${a[LBIPAM_IPS]} ${name} ${ns} ${type} ${notes}`;
}

describe('demo seed', () => {
  // The page's home lab; the lab (a second pool) is checked on its own below.
  const objs = homeLabObjects();
  const gateways = objs.filter((o): o is Gateway => o.kind === 'Gateway');

  it('reproduces every row of the page allocation table', () => {
    const expected = pageRows();
    expect(expected).toHaveLength(11);
    const actual = services(objs)
      .filter((s) => s.metadata.name !== 'plex')
      .map((s) => row(s, gateways))
      .sort();
    expect(actual).toEqual([...expected].sort());
  });

  it('creates Plex after Jellyfin, asking for the same address', () => {
    const names = services(objs).map((s) => `${s.metadata.namespace}/${s.metadata.name}`);
    expect(names.indexOf('media/plex')).toBeGreaterThan(names.indexOf('media/jellyfin'));
    const plex = services(objs).find((s) => s.metadata.name === 'plex');
    expect(plex?.metadata.annotations?.[LBIPAM_IPS]).toBe('192.168.0.229');
  });

  it('has the page pool and L2 policy verbatim', () => {
    const pool = objs.find((o) => o.kind === 'CiliumLoadBalancerIPPool');
    expect(pool).toMatchObject({
      apiVersion: 'cilium.io/v2alpha1',
      metadata: { name: 'pool' },
      spec: { allowFirstLastIPs: 'Yes', blocks: [{ start: '192.168.0.220', stop: '192.168.0.239' }] },
    });
    const policy = objs.find((o) => o.kind === 'CiliumL2AnnouncementPolicy');
    expect(policy).toEqual({
      apiVersion: 'cilium.io/v2alpha1',
      kind: 'CiliumL2AnnouncementPolicy',
      metadata: { name: 'policy' },
      spec: { loadBalancerIPs: true, nodeSelector: { matchLabels: { 'kubernetes.io/os': 'linux' } } },
    });
  });

  it('puts the gateway address request in spec.infrastructure.annotations and copies it', () => {
    expect(gateways.map((g) => g.spec.infrastructure?.annotations?.[LBIPAM_IPS])).toEqual([
      '192.168.0.238',
      '192.168.0.239',
    ]);
    for (const gw of gateways) {
      const svc = services(objs).find((s) => s.metadata.labels?.[OWNING_GATEWAY_NAME] === gw.metadata.name);
      expect(svc?.metadata.name).toMatch(new RegExp(`^envoy-networking-${gw.metadata.name}-[0-9a-f]{8}$`));
      expect(svc?.metadata.annotations).toEqual(gw.spec.infrastructure?.annotations);
      expect(svc?.metadata.labels?.['app.kubernetes.io/managed-by']).toBe('envoy-gateway');
    }
  });

  it('creates every namespace before the objects in it', () => {
    const seen = new Set<string>();
    for (const o of objs) {
      if (o.kind === 'Namespace') seen.add(o.metadata.name);
      else if (o.metadata.namespace) expect(seen.has(o.metadata.namespace), o.metadata.name).toBe(true);
    }
  });

  it('has Ready Linux nodes, one of them control-plane', () => {
    const nodes = objs.filter((o) => o.kind === 'Node') as (KubeObject & {
      status?: { conditions?: { type: string; status: string }[] };
    })[];
    expect(nodes.length).toBeGreaterThanOrEqual(3);
    for (const n of nodes) {
      expect(n.metadata.labels?.['kubernetes.io/os']).toBe('linux');
      expect(n.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True');
    }
    expect(
      nodes.filter((n) => 'node-role.kubernetes.io/control-plane' in (n.metadata.labels ?? {})),
    ).toHaveLength(1);
  });
});

describe('demo lab (the second pool)', () => {
  const all = demoObjects();
  const lab = all.slice(homeLabObjects().length);

  it('comes after the home lab and asks only for addresses of its own pool', () => {
    const pool = lab.find((o) => o.kind === 'CiliumLoadBalancerIPPool');
    expect(pool?.metadata.name).toBe(LAB_POOL);
    const svcs = services(lab);
    expect(svcs.length).toBeGreaterThanOrEqual(4);
    for (const s of svcs) {
      expect(s.metadata.namespace).toBe(LAB_NAMESPACE);
      expect(s.metadata.annotations?.[LBIPAM_IPS]).toMatch(/^192\.168\.10\.\d+$/);
    }
  });

  it('creates every namespace before the objects in it', () => {
    const seen = new Set<string>();
    for (const o of all) {
      if (o.kind === 'Namespace') seen.add(o.metadata.name);
      else if (o.metadata.namespace) expect(seen.has(o.metadata.namespace), o.metadata.name).toBe(true);
    }
  });
});
