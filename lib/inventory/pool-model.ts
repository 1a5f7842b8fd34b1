import { blockRange, readPool, readPoolConditions, type PoolView as CiliumPoolView } from '../cilium';
import type { CiliumLoadBalancerIPPool, PoolBlock } from '../cilium/objects';
import { formatAddr, rangeFrom, rangeSize, rangeTo, type IpRange } from '../net';
import type { ObjectRef } from './types';
import { compareNatural } from './view/format';

// A pool as the inventory needs it: parsed blocks (both API versions, and the pre-1.16 `cidrs`),
// which addresses allowFirstLastIPs withholds, and what its Cilium conditions say.

export const ROWS_PER_BLOCK_LIMIT = 4096n;

export interface BlockModel {
  range: IpRange;
  from: string;
  to: string;
  /** "192.168.0.220 – 192.168.0.239" */
  label: string;
  /** Too large to list one row per address: held addresses are rows, the rest FreeRangeRows. */
  summarised: boolean;
  /** First and last address withheld by allowFirstLastIPs: "No" (cidr blocks of ≥ 3 addresses). */
  reserved: bigint[];
}

export interface PoolModel {
  pool: CiliumLoadBalancerIPPool;
  view: CiliumPoolView;
  name: string;
  blocks: BlockModel[];
  /** Blocks Cilium could not parse, with its message. */
  invalidBlocks: { index: number; field: string; error: string }[];
  disabled: boolean;
  conflicting: boolean;
  conflictMessage: string | null;
  /** Counts as Cilium reported them (decimal strings), when it did. */
  reported: { total?: string; available?: string; used?: string };
}

export const blockLabel = (r: IpRange): string => `${formatAddr(rangeFrom(r))} – ${formatAddr(rangeTo(r))}`;

function blockModel(range: IpRange, fromCidr: boolean, reserveFirstLast: boolean): BlockModel {
  const size = rangeSize(range);
  return {
    range,
    from: formatAddr(rangeFrom(range)),
    to: formatAddr(rangeTo(range)),
    label: blockLabel(range),
    summarised: size > ROWS_PER_BLOCK_LIMIT,
    // Cilium reserves only for cidr blocks, and never for /32, /31, /128, /127.
    reserved: reserveFirstLast && fromCidr && size >= 3n ? [range.from, range.to] : [],
  };
}

/** Blocks in Cilium's order: `spec.blocks`, or the legacy `spec.cidrs` of pre-1.16 clusters. */
function specBlocks(view: CiliumPoolView): PoolBlock[] {
  return view.blocks.length > 0 ? view.blocks : view.legacyCidrs;
}

export function poolModel(pool: CiliumLoadBalancerIPPool): PoolModel {
  const view = readPool(pool);
  const blocks: BlockModel[] = [];
  const invalidBlocks: PoolModel['invalidBlocks'] = [];
  specBlocks(view).forEach((b, index) => {
    const r = blockRange(b ?? {});
    if (r.ok) blocks.push(blockModel(r.range, r.fromCidr, view.reserveFirstLast));
    else invalidBlocks.push({ index, field: r.field, error: r.error });
  });
  const cond = readPoolConditions(pool.status?.conditions);
  return {
    pool,
    view,
    name: view.name,
    blocks,
    invalidBlocks,
    disabled: view.disabled,
    conflicting: cond.conflicting === true,
    conflictMessage: cond.conflicting ? (cond.conflictMessage ?? '') : null,
    reported: { total: cond.total, available: cond.available, used: cond.used },
  };
}

/** Pools in natural name order (pool-2 before pool-10), the order every screen lists them in; unreadable ones go to `errors`. */
export function poolModels(
  pools: CiliumLoadBalancerIPPool[],
  errors: { ref: ObjectRef; error: string }[] = [],
): PoolModel[] {
  const out: PoolModel[] = [];
  const names = new Set<string>();
  for (const p of pools) {
    // Pools are cluster-scoped: a repeated name is a stale duplicate, and would repeat row keys.
    if (typeof p?.metadata?.name !== 'string' || names.has(p.metadata.name)) continue;
    names.add(p.metadata.name);
    try {
      out.push(poolModel(p));
    } catch (err) {
      errors.push({
        ref: { kind: 'CiliumLoadBalancerIPPool', name: p.metadata.name },
        error: err instanceof Error ? err.message : String(err),
      });
    }
  }
  return out.sort((a, b) => compareNatural(a.name, b.name));
}

/** Free of new allocations: a disabled or conflicting pool allocates nothing (existing IPs stay). */
export const poolAllocates = (p: PoolModel): boolean => !p.disabled && !p.conflicting;
