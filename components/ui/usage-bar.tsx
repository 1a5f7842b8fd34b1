import { NEARLY_FULL, usedFraction } from '@/lib/inventory/view/format';

export function UsageBar({ used, total, label }: { used: string; total: string; label: string }) {
  const ratio = usedFraction({ used, total });
  const pct = Math.min(100, Math.round(ratio * 100));
  const color = ratio >= NEARLY_FULL ? 'bg-rose-500' : ratio >= 0.75 ? 'bg-amber-500' : 'bg-sky-600';
  return (
    <div
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={pct}
      className="h-1.5 w-full overflow-hidden rounded-full bg-zinc-200"
    >
      <div
        className={`h-full rounded-full ${color}`}
        style={{ width: `${ratio > 0 ? Math.max(pct, 2) : 0}%` }}
      />
    </div>
  );
}
