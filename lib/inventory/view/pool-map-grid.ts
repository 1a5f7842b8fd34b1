// The small pool map's layout and keyboard, pure: cells in address order, cut into rows of a
// fixed width, a new row at each block; arrow keys move in that layout (ARIA grid pattern).

export interface GridRow {
  /** Index of the block group this row belongs to. */
  group: number;
  /** Index (in the flat cell list) of the row's first cell. */
  start: number;
  /** How many cells it has (the last row of a block may be short). */
  length: number;
}

export interface GridLayout<T = unknown> {
  columns: number;
  cells: T[];
  rows: GridRow[];
  /** Row of each cell, by flat index. */
  rowOf: number[];
}

/** Groups (blocks, or the canvas's sections) in order, each cut into rows of `columns` cells. */
export function gridLayout<T>(groups: readonly { cells: readonly T[] }[], columns: number): GridLayout<T> {
  const cols = Math.max(1, Math.floor(columns));
  const cells: T[] = [];
  const rows: GridRow[] = [];
  const rowOf: number[] = [];
  groups.forEach((g, gi) => {
    for (let i = 0; i < g.cells.length; i += cols) {
      const length = Math.min(cols, g.cells.length - i);
      rows.push({ group: gi, start: cells.length, length });
      for (let k = 0; k < length; k++) {
        rowOf.push(rows.length - 1);
        cells.push(g.cells[i + k]);
      }
    }
  });
  return { columns: cols, cells, rows, rowOf };
}

export type GridKey =
  'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'Home' | 'End' | 'PageUp' | 'PageDown';

export const isGridKey = (k: string): k is GridKey =>
  ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown'].includes(k);

/** Rows PageUp/PageDown move by. */
const PAGE_ROWS = 8;

/**
 * Where focus goes from cell `index`: left/right by one address (wrapping across rows, as reading
 * order does), up/down by a row to the same column (or the shorter row's last cell), Home/End to
 * the row's ends, Ctrl+Home/End to the map's ends. Stays put at the edges.
 */
export function moveInGrid(layout: GridLayout<unknown>, index: number, key: GridKey, ctrl = false): number {
  const n = layout.cells.length;
  if (n === 0) return -1;
  const i = Math.min(Math.max(index, 0), n - 1);
  const r = layout.rowOf[i];
  const row = layout.rows[r];
  const col = i - row.start;
  const toRow = (target: number) => {
    const t = layout.rows[Math.min(Math.max(target, 0), layout.rows.length - 1)];
    return t.start + Math.min(col, t.length - 1);
  };
  switch (key) {
    case 'ArrowLeft':
      return Math.max(0, i - 1);
    case 'ArrowRight':
      return Math.min(n - 1, i + 1);
    case 'ArrowUp':
      return r === 0 ? i : toRow(r - 1);
    case 'ArrowDown':
      return r === layout.rows.length - 1 ? i : toRow(r + 1);
    case 'PageUp':
      return toRow(r - PAGE_ROWS);
    case 'PageDown':
      return toRow(r + PAGE_ROWS);
    case 'Home':
      return ctrl ? 0 : row.start;
    case 'End':
      return ctrl ? n - 1 : row.start + row.length - 1;
  }
}
