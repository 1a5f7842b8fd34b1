'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { historyPagesQueryOptions, type HistoryFilters } from '@/lib/queries/history';
import { useMeta } from '@/lib/queries/use-inventory';
import { TableHead } from '../ui/table-head';
import { useDataNow } from '../ui/use-data-now';
import { ChangeRow } from './change-row';

// A timeline of recorded changes, newest first, a page at a time: the IP page's holders over time
// and the Changes screen. Its states — reading, no history (why), nothing recorded — are its own.

const th = 'px-3 py-1.5 font-semibold first:pl-4';

export function ChangeList({
  filters,
  empty,
  hideIp = false,
  pageSize = 100,
}: {
  filters: HistoryFilters;
  empty: string;
  hideIp?: boolean;
  pageSize?: number;
}) {
  const version = useMeta().data?.version ?? 0;
  const q = useInfiniteQuery(historyPagesQueryOptions(filters, version, pageSize));
  const now = useDataNow(30_000);
  const changes = useMemo(() => q.data?.pages.flatMap((p) => p.changes) ?? [], [q.data]);
  if (q.isPending)
    return (
      <p role="status" className="px-4 py-2 text-xs text-zinc-500">
        Reading history…
      </p>
    );
  if (q.error && changes.length === 0)
    return (
      <p role="alert" data-testid="history-error" className="px-4 py-2 text-xs text-amber-900">
        {q.error.message}
      </p>
    );
  if (changes.length === 0)
    return (
      <p data-testid="history-empty" className="px-4 py-2 text-xs text-zinc-500">
        {empty}
      </p>
    );
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-xs" data-testid="change-list">
        <TableHead
          className="bg-zinc-50 text-[11px] uppercase tracking-wide text-zinc-500"
          cellClassName={th}
          columns={['When', 'Kind', 'What', 'Objects']}
        />
        <tbody>
          {changes.map((c) => (
            <ChangeRow key={c.id} c={c} now={now} hideIp={hideIp} />
          ))}
        </tbody>
      </table>
      {q.hasNextPage ? (
        <button
          type="button"
          onClick={() => void q.fetchNextPage()}
          disabled={q.isFetchingNextPage}
          className="m-2 rounded border border-zinc-300 px-2 py-0.5 text-xs text-zinc-700 hover:bg-zinc-50 disabled:opacity-50"
        >
          {q.isFetchingNextPage ? 'Reading…' : 'Older changes'}
        </button>
      ) : null}
    </div>
  );
}
