// Typed reading of CiliumLoadBalancerIPPool (cilium.io/v2 and v2alpha1; the same schema) and
// Cilium's block → range rule (ipRangeFromBlock).
import { formatAddr, parseAddr, parseCidr, type IpRange } from '../net';
import type { CiliumLoadBalancerIPPool, LabelSelector, PoolBlock } from './objects';

export const POOL_KIND = 'CiliumLoadBalancerIPPool';
export const POOL_API_VERSIONS = ['cilium.io/v2', 'cilium.io/v2alpha1'] as const;

export interface PoolView {
  name: string;
  blocks: PoolBlock[];
  /** Pre-1.16 `spec.cidrs`: no longer in the CRD schema, so the API server prunes it and S1 ignores it. */
  legacyCidrs: PoolBlock[];
  /** Only the exact value "No" reserves the first and last address of cidr blocks. */
  reserveFirstLast: boolean;
  disabled: boolean;
  serviceSelector: LabelSelector | null | undefined;
  creationTimestamp?: string;
}

export function readPool(pool: CiliumLoadBalancerIPPool): PoolView {
  const spec = pool.spec ?? {};
  return {
    name: pool.metadata.name,
    blocks: spec.blocks ?? [],
    legacyCidrs: spec.cidrs ?? [],
    reserveFirstLast: spec.allowFirstLastIPs === 'No',
    disabled: spec.disabled === true,
    serviceSelector: spec.serviceSelector,
    creationTimestamp: pool.metadata.creationTimestamp,
  };
}

export type BlockResult =
  { ok: true; range: IpRange; fromCidr: boolean } | { ok: false; error: string; field: string };

/**
 * ipRangeFromBlock + NewHashAllocator checks. A non-empty cidr wins over start/stop; an empty
 * stop means the single address `start`. The error strings follow Cilium's.
 */
export function blockRange(block: PoolBlock): BlockResult {
  if (block.cidr) {
    const r = parseCidr(String(block.cidr));
    if (!r.ok) return { ok: false, field: 'cidr', error: `error parsing cidr '${block.cidr}': ${r.error}` };
    return { ok: true, range: r.value, fromCidr: true };
  }
  const from = parseAddr(String(block.start ?? ''));
  if (!from) return { ok: false, field: 'start', error: `error parsing start ip '${block.start ?? ''}'` };
  if (!block.stop)
    return { ok: true, range: { family: from.family, from: from.value, to: from.value }, fromCidr: false };
  const to = parseAddr(String(block.stop));
  if (!to) return { ok: false, field: 'stop', error: `error parsing stop ip '${block.stop}'` };
  if (from.family !== to.family) {
    return { ok: false, field: 'stop', error: "'start' must be the same address family as 'stop'" };
  }
  if (from.value > to.value) {
    return {
      ok: false,
      field: 'stop',
      error: `'start' must be less then or equal to 'stop' (${formatAddr(from)} > ${formatAddr(to)})`,
    };
  }
  return { ok: true, range: { family: from.family, from: from.value, to: to.value }, fromCidr: false };
}
