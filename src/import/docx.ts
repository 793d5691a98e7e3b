// A Word document (.docx) → blocks, through mammoth's HTML: Word's headings, lists, bold and
// tables are kept as Markdown; images are left out and counted.
import type { Element, ElementContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import mammoth from 'mammoth';
import { IMPORT_NOTES } from '../messages/import.ts';
import { escapeHtml } from '../text/html.ts';
import { type Block, escapeLineStart, escapeMarkdownText } from './blocks.ts';

export interface WordDocument {
  blocks: Block[];
  images: number;
}

/** Word's own "Title" style is an article's title too. */
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='标题'] => h1:fresh"];

/** Punctuation stays outside ** and *: CommonMark does not close emphasis between a mark and a Han character. */
const EDGE_PUNCTUATION = /^([\p{P}\s]*)(.*?)([\p{P}\s]*)$/su;

function emphasis(marker: string, inner: string): string {
  const [, before = '', core = '', after = ''] = EDGE_PUNCTUATION.exec(inner) ?? [];
  return core ? `${before}${marker}${core}${marker}${after}` : inner;
}

function plainText(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element') return '';
  return node.tagName === 'br' ? '\n' : node.children.map(plainText).join('');
}

function isElement(node: ElementContent | undefined, ...names: string[]): node is Element {
  return node?.type === 'element' && names.includes(node.tagName);
}

interface Counter {
  images: number;
}

function inlineMarkdown(nodes: ElementContent[], counter: Counter, lineBreak = '\\\n'): string {
  return nodes
    .map((node): string => {
      if (node.type === 'text') return escapeMarkdownText(node.value);
      if (node.type !== 'element') return '';
      const inner = () => inlineMarkdown(node.children, counter, lineBreak);
      switch (node.tagName) {
        case 'strong':
        case 'b':
          return emphasis('**', inner());
        case 'em':
        case 'i':
          return emphasis('*', inner());
        case 'br':
          return lineBreak;
        case 'img':
          counter.images++;
          return '';
        default:
          return inner();
      }
    })
    .join('');
}

function listMarkdown(list: Element, counter: Counter, indent = ''): string[] {
  const ordered = list.tagName === 'ol';
  const lines: string[] = [];
  list.children
    .filter((c): c is Element => isElement(c, 'li'))
    .forEach((item, i) => {
      const marker = ordered ? `${i + 1}.` : '-';
      const own = item.children.filter((c) => !isElement(c, 'ul', 'ol'));
      lines.push(`${indent}${marker} ${inlineMarkdown(own, counter, ' ').trim()}`);
      for (const nested of item.children.filter((c): c is Element => isElement(c, 'ul', 'ol'))) {
        lines.push(...listMarkdown(nested, counter, `${indent}${' '.repeat(marker.length + 1)}`));
      }
    });
  return lines;
}

function rowsOf(table: Element): Element[] {
  return table.children.flatMap((c): Element[] => {
    if (c.type !== 'element') return [];
    if (c.tagName === 'tr') return [c];
    return ['thead', 'tbody', 'tfoot'].includes(c.tagName) ? c.children.filter((r): r is Element => isElement(r, 'tr')) : [];
  });
}

function cellsOf(row: Element): Element[] {
  return row.children.filter((c): c is Element => isElement(c, 'td', 'th'));
}

/** A cell's rowspan or colspan as Word set it (mammoth writes them from gridSpan and vMerge). */
function span(cell: Element, name: 'rowSpan' | 'colSpan'): number {
  const value = Number(cell.properties?.[name] ?? 1);
  return Number.isSafeInteger(value) && value > 1 ? value : 1;
}

/** The table as a GFM table: a header row, then each row's cells in order. */
function gfmTable(rows: Element[], counter: Counter): string {
  const cells = rows.map((row) => cellsOf(row).map((cell) => inlineMarkdown(cell.children, counter, ' ').replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim()));
  const width = Math.max(1, ...cells.map((r) => r.length));
  const line = (row: string[]) => `| ${Array.from({ length: width }, (_, i) => row[i] ?? '').join(' | ')} |`;
  const [head = [], ...body] = cells;
  return [line(head), line(Array(width).fill('---')), ...body.map(line)].join('\n');
}

/** A cell's content as HTML: its text, bold and italics and line breaks kept. */
function inlineHtml(nodes: ElementContent[], counter: Counter): string {
  return nodes
    .map((node): string => {
      if (node.type === 'text') return escapeHtml(node.value.replace(/\s+/g, ' '));
      if (node.type !== 'element') return '';
      if (node.tagName === 'br') return '<br>';
      if (node.tagName === 'img') {
        counter.images++;
        return '';
      }
      const inner = inlineHtml(node.children, counter);
      if (node.tagName === 'strong' || node.tagName === 'b') return `<strong>${inner}</strong>`;
      if (node.tagName === 'em' || node.tagName === 'i') return `<em>${inner}</em>`;
      // Each paragraph of a cell on a line of its own.
      if (node.tagName === 'p') return inner === '' ? '' : `${inner}<br>`;
      return inner;
    })
    .join('')
    .replace(/(<br>)+$/, '')
    .trim();
}

/**
 * The table with its merged cells as an HTML table: Markdown's tables have no merged cells. The
 * header is the first row and the rows its cells span down over (as a GFM table's first row).
 * One HTML block without blank lines, which Markdown passes as it is, and the sanitiser keeps.
 */
function htmlTable(rows: Element[], counter: Counter): string {
  const headRows = Math.max(1, ...cellsOf(rows[0]!).map((cell) => span(cell, 'rowSpan')));
  const row = (cells: Element[], tag: 'th' | 'td') =>
    `<tr>${cells
      .map((cell) => {
        const spans = [
          ['rowspan', span(cell, 'rowSpan')],
          ['colspan', span(cell, 'colSpan')],
        ].filter(([, n]) => (n as number) > 1);
        return `<${tag}${spans.map(([name, n]) => ` ${name}="${n}"`).join('')}>${inlineHtml(cell.children, counter)}</${tag}>`;
      })
      .join('')}</tr>`;
  return [
    '<table>',
    '<thead>',
    ...rows.slice(0, headRows).map((r) => row(cellsOf(r), 'th')),
    '</thead>',
    '<tbody>',
    ...rows.slice(headRows).map((r) => row(cellsOf(r), 'td')),
    '</tbody>',
    '</table>',
  ].join('\n');
}

/** Whether an element holds a table, at any depth. */
const holdsTable = (node: Element): boolean => node.children.some((c) => c.type === 'element' && (c.tagName === 'table' || holdsTable(c)));

/**
 * Why the table cannot be rebuilt as it was, if it cannot: a table inside a cell, or rows that
 * do not come to the same width once the merged cells are counted.
 */
function notRebuilt(rows: Element[]): string | undefined {
  const nested = rows.some((row) => cellsOf(row).some(holdsTable));
  if (nested) return IMPORT_NOTES.tableInCell;
  const widths = new Array<number>(rows.length).fill(0);
  rows.forEach((row, r) => {
    for (const cell of cellsOf(row)) {
      for (let below = 0; below < span(cell, 'rowSpan') && r + below < rows.length; below++)
        widths[r + below] = (widths[r + below] ?? 0) + span(cell, 'colSpan');
    }
  });
  return new Set(widths).size > 1 ? IMPORT_NOTES.tableRowsUneven : undefined;
}

/**
 * A table as Markdown: a GFM table, or an HTML table where Word merged cells; one that cannot be
 * rebuilt is a GFM table of its cells as read, with the reason to check it.
 */
function tableMarkdown(table: Element, counter: Counter): { markdown: string; review?: string } {
  const rows = rowsOf(table);
  const merged = rows.some((row) => cellsOf(row).some((cell) => span(cell, 'rowSpan') > 1 || span(cell, 'colSpan') > 1));
  const problem = notRebuilt(rows);
  if (problem) {
    return { markdown: gfmTable(rows, counter), review: IMPORT_NOTES.tableAsRead(problem) };
  }
  return { markdown: merged ? htmlTable(rows, counter) : gfmTable(rows, counter) };
}

export function htmlToBlocks(html: string): WordDocument {
  const counter: Counter = { images: 0 };
  const blocks: Block[] = [];
  const root = fromHtml(html, { fragment: true });
  for (const node of root.children) {
    if (node.type !== 'element') continue;
    const line = blocks.length + 1;
    const text = plainText(node)
      .replace(/\s*\n\s*/g, ' ')
      .trim();
    const heading = /^h([1-6])$/.exec(node.tagName);
    if (node.tagName === 'table') {
      // Cells apart by a tab, as a masthead set in a table is read (编印单位 | date).
      const cells = rowsOf(node).flatMap((row) => row.children.filter((c): c is Element => isElement(c, 'td', 'th')));
      const cellText = cells.map((c) => plainText(c).replace(/\s+/g, ' ').trim()).join('\t');
      blocks.push({ kind: 'table', text: cellText, ...tableMarkdown(node, counter), line });
    } else if (node.tagName === 'ul' || node.tagName === 'ol') {
      blocks.push({ kind: 'list', text, markdown: listMarkdown(node, counter).join('\n'), line });
    } else if (text !== '') {
      const markdown = escapeLineStart(inlineMarkdown(node.children, counter).trim());
      blocks.push(heading ? { kind: 'heading', depth: Number(heading[1]), text, markdown, line } : { kind: 'paragraph', text, markdown, line });
    } else {
      inlineMarkdown(node.children, counter);
    }
  }
  return { blocks, images: counter.images };
}

/** Reads a .docx; mammoth throws on a file that is not one (a .doc, a damaged file). */
export async function docxToBlocks(bytes: Buffer): Promise<WordDocument> {
  const result = await mammoth.convertToHtml({ buffer: bytes }, { styleMap: STYLE_MAP, convertImage: mammoth.images.imgElement(async () => ({ src: '' })) });
  return htmlToBlocks(result.value);
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;

/**
 * The size word/document.xml says it has unpacked, from the .docx's zip directory, read before
 * mammoth unpacks it: a document that would expand to hundreds of MB is refused first. Undefined
 * when the directory cannot be read (mammoth then says whether the file is a .docx at all).
 */
export function documentXmlSize(bytes: Buffer): number | undefined {
  const from = Math.max(0, bytes.length - 65_557);
  for (let end = bytes.length - 22; end >= from; end--) {
    if (bytes.readUInt32LE(end) !== END_OF_DIRECTORY) continue;
    const entries = bytes.readUInt16LE(end + 10);
    let at = bytes.readUInt32LE(end + 16);
    for (let i = 0; i < entries && at + 46 <= bytes.length && bytes.readUInt32LE(at) === DIRECTORY_ENTRY; i++) {
      const nameLength = bytes.readUInt16LE(at + 28);
      const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
      if (name === 'word/document.xml') return bytes.readUInt32LE(at + 24);
      at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    }
    return undefined;
  }
  return undefined;
}
