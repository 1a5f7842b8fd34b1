import type {
  CiliumL2AnnouncementPolicy,
  CiliumLoadBalancerIPPool,
  KubeObject,
  Service,
} from '../../cilium/objects';
import { demoNodes, namespaceObject } from './demo-infra';

// The overlap seed, for benchmarks: many small pools whose blocks overlap their neighbours'. Pool
// i is the start/stop range of 32 addresses starting 16·i addresses into 10.10.0.0, so it shares
// its lower half with pool i-1 and its upper half with pool i+1. Cilium keeps the older pool of
// each overlapping pair and marks the younger one conflicting (created in order: every odd pool),
// so half the pools hand out addresses and the Services of the other half stay pending. Each pool
// selects its own Services by label; a few Services are L2-announced. Deterministic: no clock, no
// randomness, the same objects in the same order every time.

export interface OverlapOptions {
  pools: number;
  /** LoadBalancer Services selecting each pool (label `overlap.lbipam.io/pool`). */
  servicesPerPool: number;
  namespaces: number;
  /** How many Services the L2 policy selects (label `l2: "true"`). */
  announced: number;
}

export const DEFAULT_OVERLAP: OverlapOptions = {
  pools: 1000,
  servicesPerPool: 2,
  namespaces: 10,
  announced: 20,
};

/** Addresses in each pool's range, and how far each range starts after the previous one. */
export const OVERLAP_BLOCK_SIZE = 32;
export const OVERLAP_STRIDE = 16;
/** 10.10.0.0 as a number: every range lies inside 10.10.0.0/16. */
const BASE = (10 << 24) + (10 << 16);
const MAX_POOLS = Math.floor((65_536 - OVERLAP_BLOCK_SIZE) / OVERLAP_STRIDE) + 1;

const ipv4 = (n: number) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');

/** Pool `i`'s only block. */
export function overlapBlock(i: number): { start: string; stop: string } {
  const first = BASE + i * OVERLAP_STRIDE;
  return { start: ipv4(first), stop: ipv4(first + OVERLAP_BLOCK_SIZE - 1) };
}

function poolObject(i: number): CiliumLoadBalancerIPPool {
  return {
    apiVersion: 'cilium.io/v2',
    kind: 'CiliumLoadBalancerIPPool',
    metadata: { name: `overlap-${i}` },
    spec: {
      blocks: [overlapBlock(i)],
      serviceSelector: { matchLabels: { 'overlap.lbipam.io/pool': `overlap-${i}` } },
    },
  };
}

export function overlapObjects(options: Partial<OverlapOptions> = {}): KubeObject[] {
  const o = { ...DEFAULT_OVERLAP, ...options };
  const pools = Math.max(1, o.pools);
  if (pools > MAX_POOLS)
    throw new RangeError(`overlap seed: at most ${MAX_POOLS} pools (asked for ${pools})`);
  const namespaces = Array.from({ length: Math.max(1, o.namespaces) }, (_, i) => `overlap-${i}`);
  const objects: KubeObject[] = [...['kube-system', ...namespaces].map(namespaceObject), ...demoNodes()];
  for (let i = 0; i < pools; i++) objects.push(poolObject(i));
  const policy: CiliumL2AnnouncementPolicy = {
    apiVersion: 'cilium.io/v2alpha1',
    kind: 'CiliumL2AnnouncementPolicy',
    metadata: { name: 'overlap-l2' },
    spec: { loadBalancerIPs: true, serviceSelector: { matchLabels: { l2: 'true' } } },
  };
  objects.push(policy);
  const services = pools * Math.max(0, o.servicesPerPool);
  const every = o.announced > 0 ? Math.max(1, Math.floor(services / o.announced)) : 0;
  for (let s = 0; s < services; s++) {
    const pool = s % pools;
    const labels: Record<string, string> = { app: `svc-${s}`, 'overlap.lbipam.io/pool': `overlap-${pool}` };
    if (every > 0 && s % every === 0 && s / every < o.announced) labels.l2 = 'true';
    const svc: Service & { spec: { allocateLoadBalancerNodePorts?: boolean } } = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: `svc-${s}`, namespace: namespaces[s % namespaces.length], labels },
      spec: {
        type: 'LoadBalancer',
        allocateLoadBalancerNodePorts: false,
        selector: { app: `svc-${s}` },
        ports: [{ name: 'http', protocol: 'TCP', port: 80 }],
      },
    };
    objects.push(svc);
  }
  return objects;
}
