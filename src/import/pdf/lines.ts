// Runs of text on a PDF page → its printed lines, top to bottom: runs on one baseline make a line,
// and a wide gap inside a line (the masthead's 编印单位 and date, the cells of a table row)
// splits it into cells.
import { HAN } from '../../text/han.ts';
import type { PdfPage, TextRun } from './extract.ts';

export interface Cell {
  text: string;
  left: number;
  right: number;
  /** The size its text is set in (the largest of its runs). */
  size?: number;
}

export interface Line {
  page: number;
  /** The cells' text, joined by a full-width space. */
  text: string;
  /** Parts of the line apart by a wide gap: the masthead's 编印单位 and date, a table's cells. */
  cells: Cell[];
  /** Parts of the line apart by any space: the cells of a table set with narrow gaps, among others. */
  pieces: Cell[];
  left: number;
  right: number;
  /** Baseline, in points from the bottom of the page. */
  y: number;
  size: number;
  /** The right edge of the column the line stands in, on a page set in columns. */
  edge?: number;
}

/** A gap this many characters wide separates cells; a narrower one that is not nothing is a space. */
const CELL_GAP = 1.5;
const SPACE_GAP = 0.25;
/** Runs whose baselines differ by less than this share of their size stand on one line. */
const SAME_LINE = 0.35;

/** CJK radical forms that stand for a whole character (Unicode's EquivalentUnifiedIdeograph.txt). */
const RADICAL_FORMS =
  '⺁厂⺇几⺊卜⺎兀⺐尢⺒巳⺓幺⺜日⺝月⺟母⺠民⺩王⺪疋⺬示⺮竹⺶羊⺻聿⺼肉⺽臼⻁虎⻄西⻅见⻆角⻉贝⻊足⻋车⻑長⻓长⻔门⻗雨⻘青⻙韦⻚页⻛风⻜飞⻝食⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻬齐⻮齿⻯竜⻰龙⻳龟';
const RADICALS = new Map([...RADICAL_FORMS.matchAll(/(.)(.)/gu)].map(([, form, character]) => [form!, character!]));

/**
 * Characters as fonts map them, → the ones the text means: radicals and CJK compatibility
 * ideographs for the same-looking unified ideographs (a font's glyph for 人 often maps to ⼈,
 * the one for 民 to ⺠), the horizontal bar (―) for the dash (—), and no-break spaces for spaces.
 */
function normaliseCharacters(text: string): string {
  return text
    .replace(/[\u2f00-\u2fdf\uf900-\ufaff]/g, (c) => c.normalize('NFKC'))
    .replace(/[\u2e80-\u2eff]/g, (c) => RADICALS.get(c) ?? c)
    .replace(/\u2015/g, '\u2014')
    .replace(/\u00a0/g, ' ');
}

const isBlank = (text: string) => text.trim() === '';

/**
 * A gap narrower than this share of the size between a Han character and a digit or Latin letter
 * is the typesetter's spacing (a font change, a justified line), not a space in the text: pdf.js
 * reports it as a space, which the original did not have (2019 年 3 月 → 2019年3月).
 */
const HAN_LATIN_GAP = 0.5;
const HAN_END = new RegExp(`[${HAN}]$`, 'u');
const HAN_START = new RegExp(`^[${HAN}]`, 'u');
const LATIN_END = /[A-Za-z0-9%]$/;
const LATIN_START = /^[A-Za-z0-9]/;

/** Han next to a digit or Latin letter, either way round. */
const meetsHanLatin = (before: string, after: string) => (HAN_END.test(before) && LATIN_START.test(after)) || (LATIN_END.test(before) && HAN_START.test(after));

/** Han and CJK punctuation; and with them, the punctuation Chinese text also sets (“”‘’…—·, and ASCII , . ; : ! ? ( )), and digits (2019 年 → 2019年, as the Han–digit gap). */
const CJK = `${HAN}\u3000-\u303f\uff00-\uffef`;
const NEAR_CJK = `${CJK}\u2010-\u2027\u00b7,.;:!?()0-9%`;
/** A space with Han or CJK punctuation on one side, and it or punctuation on the other. */
const SPREAD_SPACE = new RegExp(`(?<=[${CJK}]) (?=[${NEAR_CJK}])|(?<=[${NEAR_CJK}]) (?=[${CJK}])`, 'gu');
/** A run this many sizes wide a character, or less, is set solid (perhaps spread to justify it), not spaced. */
const SOLID_ADVANCE = 1.3;

/**
 * The single spaces pdf.js puts between the characters of a run spread out to justify a line (a
 * paragraph's last line in a column, justified by the typesetter), which the text did not have:
 * a space between every two characters (or numbers) of the run, as a text's own spaces never are
 * ("石 韧 吴静波").
 */
function closeSpreadHan(text: string, run: TextRun, size: number): string {
  const characters = [...text.replace(/\s/g, '')];
  // Apart one by one: each character, or a number (pdf.js keeps a number's digits together).
  const parts = text.trim().split(' ');
  const spread = parts.length >= 2 && parts.every((p) => [...p].length === 1 || /^[0-9A-Za-z.%]+$/.test(p));
  return spread && run.width / characters.length <= SOLID_ADVANCE * size ? text.replace(SPREAD_SPACE, '') : text;
}

/** A blank run narrower than this share of the size, between Han characters, is pdf.js's mark of spread text, not a space. */
const SPREAD_BLANK = 0.2;
const [CJK_END, NEAR_CJK_END] = [CJK, NEAR_CJK].map((set) => new RegExp(`[${set}]$`, 'u')) as [RegExp, RegExp];
const [CJK_START, NEAR_CJK_START] = [CJK, NEAR_CJK].map((set) => new RegExp(`^[${set}]`, 'u')) as [RegExp, RegExp];
const meetsCjk = (before: string, after: string) =>
  (CJK_END.test(before) && NEAR_CJK_START.test(after)) || (NEAR_CJK_END.test(before) && CJK_START.test(after));

/** The runs of one line, left to right, → its pieces: text between spaces or gaps. */
function piecesOf(runs: TextRun[], size: number): Cell[] {
  const pieces: Cell[] = [];
  let current: Cell | undefined;
  let spaced = false;
  /** The width of the blank runs since the last text, when no text of theirs was a space of its own. */
  let blank = 0;
  for (const run of [...runs].sort((a, b) => a.x - b.x)) {
    if (isBlank(run.text)) {
      spaced = true;
      blank += run.width;
      continue;
    }
    const text = closeSpreadHan(normaliseCharacters(run.text), run, size);
    const gap = current ? run.x - current.right : 0;
    // pdf.js's own space between Han and Latin, narrower than a real one, goes.
    const typesetterSpacing = current !== undefined && gap < HAN_LATIN_GAP * size && meetsHanLatin(current.text, text);
    // Han set apart by less than a space, a blank run or not, is a line spread to justify it.
    const spread = current !== undefined && gap < HAN_LATIN_GAP * size && blank < SPREAD_BLANK * size && meetsCjk(current.text, text);
    const apart = !current || (!typesetterSpacing && !spread && (spaced || gap >= SPACE_GAP * size)) || /^\s/.test(text) || /\s$/.test(current.text);
    if (apart) {
      current = { text, left: run.x, right: run.x + run.width, size: run.size };
      pieces.push(current);
    } else {
      current!.text += text;
      current!.right = Math.max(current!.right, run.x + run.width);
      current!.size = Math.max(current!.size ?? 0, run.size);
    }
    spaced = /\s$/.test(text);
    blank = 0;
  }
  return pieces.map((p) => ({ ...p, text: p.text.replace(/\s+/g, ' ').trim() })).filter((p) => p.text !== '');
}

/** Pieces → cells: pieces closer than a wide gap make one cell, a space between them. */
function cellsOf(pieces: readonly Cell[], size: number): Cell[] {
  const cells: Cell[] = [];
  for (const piece of pieces) {
    const last = cells.at(-1);
    if (last && piece.left - last.right < CELL_GAP * size) {
      last.text += ` ${piece.text}`;
      last.right = piece.right;
      last.size = Math.max(last.size ?? 0, piece.size ?? 0);
    } else {
      cells.push({ ...piece });
    }
  }
  return cells;
}

/** The page's lines, top to bottom. */
export function pageLines(page: PdfPage): Line[] {
  const runs = [...page.runs].sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: TextRun[][] = [];
  for (const run of runs) {
    const group = groups.at(-1);
    const size = Math.max(run.size, group?.[0]?.size ?? 0);
    if (group && Math.abs(group[0]!.y - run.y) <= SAME_LINE * size) group.push(run);
    else groups.push([run]);
  }
  return groups.flatMap((group): Line[] => {
    const size = dominantSize(group);
    const pieces = piecesOf(group, size);
    if (pieces.length === 0) return [];
    const cells = cellsOf(pieces, size);
    const y = group.find((r) => r.size === size)?.y ?? group[0]!.y;
    const text = cells.map((c) => c.text).join('\u3000');
    return [{ page: page.number, text, cells, pieces, left: cells[0]!.left, right: cells.at(-1)!.right, y, size }];
  });
}

/** The size most of the text is set in (by characters), rounded to half a point. */
export function dominantSize(runs: readonly { text: string; size: number }[]): number {
  const chars = new Map<number, number>();
  for (const run of runs) {
    const size = Math.round(run.size * 2) / 2;
    chars.set(size, (chars.get(size) ?? 0) + run.text.replace(/\s/g, '').length);
  }
  return [...chars.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 0;
}
