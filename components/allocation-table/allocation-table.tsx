'use client';

import {
  flexRender,
  getCoreRowModel,
  getPaginationRowModel,
  getSortedRowModel,
  useReactTable,
  type SortingState,
} from '@tanstack/react-table';
import { useState, type KeyboardEvent } from 'react';
import { allocationColumns } from './columns';
import { Pager } from './pager';
import type { TableRecord } from './table-records';

// Arrow keys move between rows (one tab stop for the whole body, like a grid).
function moveFocus(e: KeyboardEvent<HTMLTableSectionElement>) {
  const row = (e.target as HTMLElement).closest('tr');
  if (!row) return;
  // Enter on a focused row opens its address, as clicking the IP does.
  if (e.key === 'Enter' && e.target === row) {
    row.querySelector<HTMLAnchorElement>('a[href]')?.click();
    return;
  }
  const rows = Array.from(e.currentTarget.rows);
  const i = rows.indexOf(row);
  const target =
    e.key === 'ArrowDown'
      ? rows[i + 1]
      : e.key === 'ArrowUp'
        ? rows[i - 1]
        : e.key === 'Home'
          ? rows[0]
          : e.key === 'End'
            ? rows.at(-1)
            : undefined;
  if (!target) return;
  e.preventDefault();
  row.tabIndex = -1;
  target.tabIndex = 0;
  target.focus();
}

// The IP column stays put when a narrow screen scrolls the table sideways.
const stickyIp = 'sticky left-0 z-[1]';

const ariaSort = (s: false | 'asc' | 'desc') =>
  s === 'asc' ? 'ascending' : s === 'desc' ? 'descending' : 'none';

/** Rows per page: large clusters (10k Services) stay fast without a virtualiser. */
export const PAGE_SIZE = 250;

export function AllocationTable({
  records,
  page,
  onPageChange,
}: {
  records: TableRecord[];
  page: number;
  onPageChange: (page: number) => void;
}) {
  const [sorting, setSorting] = useState<SortingState>([{ id: 'ip', desc: false }]);
  const pageCount = Math.max(1, Math.ceil(records.length / PAGE_SIZE));
  // The data may shrink under the user (a delete, a filter from elsewhere): stay on a real page.
  const current = Math.min(page, pageCount - 1);
  // TanStack Table returns fresh functions each render by design; the React Compiler lint knows.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: records,
    columns: allocationColumns,
    state: { sorting, pagination: { pageIndex: current, pageSize: PAGE_SIZE } },
    onSortingChange: setSorting,
    // Live updates replace the data often; the page only changes when the user (or a filter) moves it.
    autoResetPageIndex: false,
    manualPagination: false,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getPaginationRowModel: getPaginationRowModel(),
    getRowId: (r) => r.key,
  });
  const rows = table.getRowModel().rows;

  return (
    <div>
      <div className="overflow-x-auto">
        <table
          data-testid="allocation-table"
          aria-label="IP allocation table"
          className="w-full border-collapse text-left text-[13px]"
        >
          <thead className="sticky top-0 z-10 bg-zinc-50">
            {table.getHeaderGroups().map((hg) => (
              <tr key={hg.id} className="border-b border-zinc-200">
                {hg.headers.map((h) => {
                  const sorted = h.column.getIsSorted();
                  return (
                    <th
                      key={h.id}
                      scope="col"
                      aria-sort={ariaSort(sorted)}
                      className={`whitespace-nowrap px-3 py-1.5 font-medium ${h.column.id === 'ip' ? `${stickyIp} bg-zinc-50` : ''}`}
                    >
                      <button
                        type="button"
                        onClick={h.column.getToggleSortingHandler()}
                        className="inline-flex items-center gap-1 text-xs font-semibold uppercase tracking-wide text-zinc-500 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-sky-600"
                      >
                        {flexRender(h.column.columnDef.header, h.getContext())}
                        <span aria-hidden className={sorted ? 'text-zinc-700' : 'text-zinc-300'}>
                          {sorted === 'desc' ? '↓' : sorted === 'asc' ? '↑' : '↕'}
                        </span>
                      </button>
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody onKeyDown={moveFocus}>
            {rows.map((row, i) => (
              <tr
                key={row.id}
                tabIndex={i === 0 ? 0 : -1}
                data-testid="allocation-row"
                data-ip={row.original.ip}
                data-kind={row.original.kind}
                data-status={row.original.status}
                className={`border-b border-zinc-100 align-top outline-none hover:bg-zinc-50 focus-visible:bg-sky-50 focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-sky-500 ${row.original.kind === 'range' ? 'bg-zinc-50' : 'bg-white'}`}
              >
                {row.getVisibleCells().map((cell) => (
                  <td
                    key={cell.id}
                    data-col={cell.column.id}
                    className={`whitespace-nowrap px-3 py-1.5 ${cell.column.id === 'ip' ? `${stickyIp} bg-inherit` : ''}`}
                  >
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pageCount > 1 ? (
        <Pager
          page={current}
          pageCount={pageCount}
          pageSize={PAGE_SIZE}
          total={records.length}
          onPageChange={onPageChange}
        />
      ) : null}
    </div>
  );
}
