import { formatCount } from '@/lib/inventory/view/format';

/** An address count as people read it (2^64, 18.4 quintillion), the exact decimal on hover. */
export function Count({
  n,
  label,
  className = '',
}: {
  n: string | bigint;
  label?: string;
  className?: string;
}) {
  const text = formatCount(n);
  return (
    <span className={`whitespace-nowrap ${className}`}>
      <span className="font-mono font-medium tabular-nums text-zinc-900" title={text.exact}>
        {text.short}
      </span>
      {label ? <span className="text-zinc-500"> {label}</span> : null}
    </span>
  );
}
