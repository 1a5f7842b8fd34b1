import type { TableRecord } from './table-records';
import { printGroups } from './print-groups';

// The allocation table on paper: a plain table per pool, every row (never virtualised), a new page
// for each pool, the header row repeated on each page. Rendered only while printing.

const CELLS = ['IP Address', 'Service', 'Namespace', 'Type', 'Notes', 'Status', 'Announcer'] as const;
const cell = (v: string | null) => v ?? '—';

function ipText(r: TableRecord): string {
  return r.kind === 'range'
    ? `${r.ip} – ${r.to} (${BigInt(r.count ?? '0').toLocaleString('en-US')} free)`
    : r.ip;
}

export function PrintTables({ records, poolOrder }: { records: TableRecord[]; poolOrder: string[] }) {
  return (
    <div data-testid="print-tables" className="hidden print:block">
      {printGroups(records, poolOrder).map((g, i) => (
        <section
          key={g.pool}
          data-testid="print-pool"
          data-pool={g.pool}
          className={i > 0 ? 'break-before-page pt-2' : 'pt-2'}
        >
          <h2 className="pb-1 text-sm font-semibold">
            {g.pool === '' ? 'Held outside every pool' : `Pool ${g.pool}`}
          </h2>
          <table className="w-full border-collapse text-left text-[10pt]">
            <thead>
              <tr className="border-b border-zinc-400">
                {CELLS.map((c) => (
                  <th key={c} scope="col" className="px-1.5 py-0.5 font-semibold">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {g.records.map((r) => (
                <tr
                  key={r.key}
                  data-testid="print-row"
                  data-ip={r.ip}
                  className="break-inside-avoid border-b border-zinc-200"
                >
                  <td className="px-1.5 py-0.5 font-mono">{ipText(r)}</td>
                  <td className="px-1.5 py-0.5">{cell(r.service)}</td>
                  <td className="px-1.5 py-0.5">{cell(r.namespace)}</td>
                  <td className="px-1.5 py-0.5">{cell(r.type)}</td>
                  <td className="px-1.5 py-0.5">{cell(r.notes)}</td>
                  <td className="px-1.5 py-0.5">{r.status}</td>
                  <td className="px-1.5 py-0.5 font-mono">{cell(r.announcer)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}
