import { Button } from '../ui/button';

const n = (x: number) => x.toLocaleString('en-US');

export function Pager({
  page,
  pageCount,
  pageSize,
  total,
  onPageChange,
  label = 'Table pages',
}: {
  /** The landmark's name (two pagers on one screen need two names). */
  label?: string;
  page: number;
  pageCount: number;
  pageSize: number;
  total: number;
  onPageChange: (page: number) => void;
}) {
  const first = page * pageSize + 1;
  const last = Math.min(total, (page + 1) * pageSize);
  return (
    <nav
      aria-label={label}
      className="flex items-center justify-end gap-2 border-t border-zinc-100 px-4 py-2 text-xs text-zinc-600"
    >
      <span data-testid="page-range" className="tabular-nums">
        {n(first)}–{n(last)} of {n(total)}
      </span>
      <Button onClick={() => onPageChange(0)} disabled={page === 0} aria-label="First page">
        «
      </Button>
      <Button onClick={() => onPageChange(page - 1)} disabled={page === 0} aria-label="Previous page">
        ‹ Prev
      </Button>
      <span className="tabular-nums">
        page {n(page + 1)} / {n(pageCount)}
      </span>
      <Button onClick={() => onPageChange(page + 1)} disabled={page >= pageCount - 1} aria-label="Next page">
        Next ›
      </Button>
      <Button
        onClick={() => onPageChange(pageCount - 1)}
        disabled={page >= pageCount - 1}
        aria-label="Last page"
      >
        »
      </Button>
    </nav>
  );
}
