import type { PoolModel } from './pool-model';
import type { PoolRowStats } from './rows';
import type { PoolView } from './types';

// Pool cards: Cilium's own counts when the operator has written them (they include its view of
// reservations and of conflicts), else counted from what the Services hold.

const DECIMAL = /^\d+$/;

/** A reported count is used only when it is a plain decimal (bad input never reaches the screen). */
const reportedCount = (v: string | undefined): string | undefined =>
  v !== undefined && DECIMAL.test(v.trim()) ? v.trim() : undefined;

export function poolView(p: PoolModel, stats: PoolRowStats | undefined): PoolView {
  const total = stats?.total ?? 0n;
  const used = stats?.used ?? 0n;
  const computed = { total: total.toString(), used: used.toString(), available: (total - used).toString() };
  const r = {
    total: reportedCount(p.reported.total),
    used: reportedCount(p.reported.used),
    available: reportedCount(p.reported.available),
  };
  // All three or none: mixing Cilium's numbers with ours could show counts that do not add up.
  const counts =
    r.total && r.used && r.available ? { total: r.total, used: r.used, available: r.available } : computed;
  return {
    name: p.name,
    disabled: p.disabled,
    conflicting: p.conflicting,
    conflictMessage: p.conflictMessage,
    ...counts,
    blocks: p.blocks.map((b) => ({ from: b.from, to: b.to, label: b.label })),
    summarised: p.blocks.some((b) => b.summarised),
  };
}

/** Share of a pool in use, as a fraction in [0, 1] (0 for an empty pool). */
export function usedFraction(v: Pick<PoolView, 'total' | 'used'>): number {
  const total = BigInt(v.total);
  if (total === 0n) return 0;
  // Scale before dividing so that IPv6-sized counts keep precision.
  return Number((BigInt(v.used) * 10_000n) / total) / 10_000;
}
