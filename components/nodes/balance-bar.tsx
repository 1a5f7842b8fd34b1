/**
 * How many addresses a node announces, against the busiest node (the bar's full width) and the
 * mean of the nodes that may announce (the tick): imbalance is a bar far past the tick.
 */
export function BalanceBar({ count, mean, max }: { count: number; mean: number; max: number }) {
  const width = 96;
  const at = (n: number) => (max > 0 ? (n / max) * width : 0);
  const diff = count - mean;
  const words =
    mean === 0
      ? ''
      : Math.abs(diff) < 0.5
        ? 'about the mean'
        : `${diff > 0 ? '+' : '−'}${Math.abs(diff).toFixed(Math.abs(diff) < 10 ? 1 : 0)} vs the mean ${mean.toFixed(1)}`;
  return (
    <span className="inline-flex items-center gap-2" data-testid="balance" data-count={count}>
      <span aria-hidden className="relative inline-block h-2 rounded-full bg-zinc-100" style={{ width }}>
        <span
          className={`absolute inset-y-0 left-0 rounded-full ${diff >= 1 && count === max ? 'bg-amber-500' : 'bg-sky-600'}`}
          style={{ width: count > 0 ? Math.max(2, at(count)) : 0 }}
        />
        {mean > 0 ? (
          <span className="absolute -top-0.5 h-3 w-px bg-zinc-700" style={{ left: at(mean) }} />
        ) : null}
      </span>
      <span className="font-mono tabular-nums text-zinc-900">{count.toLocaleString('en-US')}</span>
      {words ? <span className="whitespace-nowrap text-[11px] text-zinc-500">{words}</span> : null}
    </span>
  );
}
