// One past issue, a text file, a Word or WPS document or a PDF, → the content file it becomes:
// where it goes (content/<year>/<NN>.md), its text, and what the editor should check.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { issueFileName } from '../content/resolve-issue.ts';
import { CONTENT, type ContentEntry, HARDENED, textOf } from '../messages/catalogue.ts';
import { IMPORT_NOTES, IMPORT_UNITS, type ImportUnit, MASTHEAD_PARTS } from '../messages/import.ts';
import type { Site } from '../model/site.ts';
import { isCalendarDate, yearOf } from '../text/chinese.ts';
import { binaryKind, decodeText, hasTextBom, type TextEncodingName } from '../text/decode-text.ts';
import type { Block } from './blocks.ts';
import { looksLikeContents } from './contents.ts';
import { documentXmlSize, docxToBlocks } from './docx.ts';
import { convertToDocx } from './office.ts';
import { pdfToBlocks } from './pdf/pdf.ts';
import { type ImportedIssue, recogniseIssue } from './recognise.ts';
import { textToBlocks } from './text.ts';
import type { Note } from './text-tools.ts';
import { importedIssueText } from './to-markdown.ts';

export interface Imported {
  ok: true;
  /** content/<year>/<NN>.md, relative to the project. */
  target: string;
  text: string;
  issue: ImportedIssue;
  /** Text files are counted in lines, Word documents in paragraphs, PDFs in pages. */
  unit: Unit;
  encoding?: TextEncodingName;
  images: number;
}

/** rule: the message's rule id, when it is not the importer's own (LibreOffice's, from the catalogue). */
export type ImportResult = Imported | { ok: false; reason: string; rule?: string };

type Unit = ImportUnit;

const fail = (reason: string, rule?: string): ImportResult => ({ ok: false, reason, rule });

/** The catalogue's words for a file not imported. */
const problem = <P>(entry: ContentEntry<P>, params: P) => ({ problem: textOf(entry, params) });

interface Read {
  blocks: Block[];
  unit: Unit;
  encoding?: TextEncodingName;
  images: number;
  /** Lines or pages of furniture the reader left out already (a PDF's page numbers). */
  dropped?: number[];
  /** What the editor should check that the reader noticed (a PDF's pages without text). */
  notes?: Note[];
}

type Source = Read | { problem: string; rule?: string };

/** More text than this is no issue of a bulletin (an issue is some 10 to 50 KB); nothing is written. */
const MAX_TEXT = 20 * 1024 * 1024;

/** Word's XML holds a few times as many bytes as the text in it. */
const MAX_DOCUMENT_XML = 10 * MAX_TEXT;

const tooLong = (megabytes: number) => textOf(CONTENT.importTooLong, { megabytes, limit: MAX_TEXT / 1024 / 1024 });

async function readWord(bytes: Buffer): Promise<Source> {
  const xml = documentXmlSize(bytes) ?? 0;
  if (xml > MAX_DOCUMENT_XML) return { problem: tooLong(Math.round(xml / 1024 / 1024)) };
  try {
    const word = await docxToBlocks(bytes);
    return { blocks: word.blocks, unit: IMPORT_UNITS.paragraph, images: word.images };
  } catch {
    return problem(CONTENT.importDamagedWord, undefined);
  }
}

async function readPdf(bytes: Buffer): Promise<Source> {
  const pdf = await pdfToBlocks(bytes);
  if (!pdf.ok) {
    switch (pdf.reason) {
      case 'scan':
        return problem(CONTENT.importScan, undefined);
      case 'password':
        return problem(CONTENT.importPassword, undefined);
      case 'columns':
        return problem(CONTENT.importPdfColumns, { pages: pdf.pages });
      case 'rotated':
        return problem(CONTENT.importPdfRotated, { pages: pdf.pages });
      default:
        return problem(CONTENT.importDamagedPdf, undefined);
    }
  }
  const notes = pdf.textless.length > 0 ? [{ line: pdf.textless[0]!, message: IMPORT_NOTES.textlessPages(pdf.textless) }, ...pdf.notes] : pdf.notes;
  return { blocks: pdf.blocks, unit: IMPORT_UNITS.page, images: 0, dropped: pdf.dropped, notes };
}

async function readSource(file: string, bytes: Buffer, extension: string): Promise<Source> {
  const kind = hasTextBom(bytes) ? undefined : binaryKind(bytes);
  if (kind === 'docx') return readWord(bytes);
  if (kind === 'doc') {
    // Word 97–2003 and WPS documents are both of this kind: LibreOffice makes them .docx.
    const converted = await convertToDocx(file);
    return converted.ok ? readWord(converted.docx) : { problem: converted.reason, rule: converted.rule };
  }
  if (kind === 'pdf') return readPdf(bytes);
  if (extension === '.docx') return problem(CONTENT.importNotWord, undefined);
  if (extension === '.pdf') return problem(CONTENT.importNotPdf, undefined);
  if (kind === 'binary') return problem(CONTENT.importUnknownKind, undefined);
  const decoded = decodeText(bytes);
  if (!decoded.ok) return problem(CONTENT.importUnknownEncoding, undefined);
  return { blocks: textToBlocks(decoded.text), unit: IMPORT_UNITS.line, encoding: decoded.encoding, images: 0 };
}

/** Node reads no file of 2 GB or more into one buffer; no issue comes near this (it would be read whole). */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;

export async function importFile(file: string, site: Site): Promise<ImportResult> {
  // Its size first: a file too large to read would end in Node's RangeError, not a message.
  const info = await stat(file).catch(() => undefined);
  if (info?.isFile() && info.size > MAX_FILE_BYTES) {
    return fail(textOf(HARDENED.importTooBig, { gigabytes: (info.size / 1024 ** 3).toFixed(1) }));
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return fail(textOf(code === 'EISDIR' ? CONTENT.importFolder : CONTENT.importUnreadable, undefined));
  }
  const source = await readSource(file, bytes, path.extname(file).toLowerCase());
  if ('problem' in source) return fail(source.problem, source.rule);
  if (source.blocks.length === 0) return fail(textOf(CONTENT.importEmpty, undefined));
  const size = source.blocks.reduce((n, b) => n + b.markdown.length, 0);
  if (size > MAX_TEXT) {
    return fail(tooLong(Math.round(size / 1024 / 1024)));
  }
  if (looksLikeContents(source.blocks)) {
    return fail(textOf(CONTENT.importContents, undefined));
  }

  const issue = recogniseIssue(source.blocks, site, { rejoin: source.unit === IMPORT_UNITS.line });
  issue.dropped = [...(source.dropped ?? []), ...issue.dropped];
  issue.warnings = [...(source.notes ?? []), ...issue.warnings].sort((a, b) => a.line - b.line);
  const missing = [issue.issue ? '' : MASTHEAD_PARTS.issue, issue.date ? '' : MASTHEAD_PARTS.date].filter(Boolean);
  if (missing.length > 0) {
    return fail(textOf(CONTENT.importNoMasthead, { missing, read: issue.mastheadLines }));
  }
  if (!isCalendarDate(issue.date!)) {
    return fail(textOf(CONTENT.importBadDate, { date: issue.date! }));
  }
  const target = `content/${yearOf(issue.date!)}/${issueFileName(issue.issue!)}.md`;
  return { ok: true, target, text: importedIssueText(issue), issue, unit: source.unit, encoding: source.encoding, images: source.images };
}
