// A PDF with a text layer → blocks in reading order, without page furniture, each numbered by
// its page; pages with no text at all are named (a scan needs OCR first).

import { IMPORT_NOTES } from '../../messages/import.ts';
import type { Block } from '../blocks.ts';
import type { Note } from '../text-tools.ts';
import { readColumns } from './columns.ts';
import { extractPdfText } from './extract.ts';
import { dropFurniture } from './furniture.ts';
import { twoColumnPages, unreadableLayout } from './layout.ts';
import { pageLines } from './lines.ts';
import { linesToBlocks } from './paragraphs.ts';

export type PdfDocument =
  | {
      ok: true;
      blocks: Block[];
      /** Pages where a page number or running head was left out. */
      dropped: number[];
      /** Pages without any text: scanned pages, or blank ones. */
      textless: number[];
      pages: number;
      /** What the reader guessed and the editor should check: a column's end, a join or split at a page's or column's end. */
      notes: Note[];
    }
  | { ok: false; reason: 'password' | 'damaged' | 'scan' }
  | { ok: false; reason: 'columns' | 'rotated'; pages: number[] };

/** Fewer characters than this on a page (besides its furniture) is no text layer. */
const MIN_PAGE_TEXT = 10;

export async function pdfToBlocks(bytes: Uint8Array): Promise<PdfDocument> {
  const pdf = await extractPdfText(bytes);
  if (!pdf.ok) return pdf;
  const read = pdf.pages.map(pageLines);
  const layout = unreadableLayout(pdf.pages, read);
  if (layout) return { ok: false, reason: layout.kind, pages: layout.pages };
  const columns = twoColumnPages(pdf.pages, read);
  const notes: Note[] = [];
  // A page with too few lines in columns to tell by itself (an article's last lines, balanced
  // in two short columns) is read at the gutter and edge of the document's pages in two columns.
  const readings = new Map([...columns].map(([number, start]) => [number, readColumns(read[number - 1]!, start)]));
  const gutter = [...columns.values()][0];
  const edge = [...readings.values()][0]?.leftEnd;
  const lines = read.map((page, i) => {
    const number = pdf.pages[i]!.number;
    const reading = readings.get(number) ?? (gutter === undefined ? undefined : readColumns(page, gutter, edge));
    if (!reading) return page;
    const own = columns.has(number);
    const split = reading.lines.length > page.length;
    if (!own && (split || reading.borrowed)) {
      notes.push({ line: number, message: IMPORT_NOTES.columnsBorrowed });
    } else if (reading.trailing.length > 0) {
      const text = reading.trailing.map((l) => l.text).join('');
      notes.push({ line: number, message: IMPORT_NOTES.columnTrailing(text) });
    }
    return own || split || reading.borrowed ? reading.lines : page;
  });
  const { pages, dropped } = dropFurniture(lines);
  const textless = pdf.pages
    .filter((_, i) => pages[i]!.reduce((n, line) => n + line.text.replace(/\s/g, '').length, 0) < MIN_PAGE_TEXT)
    .map((page) => page.number);
  if (textless.length === pdf.pages.length) return { ok: false, reason: 'scan' };
  return { ok: true, blocks: linesToBlocks(pages, notes), dropped, textless, pages: pdf.pages.length, notes };
}
