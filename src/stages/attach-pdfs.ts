// Stage 7: each issue's PDF, beside its page. A PDF is known by the hash of the page it was printed
// from (the HTML, which names its stylesheets and script with a hash of their content): found in
// the cache when that page has not changed, printed now when the build is asked to (--pdf).
// Pages are hashed and printed as rendered without a PDF link, which print never shows anyway.
import { createHash } from 'node:crypto';
import type { Issue } from '../model/issue.ts';
import type { Site } from '../model/site.ts';
import type { PdfCache } from '../pdf/pdf-cache.ts';
import { printPages } from '../pdf/print-pages.ts';
import type { SiteOutput } from './render-pages.ts';

/** Raised when the way pages are printed changes, so that every PDF is printed again. */
const PRINT_VERSION = '2';

/** What the issue page shows of its PDF, and the PDF itself. */
export interface IssuePdf {
  /** File name beside the page, ASCII: lianluodongtai-2019-09.pdf */
  file: string;
  /** Name the browser saves it under: 联络动态-2019-第09期.pdf */
  download: string;
  pages: number;
  /** Size for readers: 215 KB, 1.2 MB */
  size: string;
  bytes: Uint8Array;
}

export interface AttachPdfsInput {
  site: Site;
  issues: Issue[];
  /** The pages as rendered without PDF links. */
  output: SiteOutput;
  cache: PdfCache;
  /** Print the PDFs that the cache does not have (needs Chromium); otherwise leave those issues without. */
  print: boolean;
  /** Told after each PDF printed. */
  printed?: (issue: Issue, done: number, total: number) => void;
}

export interface AttachedPdfs {
  /** Issue path (2019/09/) → its PDF. */
  pdfs: Map<string, IssuePdf>;
  /** Paths of the issues printed in this build. */
  printedNow: string[];
}

const pad2 = (n: number) => String(n).padStart(2, '0');

export function pdfFileName(site: Site, issue: Issue): string {
  const slug = site.pinyin.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'issue';
  return `${slug}-${issue.year}-${pad2(issue.number)}.pdf`;
}

export function pdfDownloadName(site: Site, issue: Issue): string {
  return `${site.title}-${issue.year}-第${pad2(issue.number)}期.pdf`;
}

/** Pages in a PDF as Chromium writes it (one page tree; its root counts them all). */
export function countPdfPages(pdf: Uint8Array): number {
  const text = Buffer.from(pdf).toString('latin1');
  const counts = [...text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)/g)].map((m) => Number(m[1]));
  return counts.length > 0 ? Math.max(...counts) : 0;
}

export function readableSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function printKey(html: string | Uint8Array): string {
  return createHash('sha256').update(`print ${PRINT_VERSION}\n`).update(html).digest('hex').slice(0, 32);
}

export async function attachPdfs({ site, issues, output, cache, print, printed }: AttachPdfsInput): Promise<AttachedPdfs> {
  const pageOf = (issue: Issue) => `${issue.path}index.html`;
  const keys = new Map(issues.map((issue) => [issue.path, printKey(output.get(pageOf(issue)) ?? '')]));
  const found = new Map<string, Uint8Array>();
  for (const issue of issues) {
    const pdf = await cache.get(keys.get(issue.path)!);
    if (pdf) found.set(issue.path, pdf);
  }

  const missing = print ? issues.filter((issue) => !found.has(issue.path)) : [];
  const issueOfPage = new Map(missing.map((issue) => [pageOf(issue), issue]));
  let done = 0;
  await printPages(output, [...issueOfPage.keys()], async (page, pdf) => {
    const issue = issueOfPage.get(page)!;
    await cache.put(keys.get(issue.path)!, pdf);
    found.set(issue.path, pdf);
    printed?.(issue, ++done, missing.length);
  });
  if (print) await cache.keepOnly(keys.values());

  const pdfs = new Map<string, IssuePdf>();
  for (const issue of issues) {
    const bytes = found.get(issue.path);
    if (!bytes) continue;
    pdfs.set(issue.path, {
      file: pdfFileName(site, issue),
      download: pdfDownloadName(site, issue),
      pages: countPdfPages(bytes),
      size: readableSize(bytes.length),
      bytes,
    });
  }
  return { pdfs, printedNow: missing.map((issue) => issue.path) };
}
