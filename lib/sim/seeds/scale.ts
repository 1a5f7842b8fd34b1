import type {
  CiliumL2AnnouncementPolicy,
  CiliumLoadBalancerIPPool,
  KubeObject,
  Service,
} from '../../cilium/objects';
import { demoNodes, namespaceObject } from './demo-infra';

// The scale seed, for benchmarks: many LoadBalancer Services over many pools of every block shape
// (IPv4 /16 CIDRs, IPv6 /64 CIDRs, start/stop ranges). Each pool selects its own Services by label
// so allocation work is spread, a tenth of the Services ask for a specific IP, and only a few are
// L2-announced so the lease election's cost can be measured apart from the lease writes.

export interface ScaleOptions {
  services: number;
  pools: number;
  namespaces: number;
  /** How many Services the L2 policy selects (label `l2: "true"`). */
  announced: number;
}

export const DEFAULT_SCALE: ScaleOptions = { services: 10_000, pools: 50, namespaces: 20, announced: 100 };

type Shape = 'v4-cidr' | 'v6-cidr' | 'v4-range';
const shapeOf = (pool: number): Shape => (['v4-cidr', 'v6-cidr', 'v4-range'] as const)[pool % 3];

/** Third-octet base of pool `i`'s start/stop range inside 172.16.0.0/12 (4 /24s per pool). */
const rangeBase = (i: number) => ({ second: 16 + ((i * 4) >> 8), third: (i * 4) & 255 });

function poolObject(i: number): CiliumLoadBalancerIPPool {
  const shape = shapeOf(i);
  const r = rangeBase(i);
  const block =
    shape === 'v4-cidr'
      ? { cidr: `10.${i}.0.0/16` }
      : shape === 'v6-cidr'
        ? { cidr: `fd00:${i.toString(16)}::/64` }
        : { start: `172.${r.second}.${r.third}.0`, stop: `172.${r.second}.${r.third + 3}.255` };
  return {
    apiVersion: 'cilium.io/v2',
    kind: 'CiliumLoadBalancerIPPool',
    metadata: { name: `pool-${i}` },
    spec: { blocks: [block], serviceSelector: { matchLabels: { 'scale.lbipam.io/pool': `pool-${i}` } } },
  };
}

/**
 * The `k`-th specific address asked for in pool `i`, counted down from the top of the block: Cilium
 * hands generic IPs out from the bottom (the smallest free fragment), so the two never collide and
 * every scale Service can be satisfied.
 */
function requestedIp(i: number, k: number): string {
  const shape = shapeOf(i);
  if (shape === 'v4-cidr') return `10.${i}.${255 - (k >> 8)}.${255 - (k & 255)}`;
  if (shape === 'v6-cidr') return `fd00:${i.toString(16)}::ffff:ffff:ffff:${(0xffff - k).toString(16)}`;
  const r = rangeBase(i);
  return `172.${r.second}.${r.third + 3 - (k >> 8)}.${255 - (k & 255)}`;
}

export function scaleObjects(options: Partial<ScaleOptions> = {}): KubeObject[] {
  const o = { ...DEFAULT_SCALE, ...options };
  const pools = Math.max(1, o.pools);
  // Pool addresses are derived from the index: 10.<i>.0.0/16 caps the count.
  if (pools > 255) throw new RangeError(`scale seed: at most 255 pools (asked for ${pools})`);
  const namespaces = Array.from({ length: Math.max(1, o.namespaces) }, (_, i) => `scale-${i}`);
  const objects: KubeObject[] = [...['kube-system', ...namespaces].map(namespaceObject), ...demoNodes()];
  for (let i = 0; i < pools; i++) objects.push(poolObject(i));
  const policy: CiliumL2AnnouncementPolicy = {
    apiVersion: 'cilium.io/v2alpha1',
    kind: 'CiliumL2AnnouncementPolicy',
    metadata: { name: 'scale-l2' },
    spec: { loadBalancerIPs: true, serviceSelector: { matchLabels: { l2: 'true' } } },
  };
  objects.push(policy);
  const every = o.announced > 0 ? Math.max(1, Math.floor(o.services / o.announced)) : 0;
  for (let s = 0; s < o.services; s++) {
    const pool = s % pools;
    const labels: Record<string, string> = { app: `svc-${s}`, 'scale.lbipam.io/pool': `pool-${pool}` };
    if (every > 0 && s % every === 0 && s / every < o.announced) labels.l2 = 'true';
    // 10,000 LoadBalancer Services would need more node ports than 30000-32767 holds; clusters
    // that size turn node ports off for LoadBalancers, as here.
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
    if (shapeOf(pool) === 'v6-cidr') {
      svc.spec.ipFamilyPolicy = 'SingleStack';
      svc.spec.ipFamilies = ['IPv6'];
    }
    if (s % 10 === 0)
      svc.metadata.annotations = { 'lbipam.cilium.io/ips': requestedIp(pool, Math.floor(s / pools)) };
    objects.push(svc);
  }
  return objects;
}
