// Printed lines → the blocks they were set from. A line goes on into the next when it reaches the
// column's right edge and the next one starts where its paragraph's lines start (a wrapped line,
// also across a page end); an indented line opens a paragraph, as does one after a wider gap.
// Lines larger than the text are titles (one title over several lines is one block); lines whose
// cells line up are a table; lines opening with a bullet are a list. The 送 line of the
// 版记 hangs: its recipient groups start under the first one, one group a line unless it wraps.

import { IMPORT_NOTES } from '../../messages/import.ts';
import { type Block, escapeLineStart, escapeMarkdownText, paragraphBlock } from '../blocks.ts';
import { endsSentence, type Note } from '../text-tools.ts';
import { type Cell, dominantSize, type Line } from './lines.ts';

/** Above this share of the text's size a line is a title, from DEPTH_1 on an article's title. */
const HEADING = 1.15;
const DEPTH_1 = 1.35;
/** A line ending this many characters or fewer short of the right edge reaches it. */
const EDGE_SLACK = 2;
/** Starts within this many characters of each other are at the same place. */
const ALIGNED = 0.6;
/** A gap between lines over this many times the usual one separates paragraphs. */
const PARAGRAPH_GAP = 1.4;
const BULLET = /^[●•▪■◆◇○◦]\s*/;
/** The 版记's labels: a line opening with one hangs (送：), and none of them is a table row. */
const HANGING_LABEL = /^(?:抄\s*送|送|报|发)[:\uFF1A]/;
const END_MATTER_LABEL = /^(?:抄\s*送|送|报|发|责任编辑|联系方式|联系电话|批准文号|印发)[\s\u3000]*[:\uFF1A]/;

interface Column {
  /** The size of the text, most of the characters. */
  size: number;
  left: number;
  right: number;
  /** The usual distance between two lines of the text. */
  pitch: number;
}

/** The leftmost place where at least two lines start (one line further out may be a stray). */
function leftEdge(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const shared = [...counts].filter(([, n]) => n >= 2).map(([v]) => v);
  return Math.min(...(shared.length > 0 ? shared : values));
}

function median(values: number[]): number | undefined {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? undefined : sorted[Math.floor(sorted.length / 2)];
}

/** Where the text column is, from the lines set in the text's size. */
function measureColumn(lines: readonly Line[]): Column {
  const size = dominantSize(lines.map((l) => ({ text: l.text, size: l.size })));
  const text = lines.filter((l) => Math.abs(l.size - size) < 0.5);
  const steps = text.slice(1).flatMap((l, i) => {
    const step = text[i]!.y - l.y;
    return text[i]!.page === l.page && step > 0.8 * size && step < 3 * size ? [step] : [];
  });
  return {
    size,
    left: leftEdge(text.map((l) => Math.round(l.left))),
    right: Math.max(...text.map((l) => l.right)),
    pitch: median(steps) ?? 1.5 * size,
  };
}

const isHeading = (line: Line, column: Column) => line.size >= HEADING * column.size;
const isBullet = (line: Line) => BULLET.test(line.text);

/** A table's row: cells apart by wide gaps, or (for a table set tight) pieces apart by spaces. */
type Split = (line: Line) => Cell[];
const SPLITS: Split[] = [(line) => line.cells, (line) => line.pieces];

const isRow = (line: Line) => line.cells.length >= 2 && !END_MATTER_LABEL.test(line.text);

/** Rows of one table: as many cells each, the second and later starting at the same places (a heading row may centre the first). */
const sameColumns = (split: Split, a: Line, b: Line) =>
  split(a).length >= 2 &&
  split(a).length === split(b).length &&
  split(a).every((cell, i) => i === 0 || Math.abs(cell.left - split(b)[i]!.left) <= a.size) &&
  ![a, b].some((line) => END_MATTER_LABEL.test(line.text) || isBullet(line));

/** The rows of a table starting at runs[i], split into cells, if two or more lines there make one. */
function tableAt(runs: readonly Run[], i: number): { rows: Line[]; split: Split } | undefined {
  const first = runs[i]!.lines[0]!;
  for (const split of SPLITS) {
    const rows: Line[] = [];
    for (let k = i; k < runs.length && runs[k]!.lines.length === 1 && sameColumns(split, first, runs[k]!.lines[0]!); k++) rows.push(runs[k]!.lines[0]!);
    if (rows.length >= 2) return { rows, split };
  }
  return undefined;
}

/** Set in the middle of the column: clearly in from the left, about as far in as from the right. */
function isCentred(line: Line, column: Column): boolean {
  const inLeft = line.left - column.left;
  const inRight = column.right - line.right;
  return inLeft > 2.5 * line.size && Math.abs(inLeft - inRight) <= 1.5 * line.size;
}

/** The halves of a wrapped line meet as they are, except two words of Latin letters or digits. */
function joinText(before: string, after: string): string {
  return /[A-Za-z0-9]$/.test(before) && /^[A-Za-z0-9]/.test(after) ? `${before} ${after}` : before + after;
}

/** Lines that make one block, and where its wrapped lines start. */
interface Run {
  lines: Line[];
  continuationLeft: number;
  /** In the 送 list: where its recipient groups start. */
  hanging?: number;
}

function follows(previous: Line, next: Line, column: Column, isLastOnPage: boolean, isFirstOnPage: boolean): boolean {
  if (next.page === previous.page) return previous.y - next.y <= PARAGRAPH_GAP * column.pitch * (next.size / column.size);
  return next.page === previous.page + 1 && isLastOnPage && isFirstOnPage;
}

/** Groups the lines into runs, each the lines of one paragraph, title, list item or table row. */
/** The next line stands at the top of the next page or column. */
const isBreak = (previous: Line, next: Line) => next.page !== previous.page || next.y > previous.y;

/** Whether a break between two lines is a column's end, not a page's. */
const sameColumn = (previous: Line, next: Line) => next.page === previous.page;

/**
 * Groups the lines into runs, each the lines of one paragraph, title, list item or table row.
 * Where a page or column ends, what the joiner was not sure of is noted: a join after a line
 * that ends a sentence, and a split after one that does not.
 */
function runsOf(pages: readonly Line[][], column: Column, notes: Note[]): Run[] {
  const runs: Run[] = [];
  pages.forEach((lines) =>
    lines.forEach((line, i) => {
      const run = runs.at(-1);
      const previous = run?.lines.at(-1);
      const start = () => {
        const label = HANGING_LABEL.exec(line.text);
        // The 送 line's groups, and their wrapped lines, start after its label; a paragraph's wrapped lines at the column's edge.
        const hangs = run?.hanging !== undefined && Math.abs(line.left - run.hanging) <= ALIGNED * line.size;
        const hanging = label ? line.left + label[0].length * line.size : hangs ? run!.hanging : undefined;
        runs.push({ lines: [line], continuationLeft: hanging ?? Math.min(column.left, line.left), hanging });
      };
      if (!run || !previous) return start();
      const pageOfPrevious = pages.find((p) => p.includes(previous))!;
      const adjacent = follows(previous, line, column, pageOfPrevious.at(-1) === previous, i === 0);
      const sameSize = Math.abs(previous.size - line.size) <= 0.1 * line.size;
      // The 版记's labels (送：, 抄送：) open a block of their own.
      if (!adjacent || !sameSize || isRow(previous) || isRow(line) || isBullet(line) || END_MATTER_LABEL.test(line.text)) return start();
      if (isHeading(line, column)) return line.page === previous.page ? run.lines.push(line) : start();
      const reachesEdge = (previous.edge ?? column.right) - previous.right <= EDGE_SLACK * previous.size;
      const startsAtEdge = Math.abs(line.left - run.continuationLeft) <= ALIGNED * line.size;
      const bulletText = isBullet(run.lines[0]!) && line.left > run.lines[0]!.left;
      if (reachesEdge && (startsAtEdge || bulletText)) {
        if (isBreak(previous, line) && endsSentence(previous.text)) {
          notes.push({
            line: previous.page,
            message: IMPORT_NOTES.joinedAcrossBreak(sameColumn(previous, line), previous.text, line.text),
          });
        }
        return run.lines.push(line);
      }
      if (reachesEdge && isBreak(previous, line) && !endsSentence(previous.text) && !isHeading(previous, column) && !isRow(previous)) {
        notes.push({
          line: previous.page,
          message: IMPORT_NOTES.splitAcrossBreak(sameColumn(previous, line), previous.text, line.text),
        });
      }
      start();
    }),
  );
  return runs;
}

const cellMarkdown = (text: string) => escapeMarkdownText(text).replace(/\|/g, '\\|');

function tableBlock({ rows, split }: { rows: Line[]; split: Split }): Block {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const [head, ...body] = rows.map((r) => split(r).map((c) => cellMarkdown(c.text)));
  const markdown = [line(head!), line(head!.map(() => '---')), ...body.map(line)].join('\n');
  return {
    kind: 'table',
    text: rows
      .map((r) =>
        split(r)
          .map((c) => c.text)
          .join(' '),
      )
      .join(' '),
    markdown,
    line: rows[0]!.page,
  };
}

function listBlock(items: Run[]): Block {
  const texts = items.map((item) =>
    item.lines
      .map((l) => l.text)
      .reduce(joinText)
      .replace(BULLET, ''),
  );
  return { kind: 'list', text: texts.join(' '), markdown: texts.map((t) => `- ${escapeMarkdownText(t)}`).join('\n'), line: items[0]!.lines[0]!.page };
}

function runBlock(run: Run, column: Column): Block {
  const first = run.lines[0]!;
  const text = run.lines.map((l) => l.text).reduce(joinText);
  if (isHeading(first, column)) {
    const depth = first.size >= DEPTH_1 * column.size ? 1 : 2;
    return { kind: 'heading', depth, text, markdown: escapeLineStart(escapeMarkdownText(text)), line: first.page };
  }
  const block = paragraphBlock(text, first.page);
  if (run.lines.length === 1 && isCentred(first, column)) block.centred = true;
  return block;
}

/** The lines of a document's pages (furniture dropped) → its blocks, each numbered by its page. */
export function linesToBlocks(pages: readonly Line[][], notes: Note[] = []): Block[] {
  const all = pages.flat();
  if (all.length === 0) return [];
  const column = measureColumn(all);
  const runs = runsOf(pages, column, notes);
  const blocks: Block[] = [];
  for (let i = 0; i < runs.length; ) {
    const run = runs[i]!;
    const table = tableAt(runs, i);
    if (table) {
      blocks.push(tableBlock(table));
      i += table.rows.length;
      continue;
    }
    const items = [];
    for (let k = i; k < runs.length && isBullet(runs[k]!.lines[0]!); k++) items.push(runs[k]!);
    if (items.length > 0) {
      blocks.push(listBlock(items));
      i += items.length;
      continue;
    }
    blocks.push(runBlock(run, column));
    i++;
  }
  return blocks;
}
