// Layouts the importer cannot read with confidence, found before any text is read from them:
// pages set in two or more columns (their lines, read across, would interleave the columns),
// and pages with rotated text (a vertical column, a turned table). Such a file is refused with
// the pages named, rather than imported with its text out of order.
import type { PdfPage } from './extract.ts';
import type { Line } from './lines.ts';

/** A column gutter lies in the middle of the page: between these shares of its width. */
const GUTTER_FROM = 0.3;
const GUTTER_TO = 0.7;
/** Lines split at one gutter, at least this many and this share of the page's lines. */
const MIN_SPLIT_LINES = 6;
const MIN_SPLIT_SHARE = 0.4;
/** Text lines of a column end together (justified); a table's cells do not. */
const ALIGNED_ENDS = 2;
/** A column's lines hold running text: at least this many characters left of the gutter on most of them. */
const MIN_COLUMN_TEXT = 8;
/** This many characters of rotated text on a page is text, not a stamp. */
const MIN_ROTATED_TEXT = 10;

/** Where a line's cells leave a gap: [left cell's end, right cell's start, the left cell's text]. */
function gapsOf(line: Line): [number, number, string][] {
  return line.cells.slice(1).map((cell, i) => [line.cells[i]!.right, cell.left, line.cells[i]!.text]);
}

/** True when many of the page's lines split at one place in its middle, their left halves ending together: text in columns. */
export function isInColumns(lines: readonly Line[], width: number): boolean {
  const gaps = lines.flatMap((line) => gapsOf(line).filter(([end, start]) => start > GUTTER_FROM * width && end < GUTTER_TO * width));
  for (const [, start] of gaps) {
    // The lines split at this gap's right side (the right column's start), and what ends left of it.
    const split = gaps.filter(([end, other]) => end < start && other >= start - 1);
    if (split.length < MIN_SPLIT_LINES || split.length < MIN_SPLIT_SHARE * lines.length) continue;
    const size = lines[0]?.size ?? 12;
    const edge = Math.max(...split.map(([end]) => end));
    const aligned = split.filter(([end, , text]) => edge - end <= ALIGNED_ENDS * size && [...text].length >= MIN_COLUMN_TEXT);
    if (aligned.length * 2 > split.length) return true;
  }
  return false;
}

export type LayoutProblem = { kind: 'columns' | 'rotated'; pages: number[] } | undefined;

/** The first kind of layout that cannot be read, with the pages it is on. */
export function unreadableLayout(pages: readonly PdfPage[], lines: readonly Line[][]): LayoutProblem {
  const rotated = pages.filter((p) => p.rotatedCharacters >= MIN_ROTATED_TEXT).map((p) => p.number);
  if (rotated.length > 0) return { kind: 'rotated', pages: rotated };
  const columns = pages.filter((p, i) => isInColumns(lines[i]!, p.width)).map((p) => p.number);
  if (columns.length > 0) return { kind: 'columns', pages: columns };
  return undefined;
}
