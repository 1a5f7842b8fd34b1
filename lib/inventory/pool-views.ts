import { describeSelector } from '../cilium';
import { formatAddr } from '../net';
import { poolAllocates, type PoolModel } from './pool-model';
import type { PoolRowStats } from './pool-stats';
import type { PoolCounts, PoolView } from './types';

// A pool on the wire: our counts (from what the Services hold) beside Cilium's own (from its status
// conditions), and its blocks with the addresses allowFirstLastIPs withholds, so the browser can
// expand rows without the engine.

const DECIMAL = /^\d+$/;

/** A reported count is used only when it is a plain decimal (bad input never reaches the screen). */
const reportedCount = (v: string | undefined): string | undefined =>
  v !== undefined && DECIMAL.test(v.trim()) ? v.trim() : undefined;

function reportedCounts(p: PoolModel): PoolCounts | null {
  const total = reportedCount(p.reported.total);
  const used = reportedCount(p.reported.used);
  const available = reportedCount(p.reported.available);
  // All three or none: mixing Cilium's numbers with ours could show counts that do not add up.
  return total && used && available ? { total, used, available } : null;
}

export function poolView(p: PoolModel, stats: PoolRowStats | undefined): PoolView {
  const total = stats?.total ?? 0n;
  const used = stats?.used ?? 0n;
  return {
    name: p.name,
    disabled: p.disabled,
    conflicting: p.conflicting,
    conflictMessage: p.conflictMessage,
    allocates: poolAllocates(p),
    total: total.toString(),
    used: used.toString(),
    available: (total - used).toString(),
    reported: reportedCounts(p),
    blocks: p.blocks.map((b) => ({
      from: b.from,
      to: b.to,
      label: b.label,
      size: (b.range.to - b.range.from + 1n).toString(),
      reserved: b.reserved.map((value) => formatAddr({ family: b.range.family, value })),
      summarised: b.summarised,
    })),
    summarised: p.blocks.some((b) => b.summarised),
    serviceSelector: describeSelector(p.view.serviceSelector),
  };
}
