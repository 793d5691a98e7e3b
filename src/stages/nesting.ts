// Nesting no editor writes, refused before the work it would overwhelm. remark's parser slows
// down with deep lists (an indented list 1,000 deep takes minutes), and turning the tree into
// HTML recurses once per level, so that a few thousand nested quotes, emphases or <div>s
// overflow the stack. Three cheap scans, each reporting the place where the limit is passed:
// - before parsing, an upper bound of the lists and quotes open on each line;
// - after parsing, before HTML, the nesting of the tree (quotes, lists, emphasis, links…);
// - of the HTML written in the issue, before it is parsed, the elements open at each tag.
import type { Html, Nodes, Root } from 'mdast';
import { MAX_HTML_NESTING, MAX_NESTING } from '../limits.ts';
import type { Point } from '../messages.ts';

export interface TooDeep {
  place: Point;
  reason: string;
}

const tooDeep = (what: string, limit: number) =>
  `这里${what}嵌套超过 ${limit} 层，远多于任何稿件所需，生成网页会卡住：请检查这一段是不是粘贴错了，把嵌套减到几层`;

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

/**
 * The list items and block quotes that a line can open or continue, as an upper bound that needs
 * no parsing: the markers at its start (>, -, *, +, 1. or 1)) and, for the items it continues by
 * indentation (at least two columns each), half its indentation, but no more than were open before.
 */
function lineNesting(line: string, before: number): number {
  const rule = ruleStart(line);
  let markers = 0;
  let columns = 0;
  let at = 0;
  const endsMarker = (i: number) => i >= line.length || line[i] === ' ' || line[i] === '\t';
  for (;;) {
    const c = line[at];
    if (c === ' ') columns++;
    else if (c === '\t') columns += 4 - (columns % 4);
    else if (c === '>') markers++;
    else if ((c === '-' || c === '*' || c === '+') && endsMarker(at + 1) && at < rule) markers++;
    else {
      const digits = /^\d{1,9}[.)]/.exec(line.slice(at, at + 10))?.[0];
      if (!digits || !endsMarker(at + digits.length)) break;
      markers++;
      at += digits.length - 1;
    }
    at++;
  }
  return markers === 0 ? before : markers + Math.min(Math.floor(columns / 2), before);
}

/** Lists and block quotes, line by line, before the text is parsed; `firstLine` is the text's first line in its file. */
export function checkBlockNesting(text: string, firstLine = 1): TooDeep | undefined {
  let open = 0;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    open = lineNesting(lines[i]!, open);
    if (open > MAX_NESTING) return { place: { line: firstLine + i, column: 1 }, reason: tooDeep('列表或引用（行首的 >、-、*、1. 等）', MAX_NESTING) };
  }
  return undefined;
}

/** Nodes that hold others of their kind; the rest (a list's items, a paragraph, a table's rows) add a fixed few levels at most. */
const NESTING = new Set(['blockquote', 'list', 'footnoteDefinition', 'emphasis', 'strong', 'delete', 'link', 'linkReference']);

/** The tree's nesting, without recursion, before anything recursive walks it. */
export function checkTreeNesting(tree: Root): TooDeep | undefined {
  const stack: [Nodes, number][] = [[tree, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    const here = depth + (NESTING.has(node.type) ? 1 : 0);
    if (here > MAX_NESTING) {
      const start = node.position?.start;
      return { place: start ? { line: start.line, column: start.column } : { line: 1, column: 1 }, reason: tooDeep('引用、列表、加粗、斜体、删除线或链接', MAX_NESTING) };
    }
    if ('children' in node) for (const child of node.children) stack.push([child, here]);
  }
  return undefined;
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const TAG = /<(\/?)([a-zA-Z][^\s/>]*)/g;

/**
 * The HTML written in the issue, in document order: every start tag opens an element that stays
 * open until an end tag of its name. This counts at least as deep as a browser's parser nests
 * (which also closes elements by implication, but reopens unclosed <b> and the like in each
 * new block), so that the parser never meets more than the limit.
 */
export function checkHtmlNesting(tree: Root): TooDeep | undefined {
  const open: string[] = [];
  const htmlNodes: Html[] = [];
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'html') htmlNodes.push(node);
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  for (const node of htmlNodes) {
    for (const match of node.value.matchAll(TAG)) {
      const name = match[2]!.toLowerCase();
      if (match[1]) {
        const at = open.lastIndexOf(name);
        if (at >= 0) open.splice(at, 1);
      } else if (!VOID.has(name)) {
        open.push(name);
        if (open.length > MAX_HTML_NESTING) return { place: placeIn(node, match.index), reason: tooDeep(' HTML 标签（没有结束标签的也算）', MAX_HTML_NESTING) };
      }
    }
  }
  return undefined;
}

/** The place of a character of an HTML node's text in the file. */
function placeIn(node: Html, index: number): Point {
  const start = node.position?.start ?? { line: 1, column: 1 };
  const before = node.value.slice(0, index);
  const lineBreaks = before.split('\n').length - 1;
  return lineBreaks === 0
    ? { line: start.line, column: start.column + index }
    : { line: start.line + lineBreaks, column: index - before.lastIndexOf('\n') };
}
