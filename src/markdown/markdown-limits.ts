// Markdown no editor writes, refused before the work it would overwhelm. remark's parser (micromark)
// slows down with deep or many lists and quotes (an indented list 1,000 deep took minutes; its time
// grows with the square of the items inside an open quote), and with the square of the emphasis,
// code and link marks in one paragraph (nested ones worse); turning the tree into HTML recurses once
// per level, so that a few thousand nested quotes, emphases or <div>s overflow the stack. Two cheap
// scans, each reporting the place where a limit is passed:
// - before parsing, line by line: the lists and quotes open (an upper bound), how many were
//   opened in all, the inline marks (* _ ~ ` [ ]) of the paragraph, the HTML elements open;
// - right after parsing, before anything walks the tree: its nesting (quotes, lists, emphasis,
//   links…).
import type { Nodes, Root } from 'mdast';
import type { Processor } from 'unified';
import { MAX_CONTAINERS, MAX_HTML_NESTING, MAX_INLINE_MARKS, MAX_NESTING, MAX_SPAN, MAX_TABLE_CELLS } from '../limits.ts';
import { CONTENT, type ContentEntry, HARDENED, textOf } from '../messages/catalogue.ts';
import { TOO_DEEP } from '../messages/parts.ts';
import type { Point } from '../messages.ts';

/** A limit passed: where, the message and its rule: too-deep (nesting) or too-large (a count). */
export interface PastLimit {
  place: Point;
  reason: string;
  rule: string;
}

/** A limit passed at place, said as the catalogue says it. */
const past = <P>(place: Point, entry: ContentEntry<P>, params: P): PastLimit => ({
  place,
  reason: textOf(entry, params),
  rule: entry.rule,
});
const tooDeep = (place: Point, what: string, limit: number) => past(place, CONTENT.tooDeep, { what, limit });

/** Where a rule (- - -, * * *) that ends the line begins: its dashes are no list markers. */
function ruleStart(line: string): number {
  let at = line.length;
  while (at > 0 && (line[at - 1] === ' ' || line[at - 1] === '\t')) at--;
  const mark = line[at - 1];
  if (mark !== '-' && mark !== '*' && mark !== '_') return line.length;
  let count = 0;
  let start = at;
  for (let i = at - 1; i >= 0 && (line[i] === mark || line[i] === ' ' || line[i] === '\t'); i--) {
    if (line[i] === mark) {
      count++;
      start = i;
    }
  }
  return count >= 3 ? start : line.length;
}

const NUMBERED_OR_FOOTNOTE = /\d{1,9}[.)]|\[\^[^\]\s]{1,999}\]:/y;

/** A list item's marker (-, *, +, 1. or 1)) or a footnote definition's ([^1]:) at `at`: its length. */
function itemMarker(line: string, at: number, rule: number): number {
  const ends = (i: number) => i >= line.length || line[i] === ' ' || line[i] === '\t';
  const c = line[at];
  if (c === '-' || c === '*' || c === '+') return ends(at + 1) && at < rule ? 1 : 0;
  NUMBERED_OR_FOOTNOTE.lastIndex = at;
  const marker = NUMBERED_OR_FOOTNOTE.exec(line)?.[0];
  return marker && (marker.endsWith(':') || ends(at + marker.length)) ? marker.length : 0;
}

/**
 * The containers (list items, quotes, footnote definitions) at the start of a line: how many it
 * marks, and how many can be open on it, an upper bound that needs no parsing: its markers, and
 * the items it continues by indentation before its first item marker (two columns each at least),
 * but no more than were open before. (What follows an item marker is inside the new item.)
 */
function lineContainers(line: string, before: number): { markers: number; open: number; newItem: boolean; content: number } {
  const rule = ruleStart(line);
  let markers = 0;
  let columns = 0;
  let inNewItem = false;
  let at = 0;
  for (; ; at++) {
    const c = line[at];
    if (c === ' ' || c === '\t') {
      if (!inNewItem) columns += c === ' ' ? 1 : 4 - (columns % 4);
    } else if (c === '>') markers++;
    else {
      const length = itemMarker(line, at, rule);
      if (length === 0) break;
      markers++;
      inNewItem = true;
      at += length - 1;
    }
  }
  return { markers, open: markers === 0 ? before : markers + Math.min(Math.floor(columns / 2), before), newItem: inNewItem, content: at };
}

/**
 * The inline marks of a line from `from` on, counted on from `before`: a run of *, _ or ~ counts
 * once, each [, ] and ` once (a code span's end is found by scanning for a run of its length):
 * the total, and the column where it passes the limit.
 */
function inlineMarks(line: string, from: number, before: number): { count: number; column?: number } {
  let count = before;
  // From mark to mark, not character by character (twelve times faster on Chinese text).
  MARK.lastIndex = from;
  for (let found = MARK.exec(line); found; found = MARK.exec(line)) {
    const at = found.index;
    const c = found[0];
    // A backslash escapes the character after it.
    if (c === '\\') MARK.lastIndex = at + 2;
    else if (c === '[' || c === ']' || c === '`' || line[at - 1] !== c) {
      if (++count > MAX_INLINE_MARKS) return { count, column: at + 1 };
    }
  }
  return { count };
}

/** What inlineMarks counts, and the backslash that escapes a character. */
const MARK = /[\\[\]`*_~]/g;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const TAG = /(\\?)<(\/?)([a-zA-Z][a-zA-Z0-9-]*)(?=[\s/>]|$)/g;

/**
 * The HTML elements open after a line's tags, on from `open` (changed in place): every start tag
 * opens an element that stays open until an end tag of its name. This counts at least as deep as
 * a browser's parser nests (which also closes elements by implication, but reopens unclosed <b>
 * and the like in each new block), so that the parser never meets more than the limit. Returns
 * the column of the tag that passes it.
 */
function htmlTags(line: string, open: string[]): number | undefined {
  for (const match of line.matchAll(TAG)) {
    const [, escaped, end, tagName] = match;
    if (escaped) continue;
    const name = tagName!.toLowerCase();
    if (end) {
      const at = open.lastIndexOf(name);
      if (at >= 0) open.splice(at, 1);
    } else if (!VOID.has(name)) {
      open.push(name);
      if (open.length > MAX_HTML_NESTING) return match.index + 1;
    }
  }
  return undefined;
}

/** A GFM table's delimiter row (|---|:--:|, or ---|--- with a pipe somewhere): its cells, or 0 when it is none. */
function delimiterCells(line: string): number {
  const text = line.trim();
  if (!text.includes('|') || !/^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?$/.test(text)) return 0;
  return text.replace(/^\||\|$/g, '').split('|').length;
}

/** The cells an HTML table's <td>/<th> tags on a line make: each its rowspan × colspan, as bounded after sanitising (1 to MAX_SPAN). */
function htmlCells(line: string): number {
  let cells = 0;
  for (const tag of line.matchAll(/<t[dh](?=[\s>/])[^>]*>?/gi)) {
    const span = (name: string) => {
      const value = Number(new RegExp(`\\b${name}\\s*=\\s*["']?\\s*(\\d+)`, 'i').exec(tag[0])?.[1] ?? 1);
      return Math.min(Math.max(Number.isFinite(value) ? value : 1, 1), MAX_SPAN);
    };
    cells += span('rowspan') * span('colspan');
  }
  return cells;
}

/**
 * The cells of the tables, as remark-gfm makes them, before parsing: from a delimiter row on,
 * each line up to a blank one is a row of the header's width (an upper bound: the parser may end
 * a table sooner). Returns the line where the total passes the limit.
 */
export function checkTableCells(text: string, firstLine = 1): PastLimit | undefined {
  let cells = 0;
  let width = 0;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    cells += htmlCells(line);
    if (line.trim() === '') width = 0;
    else if (width > 0) cells += width;
    else {
      width = delimiterCells(line);
      cells += 2 * width; // the header and the delimiter row
    }
    if (cells > MAX_TABLE_CELLS) return past({ line: firstLine + i, column: 1 }, HARDENED.tooManyCells, { limit: MAX_TABLE_CELLS });
  }
  return undefined;
}

/** Lists, quotes, inline marks and HTML, line by line, before the text is parsed; `firstLine` is the text's first line in its file. */
export function checkBeforeParsing(text: string, firstLine = 1): PastLimit | undefined {
  let open = 0;
  let markers = 0;
  let marks = 0;
  const elements: string[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const containers = lineContainers(line, open);
    open = containers.open;
    markers += containers.markers;
    if (open > MAX_NESTING) return tooDeep({ line: firstLine + i, column: 1 }, TOO_DEEP.containers, MAX_NESTING);
    if (markers > MAX_CONTAINERS) return past({ line: firstLine + i, column: 1 }, CONTENT.tooManyContainers, { limit: MAX_CONTAINERS });
    // A blank line ends a paragraph; a new list item or footnote starts one.
    const inline = inlineMarks(line, containers.content, line.trim() === '' || containers.newItem ? 0 : marks);
    if (inline.column) return past({ line: firstLine + i, column: inline.column }, CONTENT.tooManyMarks, { limit: MAX_INLINE_MARKS });
    marks = inline.count;
    const column = htmlTags(line, elements);
    if (column) return tooDeep({ line: firstLine + i, column }, TOO_DEEP.htmlTags, MAX_HTML_NESTING);
  }
  return checkTableCells(text, firstLine);
}

/** Nodes that hold others of their kind; the rest (a list's items, a paragraph, a table's rows) add a fixed few levels at most. */
const NESTING = new Set(['blockquote', 'list', 'footnoteDefinition', 'emphasis', 'strong', 'delete', 'link', 'linkReference']);

/** The tree's nesting, without recursion. */
export function checkTreeNesting(tree: Root): PastLimit | undefined {
  const stack: [Nodes, number][] = [[tree, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    const here = depth + (NESTING.has(node.type) ? 1 : 0);
    if (here > MAX_NESTING) {
      const start = node.position?.start ?? { line: 1, column: 1 };
      return tooDeep({ line: start.line, column: start.column }, TOO_DEEP.tree, MAX_NESTING);
    }
    if ('children' in node) for (const child of node.children) stack.push([child, here]);
  }
  return undefined;
}

/** Thrown by the parser when the tree it made is past a limit. */
export class PastLimitError extends Error {
  constructor(readonly problem: PastLimit) {
    super(problem.reason);
  }
}

/**
 * A remark plugin: the tree's nesting is checked as soon as it is made, before the parser's own
 * finishing steps (GFM's autolinks walk it recursively), and the parse ends with a PastLimitError.
 * Use it before remark-gfm.
 */
export function remarkTreeLimits(this: Processor) {
  const data = this.data();
  const check = (tree: Root) => {
    const problem = checkTreeNesting(tree);
    if (problem) throw new PastLimitError(problem);
  };
  data.fromMarkdownExtensions ??= [];
  data.fromMarkdownExtensions.push([{ transforms: [check] }]);
}
