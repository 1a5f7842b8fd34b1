'use client';

import {
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type SortingState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { allocationColumns } from './columns';
import type { TableRecord } from './table-records';

// The IP column stays put when a narrow screen scrolls the table sideways.
const stickyIp = 'sticky left-0 z-[1]';

const ariaSort = (s: false | 'asc' | 'desc') =>
  s === 'asc' ? 'ascending' : s === 'desc' ? 'descending' : 'none';

/**
 * Above this many rows only the rows in view (and a few around them) are in the DOM, inside a
 * scrolling box: 10,000 Services stay one scrollable table. Below it every row is rendered (small
 * pools, the demo), so find-in-page and screen readers see them all.
 */
export const VIRTUAL_ABOVE = 200;
/** A one-line row's height (the virtualiser measures the real ones, e.g. "shared by 2 Services"). */
const ROW_ESTIMATE_PX = 33;

export function AllocationTable({
  records,
  sorting,
  onSortingChange,
  selected,
  onSelect,
}: {
  records: TableRecord[];
  sorting: SortingState;
  onSortingChange: (s: SortingState) => void;
  /** The address the URL names (`?ip=`): marked, and scrolled to when the link is opened. */
  selected: string | null;
  onSelect: (ip: string) => void;
}) {
  // TanStack Table returns fresh functions each render by design; the React Compiler lint knows.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: records,
    columns: allocationColumns,
    state: { sorting },
    onSortingChange: (updater) => onSortingChange(typeof updater === 'function' ? updater(sorting) : updater),
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: (r) => r.key,
  });
  const rows = table.getRowModel().rows;
  const virtual = rows.length > VIRTUAL_ABOVE;
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: virtual ? rows.length : 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_ESTIMATE_PX,
    overscan: 12,
  });
  const items = virtual ? virtualizer.getVirtualItems() : null;
  const shown = items
    ? items.map((v) => ({ row: rows[v.index], index: v.index }))
    : rows.map((row, index) => ({ row, index }));
  const top = items && items.length > 0 ? items[0].start : 0;
  const bottom = items && items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1].end : 0;
  // A row asked for by the keyboard that was not rendered yet: focus it once the scroll brought it in.
  const [wanted, setWanted] = useState<number | null>(null);
  // A link to one address: bring its row into view once, when the table first has it.
  const selectedIndex = selected === null ? -1 : rows.findIndex((r) => r.original.ip === selected);
  const scrolledTo = useRef<string | null>(null);
  useEffect(() => {
    if (selectedIndex < 0 || scrolledTo.current === selected) return;
    scrolledTo.current = selected;
    if (virtual) virtualizer.scrollToIndex(selectedIndex, { align: 'center' });
    else
      scroller.current
        ?.querySelector<HTMLTableRowElement>(`tr[data-index="${selectedIndex}"]`)
        ?.scrollIntoView({ block: 'center' });
  }, [selected, selectedIndex, virtual, virtualizer]);
  const firstShown = items?.[0]?.index ?? 0;
  const lastShown = items?.at(-1)?.index ?? 0;
  useEffect(() => {
    if (wanted === null || wanted < firstShown || wanted > lastShown) return;
    const tr = scroller.current?.querySelector<HTMLTableRowElement>(`tr[data-index="${wanted}"]`);
    if (!tr) return;
    focusRow(scroller.current, tr);
    setWanted(null);
  }, [wanted, firstShown, lastShown]);

  // Arrow keys, Home and End move between rows (one tab stop for the whole body, like a grid),
  // scrolling rows into the DOM first when the table is virtual.
  const onKeyDown = (e: KeyboardEvent<HTMLTableSectionElement>) => {
    const row = (e.target as HTMLElement).closest<HTMLTableRowElement>('tr[data-index]');
    if (!row) return;
    // Enter on a focused row opens its address, as clicking the IP does.
    if (e.key === 'Enter' && e.target === row) {
      row.querySelector<HTMLAnchorElement>('a[href]')?.click();
      return;
    }
    const i = Number(row.dataset.index);
    const target =
      e.key === 'ArrowDown'
        ? i + 1
        : e.key === 'ArrowUp'
          ? i - 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? rows.length - 1
              : null;
    if (target === null || target < 0 || target >= rows.length) return;
    e.preventDefault();
    const tr = e.currentTarget.querySelector<HTMLTableRowElement>(`tr[data-index="${target}"]`);
    if (tr) {
      focusRow(e.currentTarget, tr);
      if (virtual) virtualizer.scrollToIndex(target);
      return;
    }
    virtualizer.scrollToIndex(target, { align: target === 0 ? 'start' : 'auto' });
    setWanted(target);
  };

  return (
    <div
      ref={scroller}
      data-testid="allocation-scroller"
      data-virtual={virtual ? 'true' : 'false'}
      className={virtual ? 'max-h-[70vh] overflow-auto' : 'overflow-x-auto'}
    >
      <table
        data-testid="allocation-table"
        aria-label="IP allocation table"
        aria-rowcount={rows.length + 1}
        className="w-full border-collapse text-left text-[13px]"
      >
        <thead className="sticky top-0 z-10 bg-zinc-50">
          {table.getHeaderGroups().map((hg) => (
            <tr key={hg.id} aria-rowindex={1} className="border-b border-zinc-200">
              {hg.headers.map((h) => {
                const sorted = h.column.getIsSorted();
                return (
                  <th
                    key={h.id}
                    scope="col"
                    aria-sort={h.column.getCanSort() ? ariaSort(sorted) : undefined}
                    className={`whitespace-nowrap px-3 py-1.5 font-medium ${h.column.id === 'ip' ? `${stickyIp} bg-zinc-50` : ''}`}
                  >
                    {h.column.getCanSort() ? (
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
                    ) : (
                      <span className="text-xs font-semibold uppercase tracking-wide text-zinc-500">
                        {flexRender(h.column.columnDef.header, h.getContext())}
                      </span>
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody
          onKeyDown={onKeyDown}
          onFocus={(e) => {
            // The focused row is the selected one: its link (?ip=) shows the same row.
            const tr = e.target instanceof HTMLTableRowElement ? e.target : null;
            const ip = tr?.dataset.ip;
            if (ip && tr.dataset.kind === 'address' && ip !== selected) onSelect(ip);
          }}
        >
          {top > 0 ? <tr aria-hidden data-spacer="top" style={{ height: top }} /> : null}
          {shown.map(({ row, index }) => (
            <tr
              key={row.id}
              ref={virtual ? virtualizer.measureElement : undefined}
              data-index={index}
              aria-rowindex={index + 2}
              tabIndex={index === (selectedIndex < 0 ? 0 : selectedIndex) ? 0 : -1}
              aria-selected={row.original.ip === selected && row.original.kind === 'address'}
              data-testid="allocation-row"
              data-ip={row.original.ip}
              data-kind={row.original.kind}
              data-status={row.original.status}
              className={`border-b border-zinc-100 align-top outline-none hover:bg-zinc-50 focus-visible:bg-sky-50 focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-sky-500 aria-selected:bg-sky-50 ${row.original.kind === 'range' ? 'bg-zinc-50' : 'bg-white'}`}
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
          {bottom > 0 ? <tr aria-hidden data-spacer="bottom" style={{ height: bottom }} /> : null}
        </tbody>
      </table>
    </div>
  );
}

/** Roving tab stop: the focused row is the one Tab returns to. */
function focusRow(root: HTMLElement | null, tr: HTMLTableRowElement) {
  root?.querySelectorAll<HTMLTableRowElement>('tr[tabindex="0"]').forEach((r) => (r.tabIndex = -1));
  tr.tabIndex = 0;
  tr.focus({ preventScroll: false });
}
