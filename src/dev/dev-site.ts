// The site as the dev server holds it: the build's stages, kept in memory between edits, so
// that an edit to one issue re-reads that file, re-checks the archive and re-renders only the
// pages the edit changes. A file with errors keeps its last good version on the site while its
// errors are shown; drafts are shown too. Nothing is written to disk.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { BuildCache, currentToolVersion } from '../cache/build-cache.ts';
import { reportError } from '../messages.ts';
import type { Issue } from '../model/issue.ts';
import type { Site } from '../model/site.ts';
import { formatReport } from '../report.ts';
import { indexSearch, SEARCH_BUNDLE } from '../stages/index-search.ts';
import { loadContent, readText } from '../stages/load-content.ts';
import { loadSite } from '../stages/load-site.ts';
import { parseIssue, type SourceIssue } from '../stages/parse-issue.ts';
import { renderMarkdown } from '../stages/render-markdown.ts';
import { renderPages, TemplateError, type SiteOutput } from '../stages/render-pages.ts';
import { byPublication, resolveIssue } from '../stages/resolve-issue.ts';
import { validateArchive } from '../stages/validate-archive.ts';
import { planRender, type RenderPlan } from './affected-pages.ts';

/** A problem as the browser overlay shows it. */
export interface Problem {
  file: string;
  line?: number;
  column?: number;
  message: string;
}

export interface Update {
  /** Output paths changed or removed by this update. */
  changed: string[];
  /** Pages rendered, and whether that was every page. */
  rendered: number;
  full: boolean;
  /** Errors of every file, for the overlay. */
  problems: Problem[];
  /** Errors and warnings, as the build prints them. */
  report: string;
}

interface Entry {
  file: VFile;
  source?: SourceIssue;
  issue?: Issue;
  /** The file's own messages (reading, parsing, rendering); those across the archive are added anew each time. */
  own: VFileMessage[];
}

const ISSUE_FILE = /^content\/[^./][^/]*\/[^/]+\.md$/;
export const isIssueFile = (relPath: string) => ISSUE_FILE.test(relPath);

const sameContent = (a: string | Uint8Array | undefined, b: string | Uint8Array) =>
  typeof a === 'string' || typeof b === 'string' ? a === b : a !== undefined && Buffer.from(a).equals(Buffer.from(b));

export class DevSite {
  /** Output path → content: what the server serves. */
  readonly output: SiteOutput = new Map();
  private siteFile = new VFile({ path: 'content/site.yml' });
  private site?: Site;
  private templateFile?: VFile;
  private readonly entries = new Map<string, Entry>();
  /** The last version of each issue that had no error: what the site shows. */
  private readonly lastGood = new Map<string, Issue>();
  private published: Issue[] = [];

  constructor(
    readonly projectDir: string,
    readonly templatesDir = path.join(projectDir, 'templates'),
  ) {}

  /** The path the site lives under, from site.yml's baseUrl (/lldt/); kept while site.yml has errors. */
  basePath = '/';

  get issueCount(): number {
    return this.published.length;
  }

  /** Reads and renders everything, as at the start or after site.yml changed. */
  async loadAll(): Promise<Update> {
    const { siteFile, issueFiles } = await loadContent(this.projectDir);
    this.siteFile = siteFile;
    this.site = loadSite(siteFile);
    if (this.site) this.basePath = new URL(this.site.baseUrl).pathname;
    this.entries.clear();
    for (const file of issueFiles) this.entries.set(file.path, this.readEntry(file));
    return this.publish(new Set(), true);
  }

  /** Takes in edited files (paths relative to the project) and re-renders what they change. */
  async update(paths: readonly string[]): Promise<Update> {
    if (paths.includes('content/site.yml')) return this.loadAll();
    const edited = new Set(paths.filter(isIssueFile));
    for (const relPath of edited) {
      const exists = await stat(path.join(this.projectDir, relPath)).then((s) => s.isFile(), () => false);
      if (exists) this.entries.set(relPath, this.readEntry(await readText(this.projectDir, relPath)));
      else this.entries.delete(relPath);
    }
    return this.publish(edited, paths.some((p) => p.startsWith('templates/')));
  }

  /**
   * Indexes the published issues for search, replacing the index served. The index is in parts of
   * a hundred issues, and the parts an edit did not touch come from the build cache.
   */
  async refreshSearchIndex(): Promise<void> {
    const cache = new BuildCache(path.join(this.projectDir, '.cache', 'build'));
    const files = await indexSearch(this.published, { cache, toolVersion: await currentToolVersion() });
    for (const key of [...this.output.keys()]) if (key.startsWith(`${SEARCH_BUNDLE}/`)) this.output.delete(key);
    for (const [key, content] of files) this.output.set(key, content);
  }

  private readEntry(file: VFile): Entry {
    const source = parseIssue(file);
    const issue = source && this.site ? resolveIssue(source, this.site, renderMarkdown(source, this.site)) : undefined;
    return { file, source, issue, own: [...file.messages] };
  }

  private async publish(edited: ReadonlySet<string>, full: boolean): Promise<Update> {
    const entries = [...this.entries.values()];
    for (const entry of entries) entry.file.messages = [...entry.own];
    validateArchive(entries.flatMap((e) => (e.source ? [e.source] : [])));
    for (const [relPath, entry] of this.entries) {
      if (entry.issue && !entry.file.messages.some((m) => m.fatal)) this.lastGood.set(relPath, entry.issue);
    }
    for (const relPath of [...this.lastGood.keys()]) if (!this.entries.has(relPath)) this.lastGood.delete(relPath);
    const after = [...this.lastGood.values()].sort(byPublication);
    const plan: RenderPlan = full ? { removed: [] } : planRender(this.published, after, edited);
    const update = await this.render(after, plan);
    this.published = after;
    return update;
  }

  private async render(issues: Issue[], plan: RenderPlan): Promise<Update> {
    const changed: string[] = [];
    let rendered = 0;
    this.templateFile = undefined;
    if (this.site) {
      try {
        const fresh = await renderPages({ site: this.site, issues, templatesDir: this.templatesDir, projectDir: this.projectDir, only: plan.only });
        if (!plan.only) {
          for (const key of [...this.output.keys()]) {
            if (!fresh.has(key) && !key.startsWith(`${SEARCH_BUNDLE}/`)) plan.removed.push(key);
          }
        }
        for (const [key, content] of fresh) {
          if (key.endsWith('.html')) rendered++;
          if (!sameContent(this.output.get(key), content)) changed.push(key);
          this.output.set(key, content);
        }
        for (const key of plan.removed) if (this.output.delete(key)) changed.push(key);
      } catch (error) {
        if (!(error instanceof TemplateError)) throw error;
        this.templateFile = new VFile({ path: error.template, cwd: this.projectDir });
        reportError(this.templateFile, error.message, 'template', error.line ? { line: error.line, column: error.column ?? 1 } : undefined);
      }
    }
    return { changed, rendered, full: !plan.only, ...this.problems() };
  }

  private problems(): Pick<Update, 'problems' | 'report'> {
    const files = [this.siteFile, ...[...this.entries.values()].map((e) => e.file), ...(this.templateFile ? [this.templateFile] : [])];
    const problems = files.flatMap((file) =>
      file.messages
        .filter((m) => m.fatal)
        .map((m) => ({ file: file.path, line: m.line ?? undefined, column: m.column ?? undefined, message: m.reason })),
    );
    return { problems, report: formatReport(files) };
  }
}
