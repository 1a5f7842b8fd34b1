'use client';

import { EXPORT_FORMAT_NAMES, exportAllocations, type ExportFormatName } from '@/lib/inventory/export';
import type { PoolView, ServiceView } from '@/lib/inventory/types';

// Exports of what this table shows: one pool when the table is of one pool (or filtered to one),
// else every pool. Of the cluster shown: plain links to GET /api/export (they work without script,
// a right click copies them). Of facts the browser holds (an uploaded snapshot): the same exporter,
// run here, saved as a file.

const LABEL: Record<ExportFormatName, { label: string; title: string }> = {
  markdown: { label: 'Markdown', title: 'The README table: IP Address | Service | Namespace | Type | Notes' },
  csv: { label: 'CSV', title: 'One line per address, for a spreadsheet' },
  json: { label: 'JSON', title: 'Every row with its holders and status' },
};

export const exportHref = (format: ExportFormatName, pool: string | null) =>
  `/api/export?format=${format}${pool === null ? '' : `&pool=${encodeURIComponent(pool)}`}&download=1`;

const link =
  'rounded px-1 text-sky-700 hover:bg-sky-50 hover:underline focus-visible:outline-2 focus-visible:outline-sky-600';

/** Facts held in the browser, exported without asking the server. */
export interface LocalFacts {
  pools: readonly PoolView[];
  services: readonly ServiceView[];
  cluster: string;
  generatedAt: string;
}

function save(facts: LocalFacts, format: ExportFormatName, pool: string | null) {
  const file = exportAllocations(facts, format, {
    cluster: facts.cluster,
    generatedAt: facts.generatedAt,
    pool,
  });
  if (!file) return;
  const url = URL.createObjectURL(new Blob([file.body], { type: file.contentType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function ExportLinks({ pool, local }: { pool: string | null; local?: LocalFacts }) {
  return (
    <span data-testid="export-links" className="flex items-center gap-1 text-xs text-zinc-500 print:hidden">
      Export {pool === null ? 'all pools' : <span className="font-mono">{pool}</span>}:
      {EXPORT_FORMAT_NAMES.map((format) =>
        local ? (
          <button
            key={format}
            type="button"
            title={LABEL[format].title}
            onClick={() => save(local, format, pool)}
            className={link}
          >
            {LABEL[format].label}
          </button>
        ) : (
          <a
            key={format}
            href={exportHref(format, pool)}
            download
            title={LABEL[format].title}
            className={link}
          >
            {LABEL[format].label}
          </a>
        ),
      )}
    </span>
  );
}
