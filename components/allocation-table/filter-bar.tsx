'use client';

import { useEffect, useRef } from 'react';
import type { RowStatus } from '@/lib/inventory/types';
import { Button } from '../ui/button';
import { isFiltering, rowStatuses, type TableFilters } from './table-filters';

const field =
  'rounded-md border border-zinc-300 bg-white px-2 py-1 text-xs text-zinc-900 shadow-xs focus:border-sky-500 focus:outline-none focus:ring-2 focus:ring-sky-500/30';

export function FilterBar({
  filters,
  pools,
  onChange,
  onClear,
  summary,
}: {
  filters: TableFilters;
  /** null: no pool filter (the table shows one pool). */
  pools: string[] | null;
  onChange: (patch: Partial<TableFilters>) => void;
  onClear: () => void;
  summary: string;
}) {
  const input = useRef<HTMLInputElement>(null);
  // "/" jumps to the filter from anywhere on the page, as in most dashboards.
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (e.key !== '/' || e.metaKey || e.ctrlKey || t?.closest('input, textarea, select, [contenteditable]'))
        return;
      e.preventDefault();
      input.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div role="search" className="flex flex-wrap items-center gap-2 px-4 py-2">
      <div className="relative w-80 max-w-full">
        <input
          ref={input}
          type="search"
          aria-label="Filter rows"
          aria-keyshortcuts="/"
          placeholder="Filter by IP, service, namespace, notes…"
          value={filters.q}
          onChange={(e) => onChange({ q: e.target.value })}
          className={`${field} w-full pr-7`}
        />
        {filters.q === '' ? (
          <kbd
            aria-hidden
            className="pointer-events-none absolute right-2 top-1/2 -translate-y-1/2 rounded border border-zinc-300 px-1 font-mono text-[10px] text-zinc-400"
          >
            /
          </kbd>
        ) : null}
      </div>
      <select
        aria-label="Status"
        value={filters.status ?? ''}
        onChange={(e) => onChange({ status: (e.target.value || null) as RowStatus | null })}
        className={field}
      >
        <option value="">All statuses</option>
        {rowStatuses.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
      {pools === null ? null : (
        <select
          aria-label="Pool"
          value={filters.pool ?? ''}
          onChange={(e) => onChange({ pool: e.target.value || null })}
          className={field}
        >
          <option value="">All pools</option>
          {pools.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
          {/* A shared link may name a pool that has since been deleted: show it rather than lie. */}
          {filters.pool !== null && !pools.includes(filters.pool) ? (
            <option value={filters.pool}>{filters.pool} (not in cluster)</option>
          ) : null}
        </select>
      )}
      {isFiltering(filters) ? (
        <Button variant="ghost" onClick={onClear}>
          Clear
        </Button>
      ) : null}
      <span data-testid="row-count" aria-live="polite" className="ml-auto text-xs tabular-nums text-zinc-500">
        {summary}
      </span>
    </div>
  );
}
