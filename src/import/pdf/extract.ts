// A PDF → the text on each of its pages as pdf.js reads it: runs of text with where they stand.
// pdf.js's legacy build runs in Node; its "worker" is loaded into this thread from the package
// itself, and the character maps of Chinese fonts are read from the package's cmaps/ folder:
// nothing is fetched.
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';

/** A run of text on a page, in PDF points from the page's bottom left corner. */
export interface TextRun {
  text: string;
  x: number;
  /** The baseline. */
  y: number;
  width: number;
  /** Font size, in points. */
  size: number;
}

export interface PdfPage {
  /** 1 for the first page. */
  number: number;
  width: number;
  height: number;
  runs: TextRun[];
  /** Characters of text set at an angle, which is not read. */
  rotatedCharacters: number;
}

export type PdfText = { ok: true; pages: PdfPage[] } | { ok: false; reason: 'password' | 'damaged' };

const PACKAGE = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const folder = (name: string) => `${path.join(PACKAGE, name)}/`;

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let loaded: Promise<PdfJs> | undefined;

/** pdf.js, with its worker module in this thread (pdf.js looks for it on globalThis.pdfjsWorker). */
function pdfjs(): Promise<PdfJs> {
  loaded ??= (async () => {
    const url = (file: string) => pathToFileURL(path.join(PACKAGE, 'legacy', 'build', file)).href;
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = await import(url('pdf.worker.mjs'));
    return (await import(url('pdf.mjs'))) as PdfJs;
  })();
  return loaded;
}

const isTextItem = (item: object): item is TextItem => 'str' in item;

export async function extractPdfText(bytes: Uint8Array): Promise<PdfText> {
  const { getDocument } = await pdfjs();
  const task = getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: folder('cmaps'),
    standardFontDataUrl: folder('standard_fonts'),
    wasmUrl: folder('wasm'),
    isEvalSupported: false,
    verbosity: 0,
  });
  try {
    const document = await task.promise;
    const pages: PdfPage[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const [, , width, height] = page.view;
      const content = await page.getTextContent();
      let rotatedCharacters = 0;
      const runs = content.items.filter(isTextItem).flatMap((item): TextRun[] => {
        const [a, b, , , x, y] = item.transform as number[];
        // Upright text only: rotated runs are counted, and a page with more than a stamp's worth is refused.
        if (Math.abs(b!) > 0.01 || a! <= 0) rotatedCharacters += item.str.replace(/\s/g, '').length;
        if (Math.abs(b!) > 0.01 || a! <= 0 || item.str === '') return [];
        return [{ text: item.str, x: x!, y: y!, width: item.width, size: Math.hypot(a!, b!) }];
      });
      pages.push({ number, width: width!, height: height!, runs, rotatedCharacters });
      page.cleanup();
    }
    return { ok: true, pages };
  } catch (error) {
    return { ok: false, reason: (error as Error).name === 'PasswordException' ? 'password' : 'damaged' };
  } finally {
    await task.destroy();
  }
}
