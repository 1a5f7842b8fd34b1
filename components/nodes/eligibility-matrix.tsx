'use client';

import Link from 'next/link';
import { parseAsInteger, parseAsString, useQueryStates } from 'nuqs';
import { useDeferredValue, useMemo } from 'react';
import type { AnnouncerView } from '@/lib/inventory/types';
import {
  eligibilityCell,
  eligibilityRows,
  matchesEligibility,
  type EligibilityCell,
} from '@/lib/inventory/view/node-announcers';
import { useServices } from '@/lib/queries/use-inventory';
import { Pager } from '../allocation-table/pager';
import { ipHref } from '../pool-map/links';
import { ScreenError, ScreenSkeleton } from '../shell/screen-skeleton';
import { Panel } from '../ui/panel';
import { TableHead } from '../ui/table-head';

const PAGE = 50;
const matrixParsers = { announce: parseAsString.withDefault(''), page: parseAsInteger.withDefault(1) };
const th = 'whitespace-nowrap px-2 py-1.5 font-semibold first:pl-4';
const td = 'whitespace-nowrap px-2 py-1 first:pl-4';

const CELL: Record<EligibilityCell, { mark: string; words: string; className: string }> = {
  holds: { mark: '●', words: 'holds the lease', className: 'text-emerald-700' },
  'holds-expired': {
    mark: '●',
    words: 'holds the lease but stopped renewing it',
    className: 'text-rose-700',
  },
  eligible: { mark: '○', words: 'may take the lease', className: 'text-sky-700' },
  'not-eligible': { mark: '·', words: 'may not announce it', className: 'text-zinc-300' },
  unknown: { mark: '?', words: 'not known', className: 'text-zinc-400' },
};

function Legend() {
  return (
    <ul aria-label="Legend" className="flex flex-wrap gap-x-4 gap-y-1 px-4 py-2 text-[11px] text-zinc-500">
      {(['holds', 'eligible', 'not-eligible', 'unknown', 'holds-expired'] as const).map((c) => (
        <li key={c}>
          <span aria-hidden className={`mr-1 font-mono ${CELL[c].className}`}>
            {CELL[c].mark}
          </span>
          {CELL[c].words}
        </li>
      ))}
    </ul>
  );
}

/** Per announced address: which nodes may take its lease (as Cilium decides) and which one holds it. */
export function EligibilityMatrix({
  nodes,
  announcers,
}: {
  nodes: string[];
  announcers: AnnouncerView[] | undefined;
}) {
  const services = useServices();
  // The filter and the page are in the URL (?announce=&page=, 1-based), so a link shows the same rows.
  const [{ announce: query, page: shownPage }, setView] = useQueryStates(matrixParsers, {
    history: 'replace',
  });
  const page = Math.max(0, shownPage - 1);
  const setPage = (p: number) => void setView({ page: p + 1 });
  const deferred = useDeferredValue(query);
  const all = useMemo(
    () => (services.data && announcers ? eligibilityRows(services.data, announcers) : null),
    [services.data, announcers],
  );
  const rows = useMemo(
    () => (all ? all.filter((r) => matchesEligibility(r, deferred)) : []),
    [all, deferred],
  );
  if (services.error) return <ScreenError error={services.error} onRetry={() => void services.refetch()} />;
  if (!all) return <ScreenSkeleton label="Loading who may announce each address…" rows={4} />;
  const pageCount = Math.max(1, Math.ceil(rows.length / PAGE));
  const current = Math.min(page, pageCount - 1);
  const shown = rows.slice(current * PAGE, (current + 1) * PAGE);
  return (
    <Panel
      id="eligibility"
      title={`Who may announce each address · ${all.length.toLocaleString('en-US')}`}
      aside={
        <input
          type="search"
          aria-label="Filter announced addresses"
          placeholder="address, Service or node"
          value={query}
          onChange={(e) => {
            void setView({ announce: e.target.value || null, page: null });
          }}
          className="w-40 min-w-0 rounded border sm:w-56 border-zinc-300 px-2 py-0.5 text-xs focus-visible:outline-2 focus-visible:outline-sky-600"
        />
      }
    >
      <Legend />
      {rows.length === 0 ? (
        <p
          data-testid="eligibility-empty"
          className="border-t border-zinc-100 px-4 py-6 text-center text-xs text-zinc-500"
        >
          {all.length === 0
            ? 'No address is announced over L2, and no L2 policy selects a Service with an address.'
            : `Nothing matches “${deferred}”.`}
        </p>
      ) : (
        <>
          {/* relative: the screen-reader words (absolute) stay inside the scrolling box, not the page. */}
          <div className="relative overflow-x-auto">
            <table data-testid="eligibility-matrix" className="w-full border-collapse text-left text-xs">
              <TableHead
                className="bg-zinc-50 text-[11px] uppercase tracking-wide text-zinc-500"
                cellClassName={th}
                columns={[
                  'Address',
                  'Service',
                  ...nodes.map((n) => ({ label: n, className: 'text-center font-mono normal-case' })),
                ]}
              />
              <tbody>
                {shown.map((r) => (
                  <tr
                    key={r.key}
                    data-testid="eligibility-row"
                    data-service={r.key}
                    className="border-t border-zinc-100"
                  >
                    <td className={`${td} font-mono`}>
                      {r.ips.map((ip) => (
                        <Link key={ip} href={ipHref(ip)} className="mr-2 text-sky-700 hover:underline">
                          {ip}
                        </Link>
                      ))}
                    </td>
                    <td className={`${td} font-mono text-zinc-700`}>{r.key}</td>
                    {nodes.map((n) => {
                      const c = eligibilityCell(r, n);
                      return (
                        <td
                          key={n}
                          data-node={n}
                          data-cell={c}
                          title={`${n} ${CELL[c].words}`}
                          className={`${td} text-center font-mono ${CELL[c].className}`}
                        >
                          <span aria-hidden>{CELL[c].mark}</span>
                          <span className="sr-only">{CELL[c].words}</span>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {pageCount > 1 ? (
            <Pager
              label="Announced address pages"
              page={current}
              pageCount={pageCount}
              pageSize={PAGE}
              total={rows.length}
              onPageChange={setPage}
            />
          ) : null}
        </>
      )}
    </Panel>
  );
}
