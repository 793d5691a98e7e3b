// Layouts of a PDF page, found before any text is read from it: pages set in two columns, which
// are read left column first (columns.ts), and the layouts the importer cannot read with
// confidence: three or more columns, and rotated text (a vertical column, a turned table). Such a
// file is refused with the pages named, rather than imported with its text out of order.
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

/** A gutter is at least this many characters wide. */
const MIN_GUTTER = 0.8;
/** Where a line's cells leave a gap: [left cell's end, right cell's start, the left cell's text]. */
function gapsOf(line: Line): [number, number, string][] {
  // Pieces, not cells: a gutter narrower than a cell's gap (1.5 characters) still parts the columns.
  const gaps: [number, number, string][] = [];
  let text = line.pieces[0]?.text ?? '';
  line.pieces.slice(1).forEach((piece, i) => {
    const before = line.pieces[i]!;
    if (piece.left - before.right >= MIN_GUTTER * line.size) {
      gaps.push([before.right, piece.left, text]);
      text = piece.text;
    } else text += piece.text;
  });
  return gaps;
}

/**
 * Where the page's columns start, left to right after the first: the gutters at which many of its
 * lines split, their left halves ending together (text in columns). Empty for a page in one column.
 */
export function columnStarts(lines: readonly Line[], width: number, from = GUTTER_FROM, to = GUTTER_TO): number[] {
  const gaps = lines.flatMap((line) => gapsOf(line).filter(([end, start]) => start > from * width && end < to * width));
  const size = lines[0]?.size ?? 12;
  const starts: number[] = [];
  for (const [, start] of gaps) {
    if (starts.some((s) => Math.abs(s - start) <= size)) continue;
    // The lines split at this gap's right side (the right column's start), and what ends left of it.
    const split = gaps.filter(([end, other]) => end < start && other >= start - 1 && other <= start + size);
    if (split.length < MIN_SPLIT_LINES || split.length < MIN_SPLIT_SHARE * lines.length) continue;
    const edge = Math.max(...split.map(([end]) => end));
    const aligned = split.filter(([end, , text]) => edge - end <= ALIGNED_ENDS * size && [...text].length >= MIN_COLUMN_TEXT);
    if (aligned.length * 2 > split.length) starts.push(Math.min(...split.map(([, other]) => other)));
  }
  return starts.sort((a, b) => a - b);
}

/** Gutters of narrow columns lie this far out (four columns and more). */
const NARROW_FROM = 0.15;
const NARROW_TO = 0.85;

/** How many gutters the page has: none, one (two columns), or more, gutters of narrow columns counted too. */
function gutters(lines: readonly Line[], width: number): number {
  const middle = columnStarts(lines, width).length;
  return middle === 0 ? 0 : Math.max(middle, columnStarts(lines, width, NARROW_FROM, NARROW_TO).length);
}

/** True when the page is set in columns (two or more). */
export function isInColumns(lines: readonly Line[], width: number): boolean {
  return columnStarts(lines, width).length > 0;
}

export type LayoutProblem = { kind: 'columns' | 'rotated'; pages: number[] } | undefined;

/** Where the right column of each page in two columns starts (pages in one column are left out). */
export function twoColumnPages(pages: readonly PdfPage[], lines: readonly Line[][]): Map<number, number> {
  const found = new Map<number, number>();
  pages.forEach((page, i) => {
    const starts = columnStarts(lines[i]!, page.width);
    if (starts.length === 1 && gutters(lines[i]!, page.width) === 1) found.set(page.number, starts[0]!);
  });
  return found;
}

/** The first kind of layout that cannot be read, with the pages it is on. */
export function unreadableLayout(pages: readonly PdfPage[], lines: readonly Line[][]): LayoutProblem {
  const rotated = pages.filter((p) => p.rotatedCharacters >= MIN_ROTATED_TEXT).map((p) => p.number);
  if (rotated.length > 0) return { kind: 'rotated', pages: rotated };
  // Two columns are read, left then right; three or more are not read with confidence.
  const columns = pages.filter((p, i) => gutters(lines[i]!, p.width) > 1).map((p) => p.number);
  if (columns.length > 0) return { kind: 'columns', pages: columns };
  return undefined;
}
