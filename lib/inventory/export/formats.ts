import type { PoolView, ServiceView } from '../types';
import { renderCsv } from './csv';
import { exportTables, type ExportTable } from './export-tables';
import { renderMarkdown } from './markdown';

// The export formats as data: adding a format is adding a row. The UI's links, GET /api/export and
// `lbipam export` all go through exportAllocations, so the three never disagree.

export interface ExportContext {
  cluster: string;
  /** ISO time of the inventory the export was written from. */
  generatedAt: string;
  /** One pool's name, or null for every pool. */
  pool: string | null;
}

interface ExportFormat {
  extension: string;
  contentType: string;
  render(tables: ExportTable[], ctx: ExportContext): string;
}

/** The `kind` of a JSON export (a snapshot is `lbipam.snapshot`). */
export const ALLOCATIONS_KIND = 'lbipam.allocations';

export const EXPORT_FORMATS = {
  markdown: {
    extension: 'md',
    contentType: 'text/markdown; charset=utf-8',
    render: (tables, ctx) => renderMarkdown(tables, ctx.pool !== null),
  },
  csv: { extension: 'csv', contentType: 'text/csv; charset=utf-8', render: (tables) => renderCsv(tables) },
  json: {
    extension: 'json',
    contentType: 'application/json; charset=utf-8',
    render: (tables, ctx) =>
      `${JSON.stringify(
        {
          kind: ALLOCATIONS_KIND,
          version: 1,
          cluster: ctx.cluster,
          generatedAt: ctx.generatedAt,
          pools: tables.map((t) => ({ name: t.pool, blocks: t.blocks, rows: t.rows })),
        },
        null,
        2,
      )}\n`,
  },
} satisfies Record<string, ExportFormat>;

export type ExportFormatName = keyof typeof EXPORT_FORMATS;
export const EXPORT_FORMAT_NAMES = Object.keys(EXPORT_FORMATS) as ExportFormatName[];

export const isExportFormat = (v: string): v is ExportFormatName => Object.hasOwn(EXPORT_FORMATS, v);

/** A file name that says what it holds: `lbipam-<cluster>-<pool|all>.<ext>`, safe on every system. */
export function exportFileName(cluster: string, pool: string | null, format: ExportFormatName): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'cluster';
  return `lbipam-${safe(cluster)}-${pool === null ? 'all' : safe(pool)}.${EXPORT_FORMATS[format].extension}`;
}

export interface ExportedFile {
  body: string;
  contentType: string;
  fileName: string;
}

/** The export of one pool or all; null when the pool named does not exist. */
export function exportAllocations(
  facts: { pools: readonly PoolView[]; services: readonly ServiceView[] },
  format: ExportFormatName,
  ctx: ExportContext,
): ExportedFile | null {
  const tables = exportTables(facts.pools, facts.services, ctx.pool);
  if (!tables) return null;
  const f = EXPORT_FORMATS[format];
  return {
    body: f.render(tables, ctx),
    contentType: f.contentType,
    fileName: exportFileName(ctx.cluster, ctx.pool, format),
  };
}
