// poppler-utils for the PDF tests: pdfinfo, pdftotext and pdftoppm, with their answers parsed.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';

const run = promisify(execFile);

export interface PdfInfo {
  pages: number;
  /** Page size in points. */
  width: number;
  height: number;
  title: string;
  author: string;
  subject: string;
  creator: string;
  /** The document's language, the catalog's /Lang (read with pdf-lib: pdfinfo does not show it). */
  language: string;
}

export async function pdfInfo(file: string): Promise<PdfInfo> {
  const { stdout } = await run('pdfinfo', [file]);
  const field = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(stdout)?.[1] ?? '';
  const size = /([\d.]+) x ([\d.]+) pts/.exec(field('Page size'));
  const catalog = (await PDFDocument.load(await readFile(file), { updateMetadata: false })).catalog;
  const language = catalog.lookupMaybe(PDFName.of('Lang'), PDFString)?.decodeText() ?? '';
  return {
    pages: Number(field('Pages')),
    width: Number(size?.[1]),
    height: Number(size?.[2]),
    title: field('Title'),
    author: field('Author'),
    subject: field('Subject'),
    creator: field('Creator'),
    language,
  };
}

/** The text of pages first..last (all when omitted); layout keeps each printed line on a line. */
export async function pdfText(file: string, options: { first?: number; last?: number; layout?: boolean } = {}): Promise<string> {
  const args = [...(options.first ? ['-f', String(options.first)] : []), ...(options.last ? ['-l', String(options.last)] : [])];
  const { stdout } = await run('pdftotext', [...args, ...(options.layout ? ['-layout'] : []), file, '-'], { maxBuffer: 16 << 20 });
  return stdout;
}

/** An RGB picture of one page; pixel rows from the top. */
export interface PageImage {
  width: number;
  height: number;
  /** Pixels per millimetre. */
  scale: number;
  rgb(x: number, y: number): [number, number, number];
}

/** Renders one page with pdftoppm, as a picture to measure. */
export async function pageImage(file: string, page: number, pixelsPerMm = 5): Promise<PageImage> {
  const dpi = pixelsPerMm * 25.4;
  const { stdout } = await run('pdftoppm', ['-f', String(page), '-l', String(page), '-r', String(dpi), file], { encoding: 'buffer', maxBuffer: 256 << 20 });
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(stdout.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not give a PPM picture');
  const [width, height] = [Number(header[1]), Number(header[2])];
  const data = stdout.subarray(header[0].length);
  return {
    width,
    height,
    scale: pixelsPerMm,
    rgb: (x, y) => {
      const i = (y * width + x) * 3;
      return [data[i]!, data[i + 1]!, data[i + 2]!];
    },
  };
}

/** Renders one page to pngBase.png, for people to look at. */
export async function savePng(file: string, page: number, pngBase: string, dpi = 100): Promise<string> {
  await run('pdftoppm', ['-f', String(page), '-l', String(page), '-r', String(dpi), '-png', '-singlefile', file, pngBase]);
  return `${pngBase}.png`;
}

export const isDark = ([r, g, b]: [number, number, number]) => r < 110 && g < 110 && b < 110;
export const isRed = ([r, g, b]: [number, number, number]) => r > 170 && g < 90 && b < 90;

/** Rows (in mm from the page's top) where a horizontal line of the given ink spans at least minMm. */
export function horizontalRules(image: PageImage, ink: (rgb: [number, number, number]) => boolean, minMm: number): number[] {
  const rules: number[] = [];
  for (let y = 0; y < image.height; y++) {
    let run = 0;
    let longest = 0;
    for (let x = 0; x < image.width; x++) {
      run = ink(image.rgb(x, y)) ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    if (longest >= minMm * image.scale) rules.push(y / image.scale);
  }
  return rules;
}

/** The box, in mm, of all ink of a kind inside a region given in mm; undefined when there is none. */
export function inkBox(
  image: PageImage,
  ink: (rgb: [number, number, number]) => boolean,
  region: { top: number; bottom: number; left?: number; right?: number },
) {
  let box: { top: number; bottom: number; left: number; right: number } | undefined;
  const s = image.scale;
  for (let y = Math.round(region.top * s); y < Math.min(image.height, Math.round(region.bottom * s)); y++) {
    for (let x = Math.round((region.left ?? 0) * s); x < Math.min(image.width, Math.round((region.right ?? 1e9) * s)); x++) {
      if (!ink(image.rgb(x, y))) continue;
      box = box
        ? { top: Math.min(box.top, y / s), bottom: Math.max(box.bottom, y / s), left: Math.min(box.left, x / s), right: Math.max(box.right, x / s) }
        : { top: y / s, bottom: y / s, left: x / s, right: x / s };
    }
  }
  return box;
}
