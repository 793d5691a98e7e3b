// A Word document (.docx) → blocks, through mammoth's HTML: Word's headings, lists, bold and
// tables are kept as Markdown; images are left out and counted.
import type { Element, ElementContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import mammoth from 'mammoth';
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

function tableMarkdown(table: Element, counter: Counter): string {
  const rows = rowsOf(table).map((row) =>
    row.children
      .filter((c): c is Element => isElement(c, 'td', 'th'))
      .map((cell) => inlineMarkdown(cell.children, counter, ' ').replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim()),
  );
  const width = Math.max(1, ...rows.map((r) => r.length));
  const line = (cells: string[]) => `| ${Array.from({ length: width }, (_, i) => cells[i] ?? '').join(' | ')} |`;
  const [head = [], ...body] = rows;
  return [line(head), line(Array(width).fill('---')), ...body.map(line)].join('\n');
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
      blocks.push({ kind: 'table', text: cellText, markdown: tableMarkdown(node, counter), line });
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
