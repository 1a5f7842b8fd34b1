import type { ReactNode } from 'react';

// One table header for every small table (what-if, nodes, leases, matrix, events): the same
// row of labelled column headers, each table choosing its padding and any aligned columns.

export interface HeadColumn {
  label: ReactNode;
  /** React key when the label is not a string. */
  key?: string;
  /** Extra classes for this column's header (text-right, text-center, font-mono, …). */
  className?: string;
}

export function TableHead({
  columns,
  cellClassName,
  className = 'bg-zinc-50 text-xs uppercase tracking-wide text-zinc-500',
}: {
  columns: readonly (string | HeadColumn)[];
  /** Classes every header cell shares (padding, weight). */
  cellClassName: string;
  className?: string;
}) {
  return (
    <thead className={className}>
      <tr>
        {columns.map((c) => {
          const col = typeof c === 'string' ? { label: c } : c;
          return (
            <th
              key={col.key ?? String(col.label)}
              scope="col"
              className={col.className ? `${cellClassName} ${col.className}` : cellClassName}
            >
              {col.label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
