// The one pipeline. A Project holds the stages of the build, in order, and the state they keep
// between runs; every command drives it: build and pdf publish to disk, dev to memory, check
// to nowhere, new and import run its first stages only. `run()` reads everything;
// `run({ changed })` re-reads only the changed files and re-renders only the pages they reach,
// with the same caches (Lume's build() and update(), Zola's Site in its build modes).
//
//   1. read      content/: site.yml and every issue file          (content/load-content.ts)
//   2. parse     site settings; each issue's front matter and body (content/load-site.ts, parse-issue.ts)
//   3. check     checks across the archive                         (content/validate-archive.ts)
//   4. articles  Markdown → articles, from the cache when unchanged (markdown/render-articles.ts)
//   5. issues    an issue's values with the site's defaults         (content/resolve-issue.ts)
//   6. pdfs      each issue's PDF, from the cache or printed now    (pdf/issue-pdfs.ts)
//   7. pages     Nunjucks templates → pages                         (pages/render-pages.ts)
//   8. search    the search index, in parts                         (search/index-search.ts)
//   9. publish   the writer takes the new version of the site       (pipeline/writer.ts, disk-writer.ts)
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { Cache, currentToolVersion, hashOf } from '../cache/cache.ts';
import { isIssuePath, listContent, readText, SITE_FILE } from '../content/load-content.ts';
import { hasErrors, keepMessage, replayMessage, reportError } from '../messages.ts';
import type { Issue } from '../model/issue.ts';
import { type IssuePdf, issuePage, SEARCH_BUNDLE, type SiteOutput } from '../model/output.ts';
import type { Site } from '../model/site.ts';
import { todayInChina } from '../text/chinese.ts';
import { OutputFolderRefused } from './disk-writer.ts';
import type * as Stages from './stages.ts';
import type { Timings } from './timings.ts';
import type { BuildSummary, Writer } from './writer.ts';

/** The stages' modules, loaded on first use (see stages.ts). */
const stages = (): Promise<typeof Stages> => import('./stages.ts');

export interface ProjectOptions {
  /** The project folder, holding content/ and templates/. */
  projectDir: string;
  /** The templates; templates/ of the project by default. */
  templatesDir?: string;
  /** Where the cache is kept, .cache/build/ of the project by default; false: no cache. */
  cacheDir?: string | false;
  /** Publish issues marked draft: true (the dev server always does). */
  drafts?: boolean;
  /**
   * While a file has errors, publish the last version of it that had none, and publish the
   * other files (the dev server). Otherwise any error stops the run before it publishes.
   */
  keepLastGood?: boolean;
  /** Told where each stage starts, for npm run build -- --timings. */
  timings?: Timings;
}

export interface RunOptions {
  /** Where the site goes; none: the stages run and nothing is published (npm run check). */
  writer?: Writer;
  /** Files changed since the last run, relative to the project; none: read everything. */
  changed?: readonly string[];
  /** Build the search index (the default), or leave it as it is for indexSearch() to do later. */
  search?: boolean;
  /** PDFs: none, those already printed (the default), or print those missing (needs Chromium). */
  pdfs?: 'none' | 'cached' | 'print';
  /** Told after each PDF printed. */
  pdfPrinted?: (issue: Issue, done: number, total: number) => void;
}

export interface RunResult {
  ok: boolean;
  /** Every source file, with its messages: content/, and a template or the output folder when they fail. */
  files: VFile[];
  /** The issues published (or that would be, for check); none when the site was found up to date. */
  issues: Issue[];
  /** How many issues the site has. */
  issueCount: number;
  /** Source paths of the drafts left out of the site. */
  drafts: string[];
  /** The site was as this run would make it: nothing was parsed, rendered or written. */
  upToDate: boolean;
  /** Output paths of the site (none when up to date), how many pages it has, and the paths this run changed. */
  paths: string[];
  pageCount: number;
  changed: string[];
  /** Whether every page was rendered (a template, the set of years or site.yml changed). */
  full: boolean;
  /** Paths of the issues published with a PDF, and of those printed in this run. */
  pdfs: { published: string[]; printed: string[] };
}

/** What the project keeps of one issue file between runs. */
interface Entry {
  file: VFile;
  source?: Stages.SourceIssue;
  issue?: Issue;
  /** The file's own messages (reading, parsing, rendering); those across the archive are added anew each run. */
  own: VFileMessage[];
}

/** Runs one publication at a time: the dev server's saves and its search index take turns. */
class Turns {
  private last: Promise<unknown> = Promise.resolve();
  take<T>(work: () => Promise<T>): Promise<T> {
    const next = this.last.then(work, work);
    this.last = next.catch(() => undefined);
    return next;
  }
}

export class Project {
  readonly projectDir: string;
  readonly templatesDir: string;
  readonly cache?: Cache;
  private siteFile = new VFile({ path: SITE_FILE });
  private site?: Site;
  private readonly entries = new Map<string, Entry>();
  private otherFiles: VFile[] = [];
  /** The last version of each issue that had no error, for keepLastGood. */
  private readonly lastGood = new Map<string, Issue>();
  /** The issues and output paths of the site as last published. */
  private published: Issue[] = [];
  private paths = new Set<string>();
  private readonly turns = new Turns();

  constructor(readonly options: ProjectOptions) {
    this.projectDir = options.projectDir;
    this.templatesDir = options.templatesDir ?? path.join(this.projectDir, 'templates');
    if (options.cacheDir !== false) this.cache = new Cache(options.cacheDir ?? path.join(this.projectDir, '.cache', 'build'));
    options.timings?.countLookups(this.cache?.lookups);
  }

  /** The path the site lives under, from site.yml's baseUrl (/lldt/); kept while site.yml has errors. */
  basePath = '/';

  /** Issues published by the last run (empty when the run found the site up to date). */
  get issues(): readonly Issue[] {
    return this.published;
  }

  /** Stage 1: reads content/, or only the changed files; resolves to the entries read anew. */
  private async read(changed?: readonly string[]): Promise<Entry[]> {
    this.options.timings?.lap('read');
    if (changed === undefined) {
      const listed = await listContent(this.projectDir);
      this.siteFile = await readText(this.projectDir, SITE_FILE);
      this.site = undefined;
      this.otherFiles = listed.otherFiles;
      this.entries.clear();
      for (const file of await Promise.all(listed.issues.map((p) => readText(this.projectDir, p)))) this.entries.set(file.path, { file, own: [] });
      return [...this.entries.values()];
    }
    const fresh: Entry[] = [];
    for (const relPath of changed.filter(isIssuePath)) {
      // Anything there is read as the full read would: a folder or a FIFO gets its message there.
      const exists = await stat(path.join(this.projectDir, relPath)).then(
        () => true,
        () => false,
      );
      if (!exists) {
        this.entries.delete(relPath);
        continue;
      }
      const entry: Entry = { file: await readText(this.projectDir, relPath), own: [] };
      this.entries.set(relPath, entry);
      fresh.push(entry);
    }
    return fresh;
  }

  /**
   * Stages 2–5 on the entries read anew: parses them (and site.yml after a full read), renders
   * their articles (unless told not to: npm run new needs only the numbers), resolves their
   * issues, then checks the whole archive.
   */
  private async parse(fresh: Entry[], { articles = true } = {}): Promise<{ site?: Site; sources: Stages.SourceIssue[]; files: VFile[] }> {
    const { loadSite, parseIssue, renderArticles, resolveIssue, validateArchive } = await stages();
    // 2. Parse.
    this.options.timings?.lap('parse');
    const full = this.site === undefined;
    if (full) {
      this.site = loadSite(this.siteFile);
      if (this.site) this.basePath = new URL(this.site.baseUrl).pathname;
    }
    for (const entry of fresh) entry.source = parseIssue(entry.file);
    // 4–5. Articles, from the cache when unchanged, and the issues resolved.
    this.options.timings?.lap('articles');
    const site = this.site;
    if (articles && site) {
      const rendering = fresh.filter((e) => e.source);
      const toolVersion = await currentToolVersion();
      const rendered = await renderArticles(
        rendering.map((e) => e.source!),
        site,
        { cache: this.cache, toolVersion, prune: full },
      );
      rendering.forEach((entry, i) => {
        entry.issue = resolveIssue(entry.source!, site, rendered[i]!);
      });
    }
    for (const entry of fresh) entry.own = [...entry.file.messages];
    // 3. Check across the archive; its messages are made anew each time.
    this.options.timings?.lap('check');
    const entries = [...this.entries.values()];
    for (const entry of entries) entry.file.messages = [...entry.own];
    const sources = entries.flatMap((e) => (e.source ? [e.source] : []));
    validateArchive(sources);
    return { site, sources, files: this.files() };
  }

  /** Stages 1–2 for site.yml alone: the settings (npm run import needs the columns and the title). */
  async settings(): Promise<{ site?: Site; file: VFile }> {
    this.siteFile = await readText(this.projectDir, SITE_FILE);
    this.site = (await stages()).loadSite(this.siteFile);
    return { site: this.site, file: this.siteFile };
  }

  /** Stages 1–5 on everything, for the commands that need the archive but not the site (new, import). */
  async load({ articles = true } = {}): Promise<{ site?: Site; sources: Stages.SourceIssue[]; files: VFile[] }> {
    return this.parse(await this.read(), { articles });
  }

  private files(): VFile[] {
    return [this.siteFile, ...[...this.entries.values()].map((e) => e.file), ...this.otherFiles];
  }

  /** The issues to publish: every good one, or with keepLastGood the last good version of each. */
  private async chooseIssues(): Promise<{ issues: Issue[]; drafts: Issue[] }> {
    const { byPublication } = await stages();
    const good = new Map<string, Issue>();
    for (const [relPath, entry] of this.entries) {
      if (entry.issue && !entry.file.messages.some((m) => m.fatal)) good.set(relPath, entry.issue);
    }
    if (this.options.keepLastGood) {
      for (const relPath of [...this.lastGood.keys()]) if (!this.entries.has(relPath)) this.lastGood.delete(relPath);
      for (const [relPath, issue] of good) this.lastGood.set(relPath, issue);
    }
    const all = [...(this.options.keepLastGood ? this.lastGood : good).values()].sort(byPublication);
    const drafts = this.options.drafts ? [] : all.filter((issue) => issue.draft);
    return { issues: all.filter((issue) => !drafts.includes(issue)), drafts };
  }

  /** A hash of every file under templates/: part of each PDF's key. */
  private async templatesKey(): Promise<string> {
    const entries = await readdir(this.templatesDir, { recursive: true, withFileTypes: true }).catch(() => []);
    const files = entries
      .filter((e) => e.isFile())
      .map((e) => path.join(e.parentPath, e.name))
      .sort();
    const contents = await Promise.all(files.map((file) => readFile(file)));
    return hashOf(...files.map((f) => path.relative(this.templatesDir, f)), ...contents);
  }

  /**
   * The key of everything a build is made from: the tool, the options, today's date (a future
   * date is warned about), site.yml, every issue file and every other file of content/, and the
   * templates. Touching a file without changing it leaves the key as it was.
   */
  private async buildKey(run: RunOptions, templatesKey: string): Promise<string> {
    return hashOf(
      await currentToolVersion(),
      JSON.stringify([this.options.drafts ?? false, this.options.keepLastGood ?? false, run.search ?? true, run.pdfs ?? 'cached', todayInChina()]),
      templatesKey,
      ...this.files().flatMap((file) => [file.path, String(file.value), JSON.stringify(file.messages.map(String))]),
    );
  }

  /** The result of a build that found the site as it would make it: its warnings told again. */
  private upToDateResult(summary: BuildSummary): RunResult {
    const files = summary.messages.map(({ path: filePath, messages }) => {
      const file = new VFile({ path: filePath, cwd: this.projectDir });
      for (const m of messages) replayMessage(file, m);
      return file;
    });
    return {
      ok: true,
      files,
      issues: [],
      issueCount: summary.issues,
      drafts: summary.drafts,
      upToDate: true,
      paths: [],
      changed: [],
      full: false,
      pdfs: { published: summary.pdfs, printed: [] },
      pageCount: summary.pages,
    };
  }

  /** Runs the whole pipeline, or brings it up to date with the changed files. */
  run(options: RunOptions = {}): Promise<RunResult> {
    return this.turns.take(() => this.runStages(options));
  }

  private async runStages(run: RunOptions): Promise<RunResult> {
    const { writer, changed, search = true, pdfs = 'cached', pdfPrinted } = run;
    const incremental = changed !== undefined && !changed.includes(SITE_FILE) && this.paths.size > 0;
    // 1. Read; a site left exactly as this build would make it is up to date.
    const fresh = await this.read(incremental ? changed : undefined);
    // The templates' hash is part of the build's key and of every PDF's: made once a run.
    let templates: Promise<string> | undefined;
    const templatesKey = () => (templates ??= this.templatesKey());
    const key = !incremental && writer?.current && pdfs !== 'print' ? await this.buildKey(run, await templatesKey()) : undefined;
    const summary = key === undefined ? undefined : await writer!.current!(key);
    if (summary) return this.upToDateResult(summary);
    // 2–5. Parse, articles, check, issues.
    const { site, files } = await this.parse(fresh);
    const { issues, drafts } = await this.chooseIssues();
    const result: RunResult = {
      ok: false,
      files,
      issues,
      issueCount: issues.length,
      drafts: drafts.map((d) => d.source),
      upToDate: false,
      paths: [...this.paths],
      pageCount: 0,
      changed: [],
      full: !incremental,
      pdfs: { published: [], printed: [] },
    };
    if (!site || (!this.options.keepLastGood && hasErrors(files))) return result;
    this.options.timings?.lap('publish');
    const refused = writer && (await this.begin(writer));
    if (refused) return { ...result, files: [...files, refused] };
    const { findPdfs, indexSearch, planRender, printMissingPdfs, TemplateError } = await stages();
    try {
      // 6. PDFs: those printed already, and with --pdf those still missing.
      let found: Stages.FoundPdfs | undefined;
      if (pdfs !== 'none' && this.cache) {
        this.options.timings?.lap('pdfs');
        const toolVersion = await currentToolVersion();
        found = await findPdfs({ site, issues, cache: this.cache, templatesKey: await templatesKey(), toolVersion });
        if (pdfs === 'print') {
          const renderForPrint = (chosen: Issue[]) => this.renderPages(site, issues, { only: (p) => chosen.some((i) => issuePage(i.path) === p) });
          result.pdfs.printed = await printMissingPdfs({ site, issues, cache: this.cache, found, renderForPrint, printed: pdfPrinted });
        }
        result.pdfs.published = [...found.pdfs.keys()];
      }
      // 7. Pages: those the change reaches, or all; the others are kept as they are.
      this.options.timings?.lap('pages');
      const plan: Stages.RenderPlan =
        incremental && !changed.some((p) => p.startsWith('templates/')) ? planRender(this.published, issues, new Set(changed)) : { removed: [] };
      const isSearchFile = (p: string) => p.startsWith(`${SEARCH_BUNDLE}/`);
      const paths = new Set<string>();
      for (const p of this.paths) {
        const kept = plan.only ? !plan.removed.includes(p) && !(search && isSearchFile(p)) : !search && isSearchFile(p);
        if (kept) paths.add(p);
      }
      const put = async (file: string, content: string | Uint8Array) => {
        paths.add(file);
        await writer?.put(file, content);
      };
      const pages = await this.renderPages(site, issues, { pdfs: found?.pdfs, only: plan.only });
      for (const [file, content] of pages) await put(file, content);
      for (const [issuePath, pdf] of found?.pdfs ?? []) {
        if (!plan.only || plan.only(issuePage(issuePath))) await put(`${issuePath}${pdf.file}`, pdf.bytes);
      }
      result.full = !plan.only;
      // 8. Search index.
      if (search) {
        this.options.timings?.lap('search');
        const toolVersion = await currentToolVersion();
        for (const [file, content] of await indexSearch(issues, { cache: this.cache, toolVersion })) await put(file, content);
      }
      // 9. Publish, with the stamp that lets the next build find the site up to date.
      this.options.timings?.lap('publish');
      const pageCount = [...paths].filter((p) => p.endsWith('.html')).length;
      const stampOf = (k: string) => ({ key: k, summary: this.summaryOf(files, result, pageCount) });
      result.changed = (await writer?.commit(paths, key === undefined ? undefined : stampOf(key))) ?? [];
      this.paths = paths;
      this.published = issues;
      return { ...result, ok: true, paths: [...paths].sort(), pageCount };
    } catch (error) {
      await writer?.abort();
      if (!(error instanceof TemplateError)) throw error;
      const templateFile = new VFile({ path: error.template, cwd: this.projectDir });
      reportError(templateFile, error.message, error.rule, error.line ? { line: error.line, column: error.column ?? 1 } : undefined);
      return { ...result, files: [...files, templateFile] };
    }
  }

  private summaryOf(files: VFile[], result: RunResult, pages: number): BuildSummary {
    return {
      issues: result.issueCount,
      pages,
      pdfs: result.pdfs.published,
      drafts: result.drafts,
      messages: files
        .filter((f) => f.messages.length > 0)
        .map((f) => ({
          path: f.path,
          messages: f.messages.map(keepMessage),
        })),
    };
  }

  /** Opens a new version of the site; a VFile with the reason when the output folder is refused. */
  private async begin(writer: Writer): Promise<VFile | undefined> {
    try {
      await writer.begin();
      return undefined;
    } catch (error) {
      if (!(error instanceof OutputFolderRefused)) throw error;
      const outFile = new VFile({ path: path.relative(this.projectDir, error.outDir) || '.', cwd: this.projectDir });
      reportError(outFile, error.message, 'output-folder', { line: 1, column: 1 });
      return outFile;
    }
  }

  private async renderPages(
    site: Site,
    issues: Issue[],
    { pdfs, only }: { pdfs?: ReadonlyMap<string, IssuePdf>; only?: (outputPath: string) => boolean },
  ): Promise<SiteOutput> {
    const { renderPages } = await stages();
    return renderPages({ site, issues, templatesDir: this.templatesDir, projectDir: this.projectDir, pdfs, only });
  }

  /**
   * Stage 8 on its own, for the dev server: indexes the issues published last, then swaps the
   * new index in. It runs between the saves' own runs, never during one.
   */
  async indexSearch(writer: Writer): Promise<void> {
    // No site yet (site.yml has errors): nothing to index.
    if (this.paths.size === 0) return;
    const issues = this.published;
    const { indexSearch } = await stages();
    const index = await indexSearch(issues, { cache: this.cache, toolVersion: await currentToolVersion() });
    await this.turns.take(async () => {
      if (this.published !== issues) return;
      await writer.begin();
      const paths = new Set([...this.paths].filter((p) => !p.startsWith(`${SEARCH_BUNDLE}/`)));
      for (const [file, content] of index) {
        paths.add(file);
        await writer.put(file, content);
      }
      await writer.commit(paths);
      this.paths = paths;
    });
  }
}
