// Runs of text on a PDF page → its printed lines, top to bottom: runs on one baseline make a line,
// and a wide gap inside a line (the masthead's 编印单位 and date, the cells of a table row)
// splits it into cells.
import type { PdfPage, TextRun } from './extract.ts';

export interface Cell {
  text: string;
  left: number;
  right: number;
}

export interface Line {
  page: number;
  /** The cells' text, joined by a full-width space. */
  text: string;
  cells: Cell[];
  left: number;
  right: number;
  /** Baseline, in points from the bottom of the page. */
  y: number;
  size: number;
}

/** A gap this many characters wide separates cells; a narrower one that is not nothing is a space. */
const CELL_GAP = 1.5;
const SPACE_GAP = 0.25;
/** Runs whose baselines differ by less than this share of their size stand on one line. */
const SAME_LINE = 0.35;

/** CJK radical forms that stand for a whole character (Unicode's EquivalentUnifiedIdeograph.txt). */
const RADICAL_FORMS = '⺁厂⺇几⺊卜⺎兀⺐尢⺒巳⺓幺⺜日⺝月⺟母⺠民⺩王⺪疋⺬示⺮竹⺶羊⺻聿⺼肉⺽臼⻁虎⻄西⻅见⻆角⻉贝⻊足⻋车⻑長⻓长⻔门⻗雨⻘青⻙韦⻚页⻛风⻜飞⻝食⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻬齐⻮齿⻯竜⻰龙⻳龟';
const RADICALS = new Map([...RADICAL_FORMS.matchAll(/(.)(.)/gu)].map(([, form, character]) => [form!, character!]));

/**
 * Characters as fonts map them, → the ones the text means: radicals and CJK compatibility
 * ideographs for the same-looking unified ideographs (a font's glyph for 人 often maps to ⼈,
 * the one for 民 to ⺠), the horizontal bar (―) for the dash (—), and no-break spaces for spaces.
 */
export function normaliseCharacters(text: string): string {
  return text
    .replace(/[\u2f00-\u2fdf\uf900-\ufaff]/g, (c) => c.normalize('NFKC'))
    .replace(/[\u2e80-\u2eff]/g, (c) => RADICALS.get(c) ?? c)
    .replace(/\u2015/g, '\u2014')
    .replace(/\u00a0/g, ' ');
}

const isBlank = (text: string) => text.trim() === '';

/** The runs of one line, left to right, → its cells. */
function cellsOf(runs: TextRun[], size: number): Cell[] {
  const cells: Cell[] = [];
  let current: Cell | undefined;
  let spaced = false;
  for (const run of [...runs].sort((a, b) => a.x - b.x)) {
    if (isBlank(run.text)) {
      spaced = true;
      continue;
    }
    const text = normaliseCharacters(run.text);
    const gap = current ? run.x - current.right : 0;
    if (!current || gap >= CELL_GAP * size) {
      current = { text: text.trimStart(), left: run.x, right: run.x + run.width };
      cells.push(current);
    } else {
      const space = spaced || gap >= SPACE_GAP * size || /^\s/.test(text) || /\s$/.test(current.text);
      current.text = `${current.text.trimEnd()}${space ? ' ' : ''}${text.trimStart()}`;
      current.right = Math.max(current.right, run.x + run.width);
    }
    spaced = /\s$/.test(text);
  }
  return cells.map((c) => ({ ...c, text: c.text.replace(/\s+/g, ' ').trim() })).filter((c) => c.text !== '');
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
    const cells = cellsOf(group, size);
    if (cells.length === 0) return [];
    const y = group.find((r) => r.size === size)?.y ?? group[0]!.y;
    return [{ page: page.number, text: cells.map((c) => c.text).join('\u3000'), cells, left: cells[0]!.left, right: cells.at(-1)!.right, y, size }];
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
