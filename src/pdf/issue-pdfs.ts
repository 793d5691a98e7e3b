// Each issue's PDF, beside its page. A PDF is keyed on what it is printed from: the issue as
// resolved (front matter, articles), the site's settings, the templates and styles, and the
// tool's version. So a build finds every PDF before it renders a page, and each page is
// rendered once, with its link. The PDFs are printed only when the build is asked to (--pdf):
// then an issue without a PDF, or with one printed by another Chromium or with other fonts, is
// printed again. The PDFs live in the build's one cache (namespace pdf).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { type Cache, hashOf, hashOfValue } from '../cache/cache.ts';
import type { Namespace } from '../cache/namespaces.ts';
import { CATALOGUE } from '../messages/catalogue.ts';
import { Failure } from '../messages/failure.ts';
import type { Issue } from '../model/issue.ts';
import type { IssuePdf, SiteOutput } from '../model/output.ts';
import { issuePage } from '../model/output.ts';
import type { Site } from '../model/site.ts';
import { seconds, toolTimeLimit } from '../tools/time-limit.ts';
import { FONT_LIST_LIMIT_MS } from './chromium.ts';
import type { PagePrintFailed } from './print-pages.ts';

/** Raised when the way pages are printed changes, so that every PDF is printed again. */
const PRINT_VERSION = '4';
const NAMESPACE: Namespace = 'pdf';

const pad2 = (n: number) => String(n).padStart(2, '0');

export function pdfFileName(site: Site, issue: Issue): string {
  const slug =
    site.pinyin
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'issue';
  return `${slug}-${issue.year}-${pad2(issue.number)}.pdf`;
}

export function pdfDownloadName(site: Site, issue: Issue): string {
  return `${site.title}-${issue.year}-第${pad2(issue.number)}期.pdf`;
}

export function readableSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The cache key of an issue's PDF: everything the printed page is made from. */
export function pdfKey(issue: Issue, site: Site, templatesKey: string, toolVersion: string): string {
  return hashOf(`print ${PRINT_VERSION}`, toolVersion, templatesKey, hashOfValue(site), hashOfValue(issue));
}

/** How a PDF was printed: the environment (Chromium's version and the fonts) and its page count. */
interface PrintRecord {
  environment: string;
  pages: number;
}

/** A stored PDF: how it was printed, as JSON on a line, then the PDF. */
export function packPdf(record: PrintRecord, pdf: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from(`${JSON.stringify(record)}\n`), pdf]);
}

const isPrintRecord = (value: unknown): value is PrintRecord =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as PrintRecord).environment === 'string' &&
  Number.isSafeInteger((value as PrintRecord).pages) &&
  (value as PrintRecord).pages > 0;

function unpackPdf(stored: Buffer): (PrintRecord & { pdf: Uint8Array }) | undefined {
  const end = stored.indexOf(0x0a);
  if (end < 0) return undefined;
  try {
    const record: unknown = JSON.parse(stored.subarray(0, end).toString('utf8'));
    const pdf = new Uint8Array(stored.subarray(end + 1));
    const isPdf = Buffer.from(pdf.subarray(0, 5)).toString('latin1') === '%PDF-';
    return isPrintRecord(record) && isPdf ? { environment: record.environment, pages: record.pages, pdf } : undefined;
  } catch {
    return undefined;
  }
}

function describePdf(site: Site, issue: Issue, bytes: Uint8Array, pages: number): IssuePdf {
  return {
    file: pdfFileName(site, issue),
    download: pdfDownloadName(site, issue),
    pages,
    size: readableSize(bytes.length),
    bytes,
  };
}

export interface PdfInput {
  site: Site;
  issues: Issue[];
  cache: Cache;
  templatesKey: string;
  toolVersion: string;
}

export interface FoundPdfs {
  /** Issue path (2019/09/) → its PDF. */
  pdfs: Map<string, IssuePdf>;
  /** Cache keys, by issue path. */
  keys: Map<string, string>;
  /** Issue path → the environment its PDF was printed in. */
  environments: Map<string, string>;
}

/** The PDFs the cache holds for these issues as they are now. */
export async function findPdfs({ site, issues, cache, templatesKey, toolVersion }: PdfInput): Promise<FoundPdfs> {
  const found: FoundPdfs = { pdfs: new Map(), keys: new Map(), environments: new Map() };
  await Promise.all(
    issues.map(async (issue) => {
      const key = pdfKey(issue, site, templatesKey, toolVersion);
      found.keys.set(issue.path, key);
      const stored = await cache.read(NAMESPACE, key);
      const entry = stored && unpackPdf(stored);
      if (!entry) return;
      found.pdfs.set(issue.path, describePdf(site, issue, entry.pdf, entry.pages));
      found.environments.set(issue.path, entry.environment);
    }),
  );
  return found;
}

/** Chromium's version and the fonts fontconfig offers: a PDF printed in another environment is printed again. */
async function printEnvironment(browserVersion: string): Promise<string> {
  const fonts = await promisify(execFile)('fc-list', [':', 'family', 'file'], { timeout: toolTimeLimit(FONT_LIST_LIMIT_MS) }).then(
    (r) => r.stdout.split('\n').sort().join('\n'),
    () => '',
  );
  return `${browserVersion} ${hashOf(fonts).slice(0, 16)}`;
}

export interface PrintInput {
  site: Site;
  issues: Issue[];
  cache: Cache;
  /** What findPdfs found: the PDFs printed now are added to it. */
  found: FoundPdfs;
  /** Renders the pages of these issues, with their assets, for printing. */
  renderForPrint: (issues: Issue[]) => Promise<SiteOutput>;
  /** Told after each PDF printed. */
  printed?: (issue: Issue, done: number, total: number) => void;
}

/** A page that was not printed, as the catalogue says it: which issue, and what likely happened. */
function printFailure(failed: PagePrintFailed, issue: Issue | undefined): Failure {
  const work = issue ? `${issue.year}年第${issue.number}期` : '各期';
  if (failed.how === 'timeout') return Failure.of(CATALOGUE.chromiumTimeout, { work, seconds: seconds(failed.limitMs) }, failed.error);
  return Failure.of(failed.how === 'crashed' ? CATALOGUE.chromiumCrashed : CATALOGUE.chromiumFailed, { work }, failed.error);
}

/**
 * Prints the issues that have no PDF, or one printed in another environment, adds them to
 * found and to the cache; resolves to the paths of the issues printed. Drops cached PDFs that no
 * issue uses any more.
 */
export async function printMissingPdfs(input: PrintInput): Promise<string[]> {
  const { site, issues, cache, found } = input;
  const { launchChromium } = await import('./chromium.ts');
  const { printPages, PagePrintFailed } = await import('./print-pages.ts');
  const browser = await launchChromium();
  try {
    const environment = await printEnvironment(browser.version());
    const missing = issues.filter((issue) => found.environments.get(issue.path) !== environment);
    const pages = new Map(missing.map((issue) => [issuePage(issue.path), issue]));
    const output = missing.length > 0 ? await input.renderForPrint(missing) : new Map();
    let done = 0;
    // Only a PDF printed whole is cached: one that failed is printed again by the next run.
    await printPages(browser, output, [...pages.keys()], async (page, { bytes, pages: count }) => {
      const issue = pages.get(page)!;
      await cache.write(NAMESPACE, found.keys.get(issue.path)!, packPdf({ environment, pages: count }, bytes));
      found.pdfs.set(issue.path, describePdf(site, issue, bytes, count));
      found.environments.set(issue.path, environment);
      input.printed?.(issue, ++done, missing.length);
    }).catch((error: unknown) => {
      throw error instanceof PagePrintFailed ? printFailure(error, error.page === undefined ? undefined : pages.get(error.page)) : error;
    });
    await cache.prune(NAMESPACE, new Set(found.keys.values()));
    return missing.map((issue) => issue.path);
  } finally {
    // A browser that crashed has nothing left to close.
    await browser.close().catch(() => undefined);
  }
}
