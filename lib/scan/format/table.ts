// Plain text columns, as kubectl prints them (`lbipam scan` and `lbipam plan`). Widths by a loop, not
// Math.max(...rows): a spread of 100k rows overflows the stack.
export function columns(rows: string[][]): string {
  if (rows.length === 0) return '';
  const widths = rows[0].map(() => 0);
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i], c.length)));
  return rows
    .map((r) =>
      r
        .map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i])))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
