// A task of the worker pool (workers/pool.ts): imports one file. A thrown error becomes the
// file's failure here, so that one file's failure never stops the others.

import { IMPORT_REASONS } from '../messages/import.ts';
import type { Site } from '../model/site.ts';
import { type ImportResult, importFile } from './import-file.ts';

// pdf.js inflates each compressed stream of a PDF through DecompressionStream when there is one;
// in Node that costs more than the inflating for the hundreds of small streams of a printed
// issue (the fonts' glyphs), and pdf.js's own inflate, which it uses without it, takes half the time.
delete (globalThis as { DecompressionStream?: unknown }).DecompressionStream;

export interface ImportJob {
  file: string;
  site: Site;
}

export default async function importTask({ file, site }: ImportJob): Promise<ImportResult> {
  try {
    return await importFile(file, site);
  } catch (error) {
    return { ok: false, reason: IMPORT_REASONS.crashed((error as Error).message) };
  }
}
