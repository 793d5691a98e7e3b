// The one orchestrator: the build's stages, in order.
import path from 'node:path';
import { VFile } from 'vfile';
import { hasErrors, reportError } from './messages.ts';
import type { Issue } from './model/issue.ts';
import { loadContent } from './stages/load-content.ts';
import { loadSite } from './stages/load-site.ts';
import { parseIssue, type SourceIssue } from './stages/parse-issue.ts';
import { renderMarkdown } from './stages/render-markdown.ts';
import { renderPages, TemplateError, type SiteOutput } from './stages/render-pages.ts';
import { indexSearch } from './stages/index-search.ts';
import { byPublication, resolveIssue } from './stages/resolve-issue.ts';
import { validateArchive } from './stages/validate-archive.ts';
import { writeSite } from './stages/write-site.ts';

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
}

export interface BuildResult {
  /** Every source file, carrying its messages. */
  files: VFile[];
  ok: boolean;
  issues: Issue[];
  output?: SiteOutput;
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  const { projectDir } = options;
  const templatesDir = options.templatesDir ?? path.join(projectDir, 'templates');
  const outDir = options.outDir ?? path.join(projectDir, 'dist');

  // 1. Read content/: site.yml and every issue file.
  const { siteFile, issueFiles } = await loadContent(projectDir);
  const files = [siteFile, ...issueFiles];
  // 2. Site settings.
  const site = loadSite(siteFile);
  // 3. Each issue's front matter and body.
  const sources = issueFiles.map(parseIssue).filter((s): s is SourceIssue => s !== undefined);
  // 4. Checks across the archive.
  validateArchive(sources);
  // 5. Markdown → articles.
  const issues = site
    ? sources.map((source) => resolveIssue(source, site, renderMarkdown(source, site))).sort(byPublication)
    : [];
  if (!site || hasErrors(files)) return { files, ok: false, issues };

  const published = issues.filter((issue) => options.drafts || !issue.draft);
  // 6. Pages.
  let output: SiteOutput;
  try {
    output = await renderPages({ site, issues: published, templatesDir, projectDir });
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    const templateFile = new VFile({ path: error.template, cwd: projectDir });
    reportError(templateFile, error.message, 'template', error.line ? { line: error.line, column: error.column ?? 1 } : undefined);
    return { files: [...files, templateFile], ok: false, issues };
  }
  // 7. Search index: Pagefind's files join the pages.
  if (options.search ?? true) for (const [file, content] of await indexSearch(published)) output.set(file, content);
  // 8. Write, all at once.
  if (options.write) await writeSite(outDir, output);
  return { files, ok: true, issues: published, output };
}
