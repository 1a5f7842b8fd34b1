// What a table cell shows of text that comes from the cluster (annotations, names): capped, with
// invisible and direction-changing characters made visible, so a 200 KB note cannot stretch the
// table and a display name with U+202E cannot render "evil" as "live". The full text stays
// available (the cell's title and the IP page). Components also isolate it (<bdi>), so a
// right-to-left name cannot reorder the cells around it.

/** Code points shown as ⟨U+XXXX⟩: C0/C1 controls, DEL, bidi controls, zero-width and BOM. */
const INVISIBLE =
  /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/gu;

const marker = (ch: string) => `⟨U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}⟩`;

/** The text with every invisible or direction-changing character shown as ⟨U+XXXX⟩. */
export const visibleChars = (text: string): string => text.replace(INVISIBLE, marker);

/** A cell shows this many characters at most. */
export const CELL_MAX_CHARS = 120;

export interface CellText {
  shown: string;
  /** The whole text (made visible), when the cell shows less or shows it changed; else null. */
  full: string | null;
  truncated: boolean;
}

export function cellText(text: string, max = CELL_MAX_CHARS): CellText {
  const visible = visibleChars(text);
  // By code points, so a cut never splits a surrogate pair.
  const points = Array.from(visible);
  const truncated = points.length > max;
  const shown = truncated ? `${points.slice(0, max - 1).join('')}…` : visible;
  return { shown, full: truncated || visible !== text ? visible : null, truncated };
}
