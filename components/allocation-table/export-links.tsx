// Links to the server's exports of what this table shows (GET /api/export): one pool when the table
// is of one pool (or filtered to one), else every pool. Plain links with `download`, so they work
// without script and a right click copies them.

const FORMATS = [
  {
    format: 'markdown',
    label: 'Markdown',
    title: 'The README table: IP Address | Service | Namespace | Type | Notes',
  },
  { format: 'csv', label: 'CSV', title: 'One line per address, for a spreadsheet' },
  { format: 'json', label: 'JSON', title: 'Every row with its holders and status' },
] as const;

export const exportHref = (format: string, pool: string | null) =>
  `/api/export?format=${format}${pool === null ? '' : `&pool=${encodeURIComponent(pool)}`}&download=1`;

export function ExportLinks({ pool }: { pool: string | null }) {
  return (
    <span data-testid="export-links" className="flex items-center gap-1 text-xs text-zinc-500 print:hidden">
      Export {pool === null ? 'all pools' : <span className="font-mono">{pool}</span>}:
      {FORMATS.map((f) => (
        <a
          key={f.format}
          href={exportHref(f.format, pool)}
          download
          title={f.title}
          className="rounded px-1 text-sky-700 hover:bg-sky-50 hover:underline focus-visible:outline-2 focus-visible:outline-sky-600"
        >
          {f.label}
        </a>
      ))}
    </span>
  );
}
