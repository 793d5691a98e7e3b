// A page set in two columns → its lines in reading order: what stands above or below the columns
// (the masthead, a title, the 版记) where it stands, and the text in columns read left column
// first, then right (a title across both columns in between parts them). The right column's
// lines are moved onto the left one's place, so that the paragraph joiner sees one column: a line
// that reaches its column's edge goes on at the top of the next column as on the next page.
import type { Cell, Line } from './lines.ts';

/** A line crosses the gutter when one of its cells runs over the right column's start by this many points. */
const OVER = 1;
/** A line of a column ends at its edge, or the next column's line starts at its start, within this share of the size. */
const AT_EDGE = 0.5;
/** A paragraph's first line is indented by up to this many characters. */
const INDENT = 2.5;
/** A line after the last one in both columns goes on in the left column when it follows within this many lines' distance. */
const NEXT_LINE = 1.5;
/** The 版记's labels, under the columns across the page. */
const END_MATTER = /^(?:抄\s*送|送|报|发|责任编辑|联系方式|联系电话|批准文号|印发)[\s\u3000]*[:\uFF1A]/;

const crosses = (line: Line, start: number) => line.cells.some((c) => c.left < start - OVER && c.right > start + OVER);

/**
 * The line with a cell that runs over the gutter split there, where its pieces part at it (a
 * narrow gutter, or a closing quote's wide glyph, leaves less than a cell's gap between columns).
 */
function splitAtGutter(line: Line, start: number): Line {
  if (!crosses(line, start)) return line;
  const cells = line.cells.flatMap((cell): Cell[] => {
    if (!(cell.left < start - OVER && cell.right > start + OVER)) return [cell];
    const pieces = line.pieces.filter((p) => p.left >= cell.left - OVER && p.right <= cell.right + OVER);
    const left = pieces.filter((p) => p.right <= start);
    const right = pieces.filter((p) => p.left >= start - OVER);
    if (left.length === 0 || right.length === 0 || left.length + right.length !== pieces.length) return [cell];
    const join = (ps: Cell[]): Cell => ({ text: ps.map((p) => p.text).join(' '), left: ps[0]!.left, right: ps.at(-1)!.right, size: cell.size });
    return [join(left), join(right)];
  });
  return cells.length === line.cells.length ? line : { ...line, cells };
}

/** The part of a line on one side of the gutter, moved left by `shift`, or nothing. */
function part(line: Line, keep: (c: Cell) => boolean, shift: number): Line | undefined {
  const move = (c: Cell) => ({ ...c, left: c.left - shift, right: c.right - shift });
  const cells = line.cells.filter(keep).map(move);
  if (cells.length === 0) return undefined;
  const pieces = line.pieces.filter(keep).map(move);
  // A part set in another size than the rest of its line (a title in one column, text in the other) has its own.
  const longest = [...cells].sort((a, b) => b.text.length - a.text.length)[0]!;
  const size = longest.size === undefined ? line.size : Math.round(longest.size * 2) / 2;
  return { ...line, text: cells.map((c) => c.text).join('\u3000'), cells, pieces, left: cells[0]!.left, right: cells.at(-1)!.right, size };
}

/** The most common of the values, rounded to a point. */
function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values.map(Math.round)) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 0;
}

export interface ColumnReading {
  lines: Line[];
  /** Lines under both columns taken for the left column's last ones (the right column ended first): to be checked. */
  trailing: Line[];
  /** Where the left column's lines end. */
  leftEnd?: number;
  /** Lines of the left column alone, given the other pages' column edge (`leftEnd`): to be checked. */
  borrowed?: boolean;
}

/** The lines of a page in two columns, whose right column starts at `start`, in reading order. */
export function readColumns(read: readonly Line[], start: number, documentLeftEnd?: number): ColumnReading {
  const lines = read.map((line) => splitAtGutter(line, start));
  const isLeft = (c: Cell) => c.right <= start;
  const isRight = (c: Cell) => !isLeft(c);
  const size = lines[0]?.size ?? 12;
  const split = lines.filter((l) => !crosses(l, start) && l.cells.some(isLeft) && l.cells.some(isRight));
  const leftEnd = mode(split.map((l) => l.cells.filter(isLeft).at(-1)!.right));
  // A line in both columns: its left part ends at the left column's edge, or its right part starts at the right column's start (or indented from it).
  const inBoth = (l: Line) => {
    if (!split.includes(l)) return false;
    const indent = l.cells.find(isRight)!.left - start;
    return Math.abs(l.cells.filter(isLeft).at(-1)!.right - leftEnd) <= AT_EDGE * l.size || (indent >= -AT_EDGE * l.size && indent <= INDENT * l.size);
  };
  let first = lines.findIndex(inBoth);
  let last = lines.length - 1 - [...lines].reverse().findIndex(inBoth);
  if (first < 0) {
    // No line in both columns (a page with a few lines in the left one only): the lines that fit in the left column end at its edge.
    if (documentLeftEnd === undefined) return { lines: [...lines], trailing: [] };
    const fits = (l: Line) => l.cells.every(isLeft) && l.right <= documentLeftEnd + OVER && !END_MATTER.test(l.text);
    if (!lines.some(fits)) return { lines: [...lines], trailing: [] };
    return { lines: lines.map((l) => (fits(l) ? { ...l, edge: documentLeftEnd } : l)), trailing: [], borrowed: true };
  }
  const pitch = first < last ? (lines[first]!.y - lines[last]!.y) / (last - first) : 1.5 * size;
  // Above the first line in both columns and below the last, the columns may go on in lines of
  // one column each (a title in one column sets its lines off the other's): they are read with
  // them, up to a line across the page, a wide gap, or the 版记.
  const leftOnly = (l: Line) => l.cells.every(isLeft) && l.right <= leftEnd + OVER;
  const rightOnly = (l: Line) => l.cells.every(isRight) && l.left >= start - OVER;
  const inOne = (l: Line, gap: number) => (leftOnly(l) || rightOnly(l)) && gap <= NEXT_LINE * pitch && !END_MATTER.test(l.text);
  while (first > 0 && inOne(lines[first - 1]!, lines[first - 1]!.y - lines[first]!.y) && !leftOnly(lines[first - 1]!)) first--;
  const below: Line[] = [];
  while (last + 1 < lines.length && inOne(lines[last + 1]!, lines[last]!.y - lines[last + 1]!.y)) below.push(lines[++last]!);
  // Lines of the left column alone under the right one's last: they may be the left column's, or a paragraph across the page.
  const trailing = below.some(rightOnly) ? [] : below;
  const inColumns = lines.slice(first, last + 1).filter((l) => !crosses(l, start));
  const lefts = inColumns.flatMap((l) => l.cells.filter(isLeft).map((c) => c.left));
  const rights = inColumns.flatMap((l) => l.cells.filter(isRight).map((c) => c.left));
  // Where each column's lines start: the right column is moved this far left onto the left one.
  const shift = rights.length > 0 && lefts.length > 0 ? Math.min(...rights) - Math.min(...lefts) : 0;
  // Columns are as wide as each other: the right one's edge is the left one's, unless its lines run further.
  const rightEdge = Math.max(leftEnd, Math.max(...split.map((l) => l.cells.filter(isRight).at(-1)!.right)) - shift);
  const out: Line[] = lines.slice(0, first);
  let band: Line[] = [];
  const flush = () => {
    const left = band.flatMap((l) => part(l, isLeft, 0) ?? []);
    const right = band.flatMap((l) => part(l, isRight, shift) ?? []);
    out.push(...left.map((l) => ({ ...l, edge: leftEnd })), ...right.map((l) => ({ ...l, edge: rightEdge })));
    band = [];
  };
  for (const line of lines.slice(first, last + 1)) {
    if (crosses(line, start)) {
      flush();
      out.push(line);
    } else band.push(line);
  }
  flush();
  out.push(...lines.slice(last + 1));
  return { lines: out, trailing, leftEnd };
}
