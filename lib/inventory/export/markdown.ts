import { formatCount } from '../view/format';
import type { ExportRow, ExportTable } from './export-tables';

// The seed page's "IP Allocation Table" (../shared/seed/load-balancers.md), written by the
// dashboard instead of by hand: `IP Address | Service | Namespace | Type | Notes`, empty cells as
// `--`, a free address as `-- | -- | -- | Available`. One pool is exactly that table; every pool is
// one section per pool, each with its own table.

export const MARKDOWN_HEADER = ['IP Address', 'Service', 'Namespace', 'Type', 'Notes'] as const;

const EMPTY = '--';

/** What the Notes column says of an address nobody holds. */
const freeNotes: Record<string, string> = {
  available: 'Available',
  reserved: 'Reserved (allowFirstLastIPs: No)',
  unallocatable: 'Unallocatable (pool disabled or conflicting)',
};

/** A cell's text: one line, pipes escaped, so an annotation cannot break the table. */
export function markdownCell(text: string | null): string {
  const t = (text ?? '').replace(/\s*[\r\n]+\s*/g, ' ').trim();
  return t === '' ? EMPTY : t.replace(/\\/g, '\\\\').replace(/\|/g, '\\|');
}

function cells(r: ExportRow): string[] {
  const ip = r.to === null ? r.ip : `${r.ip} – ${r.to}`;
  if (r.holders.length > 0) return [ip, r.service, r.namespace, r.type, r.notes].map(markdownCell);
  const free = freeNotes[r.status] ?? 'Available';
  const notes = r.to === null ? free : `${free} (${formatCount(r.count).exact} addresses)`;
  return [markdownCell(ip), EMPTY, EMPTY, EMPTY, notes];
}

const line = (cs: readonly string[]) => `| ${cs.join(' | ')} |`;

/** One table: the header, its rule, one line per row. */
export function markdownTable(rows: readonly ExportRow[]): string {
  const lines = [
    line(MARKDOWN_HEADER),
    line(MARKDOWN_HEADER.map(() => '---')),
    ...rows.map((r) => line(cells(r))),
  ];
  return `${lines.join('\n')}\n`;
}

const title = (t: ExportTable) =>
  t.pool === '' ? '## Held outside every pool' : `## Pool \`${t.pool}\`${t.blocks ? ` (${t.blocks})` : ''}`;

/** `single`: the one pool's table alone (the seed page's form); else a section per table. */
export function renderMarkdown(tables: readonly ExportTable[], single: boolean): string {
  if (single && tables.length === 1) return markdownTable(tables[0].rows);
  if (tables.length === 0) return 'No pools.\n';
  return tables.map((t) => `${title(t)}\n\n${markdownTable(t.rows)}`).join('\n');
}
