import type { ExportRow, ExportTable } from './export-tables';

// RFC 4180 CSV (CRLF, fields quoted when they hold a comma, quote or line break): one row per
// address or free stretch of every table, with the pool in its own column. Empty cells stay empty
// (a spreadsheet filters on them); several holders are joined with "; ".

export const CSV_COLUMNS = [
  'pool',
  'ip',
  'to',
  'count',
  'status',
  'service',
  'namespace',
  'type',
  'notes',
  'announcer',
  'holders',
  'waiting',
] as const;

/**
 * One field. Text from the cluster that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`,
 * tab or CR first: CSV injection) is prefixed with an apostrophe, so it opens as the text it is.
 */
export function csvField(value: string | null): string {
  const raw = value ?? '';
  const v = /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

function fields(pool: string, r: ExportRow): (string | null)[] {
  return [
    pool,
    r.ip,
    r.to,
    r.count,
    r.status,
    r.service,
    r.namespace,
    r.type,
    r.notes,
    r.announcer,
    r.holders.join('; '),
    r.waiting.join('; '),
  ];
}

export function renderCsv(tables: readonly ExportTable[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const t of tables) for (const r of t.rows) lines.push(fields(t.pool, r).map(csvField).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
