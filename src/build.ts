// The one orchestrator: the build's stages, in order.
import path from 'node:path';
import { VFile } from 'vfile';
import { hasErrors, reportError } from './messages.ts';
import type { Issue } from './model/issue.ts';
import { loadContent } from './stages/load-content.ts';
import { loadSite } from './stages/load-site.ts';
import { parseIssue, type SourceIssue } from './stages/parse-issue.ts';
import { renderArticles } from './stages/render-articles.ts';
import { BuildCache, currentToolVersion } from './cache/build-cache.ts';
import { renderPages, TemplateError, type SiteOutput } from './stages/render-pages.ts';
import { indexSearch } from './stages/index-search.ts';
import { attachPdfs, type AttachedPdfs } from './stages/attach-pdfs.ts';
import { PdfCache } from './pdf/pdf-cache.ts';
import { byPublication, resolveIssue } from './stages/resolve-issue.ts';
import { validateArchive } from './stages/validate-archive.ts';
import { refuseOutputFolder, writeSite } from './stages/write-site.ts';

export interface BuildOptions {
  /** The project folder, holding content/ and templates/. */
  projectDir: string;
  /** The templates; templates/ of the project by default. */
  templatesDir?: string;
  /** Where the site is written; dist/ by default. */
  outDir?: string;
  /** Write the site (build) or only check the content (check). */
  write: boolean;
  /** Publish issues marked draft: true. */
  drafts?: boolean;
  /** Build the search index (the default); the benchmark times the pages alone without it. */
  search?: boolean;
  /** Where the build cache is kept, .cache/build/ of the project by default; false: no cache. */
  cacheDir?: string | false;
  /** Print the PDF of every issue whose page is new or changed (needs Chromium). Without it, PDFs
   *  already printed for pages that have not changed are still published. */
  pdf?: boolean;
  /** Where printed PDFs are kept between builds; .cache/pdf/ of the project by default. */
  pdfCacheDir?: string;
  /** Told after each PDF printed. */
  pdfPrinted?: (issue: Issue, done: number, total: number) => void;
}

export interface BuildResult {
  /** Every source file, carrying its messages. */
  files: VFile[];
  ok: boolean;
  issues: Issue[];
  output?: SiteOutput;
  /** Paths of the issues published with a PDF, and of those printed in this build. */
  pdfs?: { published: string[]; printed: string[] };
  /** Source files of the drafts left out (draft: true, without --drafts). */
  drafts?: string[];
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  const { projectDir } = options;
  const templatesDir = options.templatesDir ?? path.join(projectDir, 'templates');
  const outDir = options.outDir ?? path.join(projectDir, 'dist');

  // 1. Read content/: site.yml and every issue file.
  const { siteFile, issueFiles, otherFiles } = await loadContent(projectDir);
  const files = [siteFile, ...issueFiles, ...otherFiles];
  // 2. Site settings.
  const site = loadSite(siteFile);
  // 3. Each issue's front matter and body.
  const sources = issueFiles.map(parseIssue).filter((s): s is SourceIssue => s !== undefined);
  // 4. Checks across the archive.
  validateArchive(sources);
  // 5. Markdown → articles, from the cache where nothing changed.
  const buildCache = options.cacheDir === false ? undefined : new BuildCache(options.cacheDir ?? path.join(projectDir, '.cache', 'build'));
  const toolVersion = await currentToolVersion();
  const articles = site ? await renderArticles(sources, site, { cache: buildCache, toolVersion }) : [];
  const issues = site ? sources.map((source, i) => resolveIssue(source, site, articles[i]!)).sort(byPublication) : [];
  if (!site || hasErrors(files)) return { files, ok: false, issues };

  const published = issues.filter((issue) => options.drafts || !issue.draft);
  const pageInput = { site, issues: published, templatesDir, projectDir };
  const cache = new PdfCache(options.pdfCacheDir ?? path.join(projectDir, '.cache', 'pdf'));
  let output: SiteOutput;
  let attached: AttachedPdfs;
  try {
    // 6. Pages.
    output = await renderPages(pageInput);
    // 7. PDFs beside their pages, from the cache or printed now (--pdf); the pages that have one link it.
    attached = await attachPdfs({ site, issues: published, output, cache, print: options.pdf ?? false, printed: options.pdfPrinted });
    const pdfs = attached.pdfs;
    if (pdfs.size > 0) {
      const linked = await renderPages({ ...pageInput, pdfs, only: (page) => pdfs.has(page.replace(/index\.html$/, '')) });
      for (const [issuePath, pdf] of pdfs) {
        output.set(`${issuePath}index.html`, linked.get(`${issuePath}index.html`)!);
        output.set(`${issuePath}${pdf.file}`, pdf.bytes);
      }
    }
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    const templateFile = new VFile({ path: error.template, cwd: projectDir });
    reportError(templateFile, error.message, 'template', error.line ? { line: error.line, column: error.column ?? 1 } : undefined);
    return { files: [...files, templateFile], ok: false, issues };
  }
  // 8. Search index: Pagefind's files join the pages.
  if (options.search ?? true) {
    for (const [file, content] of await indexSearch(published, { cache: buildCache, toolVersion })) output.set(file, content);
  }
  // 9. Write, all at once.
  if (options.write) {
    const refusal = await refuseOutputFolder(outDir, projectDir);
    if (refusal) {
      const outFile = new VFile({ path: path.relative(projectDir, outDir) || '.', cwd: projectDir });
      reportError(outFile, refusal, 'output-folder');
      return { files: [...files, outFile], ok: false, issues };
    }
    await writeSite(outDir, output, buildCache);
  }
  const pdfs = { published: [...attached.pdfs.keys()], printed: attached.printedNow };
  const drafts = issues.filter((issue) => !published.includes(issue)).map((issue) => issue.source);
  return { files, ok: true, issues: published, output, pdfs, drafts };
}
