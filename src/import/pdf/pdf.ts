// A PDF with a text layer → blocks in reading order, without page furniture, each numbered by
// its page; pages with no text at all are named (a scan needs OCR first).
import type { Block } from '../blocks.ts';
import { extractPdfText } from './extract.ts';
import { dropFurniture } from './furniture.ts';
import { unreadableLayout } from './layout.ts';
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
    }
  | { ok: false; reason: 'password' | 'damaged' | 'scan' }
  | { ok: false; reason: 'columns' | 'rotated'; pages: number[] };

/** Fewer characters than this on a page (besides its furniture) is no text layer. */
const MIN_PAGE_TEXT = 10;

export async function pdfToBlocks(bytes: Uint8Array): Promise<PdfDocument> {
  const pdf = await extractPdfText(bytes);
  if (!pdf.ok) return pdf;
  const lines = pdf.pages.map(pageLines);
  const layout = unreadableLayout(pdf.pages, lines);
  if (layout) return { ok: false, reason: layout.kind, pages: layout.pages };
  const { pages, dropped } = dropFurniture(lines);
  const textless = pdf.pages
    .filter((_, i) => pages[i]!.reduce((n, line) => n + line.text.replace(/\s/g, '').length, 0) < MIN_PAGE_TEXT)
    .map((page) => page.number);
  if (textless.length === pdf.pages.length) return { ok: false, reason: 'scan' };
  return { ok: true, blocks: linesToBlocks(pages), dropped, textless, pages: pdf.pages.length };
}
