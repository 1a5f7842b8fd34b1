import { emptyClusterState, type ClusterState } from '../lib/cilium/cluster-state';
import type { Lease, Service } from '../lib/cilium/objects';
import { buildInventory, type InventoryConfig } from '../lib/inventory/build';
import { applyInventoryDelta, diffInventory } from '../lib/inventory/delta';

// inventory.build_10k_ms: median time to build the inventory of 10,000 LoadBalancer Services in
// 50 pools (each a /24 with 200 holders, 1% of Services pending on a taken address, every Service
// announced). inventory.delta_ms: median diff between two such inventories that differ by one
// Service. The state is generated here; nothing is read from disk. The inventory holds facts (pools,
// Services, alert groups, …), not table rows: those are expanded in the browser
// (lib/inventory/view/rows.ts), so neither figure includes them.

const POOLS = 50;
const PER_POOL = 200;
const NOW = Date.parse('2026-01-10T12:00:00Z');

function service(p: number, i: number): Service {
  const ip = `10.${p}.0.${i + 1}`;
  const pending = i % 100 === 99;
  const namespace = `team-${i % 20}`;
  return {
    metadata: {
      name: `svc-${p}-${i}`,
      namespace,
      labels: { app: `svc-${p}-${i}` },
      annotations: {
        'lbipam.cilium.io/ips': pending ? `10.${p}.0.1` : ip,
        'dashboard.lbipam.io/display-name': `Service ${p}.${i}`,
      },
    },
    spec: {
      type: 'LoadBalancer',
      ports: [{ name: i % 2 ? 'http' : 'mqtt', port: i % 2 ? 80 : 1883, protocol: 'TCP' }],
    },
    status: pending
      ? {
          loadBalancer: {},
          conditions: [
            {
              type: 'cilium.io/IPAMRequestSatisfied',
              status: 'False',
              reason: 'already_allocated',
              message: `The IP '10.${p}.0.1' is already allocated to another service`,
            },
          ],
        }
      : {
          loadBalancer: { ingress: [{ ip }] },
          conditions: [
            { type: 'cilium.io/IPAMRequestSatisfied', status: 'True', reason: 'satisfied', message: '' },
          ],
        },
  };
}

const lease = (s: Service, holder: string): Lease => ({
  metadata: {
    name: `cilium-l2announce-${s.metadata.namespace}-${s.metadata.name}`,
    namespace: 'kube-system',
  },
  spec: { holderIdentity: holder, leaseDurationSeconds: 15, renewTime: new Date(NOW - 2000).toISOString() },
});

export function scaleState(): ClusterState {
  const state = emptyClusterState();
  state.l2Policies.push({ metadata: { name: 'all' }, spec: { loadBalancerIPs: true } });
  for (let n = 1; n <= 3; n++) {
    state.nodes.push({
      metadata: { name: `node-${n}` },
      status: { conditions: [{ type: 'Ready', status: 'True' }] },
    });
  }
  for (let p = 0; p < POOLS; p++) {
    state.pools.push({ metadata: { name: `pool-${p}` }, spec: { blocks: [{ cidr: `10.${p}.0.0/24` }] } });
    for (let i = 0; i < PER_POOL; i++) {
      const s = service(p, i);
      state.services.push(s);
      state.leases.push(lease(s, `node-${(i % 3) + 1}`));
    }
  }
  return state;
}

const config = (version: number): InventoryConfig => ({
  cluster: { name: 'bench', origin: 'embedded', server: 'https://127.0.0.1:1', readOnly: true },
  sources: [],
  version,
  now: NOW,
});

function median(samples: number[]): number {
  const s = [...samples].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function time(fn: () => void, runs: number, warmup = 3): number {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  return Math.round(median(samples) * 100) / 100;
}

export async function run(): Promise<{ name: string; value: number; unit: string }[]> {
  const state = scaleState();
  if (state.services.length !== 10_000)
    throw new Error(`bench state has ${state.services.length} Services, not 10,000`);
  const build = time(() => buildInventory(state, null, config(1)), 15);

  // One Service changes: it is renamed on screen and moves to a free address of its pool.
  const prev = buildInventory(state, null, config(1));
  const changed = { ...state, services: [...state.services] };
  const target = changed.services[1234];
  changed.services[1234] = {
    ...target,
    metadata: { ...target.metadata, annotations: { 'dashboard.lbipam.io/display-name': 'Renamed' } },
    status: { ...target.status, loadBalancer: { ingress: [{ ip: '10.6.0.250' }] } },
  };
  const next = buildInventory(changed, null, config(2));
  const delta = time(() => diffInventory(prev, next), 25);
  const d = diffInventory(prev, next);
  // The inventory is facts (pools, Services, …; rows are expanded where they are drawn): the one
  // changed Service is one upsert of the services collection.
  const services = d.collections.services;
  if (prev.services.length !== 10_000 || !services || 'replace' in services || services.upserts.length !== 1)
    throw new Error('the delta does not carry exactly the one changed Service');
  const applied = applyInventoryDelta(prev, d);
  const renamed = applied?.services.find(
    (s) => s.key === `${target.metadata.namespace}/${target.metadata.name}`,
  );
  if (renamed?.displayName !== 'Renamed') throw new Error('delta did not apply');
  const apply = time(() => applyInventoryDelta(prev, d), 25);
  return [
    { name: 'inventory.build_10k_ms', value: build, unit: 'ms' },
    { name: 'inventory.delta_ms', value: delta, unit: 'ms' },
    { name: 'inventory.apply_delta_ms', value: apply, unit: 'ms' },
  ];
}
