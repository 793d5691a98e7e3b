// The one pipeline. A Project holds the stages of the build, in order, and the state they keep
// between runs; every command drives it: build and pdf publish to disk, dev to memory, check
// to nowhere, new and import run its first stages only. `run()` reads everything;
// `run({ changed })` re-reads only the changed files and re-renders only the pages they reach,
// with the same caches (Lume's build() and update(), Zola's Site in its build modes).
//
//   1. read      content/: site.yml and every issue file, as bytes   (content/load-content.ts)
//   2. parse     site settings; each issue's front matter, and its   (content/load-site.ts, parse-issue.ts,
//                Markdown → articles: from the cache when unchanged   markdown/render-markdown.ts; pipeline/parse-and-render.ts)
//   3. check     checks across the archive                           (content/validate-archive.ts)
//   4. issues    an issue's values with the site's defaults           (content/resolve-issue.ts)
//   5. pdfs      each issue's PDF, from the cache or printed now      (pdf/issue-pdfs.ts)
//   6. pages     Nunjucks templates → pages                           (pages/render-pages.ts)
//   7. search    the search index, in parts, beside stages 5 and 6    (search/index-search.ts)
//   8. publish   the writer takes the new version of the site         (pipeline/writer.ts, disk-writer.ts)
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { Cache, currentToolVersion } from '../cache/cache.ts';
import { decodeSource, isIssuePath, listContent, type RawSource, readSource, readText, SITE_FILE } from '../content/load-content.ts';
import { hasErrors, keepMessage, replayMessage, reportError } from '../messages.ts';
import type { Issue } from '../model/issue.ts';
import { type IssuePdf, issuePage, SEARCH_BUNDLE, type SiteOutput } from '../model/output.ts';
import type { Site } from '../model/site.ts';
import { buildKey, type PublishingOptions, printOf, renderKey, templatesKey } from './build-keys.ts';
import { OutputFolderRefused } from './disk-writer.ts';
import type * as Stages from './stages.ts';
import type { Timings } from './timings.ts';
import type { BuildStamp, BuildSummary, PublishedIssue, RenderRecord, Writer } from './writer.ts';

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
  /** site.yml as read by a full read, until it is decoded. */
  private siteSource?: RawSource;
  private site?: Site;
  private readonly entries = new Map<string, Entry>();
  private otherFiles: VFile[] = [];
  /** The images directly in content/, which the pages may show (the 党政机关网站标识). */
  private contentImages: string[] = [];
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

  /**
   * Stage 1: reads content/ (site.yml and every issue file), or only the changed issue files,
   * as bytes: the whole-build key is made of them, before anything is decoded.
   */
  private async read(changed?: readonly string[]): Promise<RawSource[]> {
    this.options.timings?.lap('read');
    if (changed === undefined) {
      const listed = await listContent(this.projectDir);
      this.siteSource = readSource(this.projectDir, SITE_FILE);
      this.site = undefined;
      this.otherFiles = listed.otherFiles;
      this.contentImages = listed.images;
      this.entries.clear();
      return listed.issues.map((relPath) => readSource(this.projectDir, relPath));
    }
    const fresh: RawSource[] = [];
    for (const relPath of changed.filter(isIssuePath)) {
      const raw = readSource(this.projectDir, relPath);
      // Anything there is read as the full read would: a folder or a FIFO gets its message there.
      const gone = !raw.read.ok && raw.read.problem === 'missing' && !(await stat(path.join(this.projectDir, relPath)).catch(() => undefined));
      if (gone) this.entries.delete(relPath);
      else fresh.push(raw);
    }
    return fresh;
  }

  /** Stage 1, its end: the files read anew, decoded; site.yml too after a full read. */
  private decode(fresh: RawSource[]): Entry[] {
    if (this.siteSource) this.siteFile = decodeSource(this.projectDir, this.siteSource);
    this.siteSource = undefined;
    return fresh.map((raw) => {
      const entry: Entry = { file: decodeSource(this.projectDir, raw), own: [] };
      this.entries.set(raw.relPath, entry);
      return entry;
    });
  }

  /**
   * Stages 2–4 on the entries read anew: parses them (and site.yml after a full read), renders
   * their articles (unless told not to: npm run new needs only the numbers), resolves their
   * issues, then checks the whole archive.
   */
  private async parse(fresh: Entry[], { articles = true } = {}): Promise<{ site?: Site; sources: Stages.SourceIssue[]; files: VFile[] }> {
    const { loadSite, parseAndRender, resolveIssue, validateArchive } = await stages();
    // 2. Parse, and render the articles: from the cache, for each file as it was.
    this.options.timings?.lap('parse');
    const full = this.site === undefined;
    if (full) {
      this.site = loadSite(this.siteFile);
      if (this.site) this.basePath = new URL(this.site.baseUrl).pathname;
    }
    const site = this.site;
    const toolVersion = await currentToolVersion();
    const parsed = await parseAndRender(
      fresh.map((e) => e.file),
      { site, articles, cache: this.cache, toolVersion, prune: full },
    );
    // 4. The issues resolved, with the site's defaults.
    fresh.forEach((entry, i) => {
      const { source, articles: rendered } = parsed[i]!;
      entry.source = source;
      entry.issue = source && rendered && site ? resolveIssue(source, site, rendered) : undefined;
    });
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

  /** Stages 1–4 on everything, for the commands that need the archive but not the site (new, import). */
  async load({ articles = true } = {}): Promise<{ site?: Site; sources: Stages.SourceIssue[]; files: VFile[] }> {
    return this.parse(this.decode(await this.read()), { articles });
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

  /** The whole-build key of this run's inputs (build-keys.ts). */
  private async buildKey(options: PublishingOptions, templates: string, sources: RawSource[]): Promise<string> {
    const images = await Promise.all(
      this.contentImages.map(async (image) => [image, await readFile(path.join(this.projectDir, image)).catch(() => '')] as const),
    );
    const pdfKeys = (await this.cache?.versions('pdf')) ?? [];
    return buildKey({ options, templatesKey: templates, sources: [this.siteSource!, ...sources], otherFiles: this.otherFiles, images, pdfs: pdfKeys });
  }

  /**
   * The plan of a build that reads everything, and the files of the version it follows: when the
   * last build's pages were made of the same templates, settings and tool, and its site is whole,
   * only the pages the edited issues reach; otherwise every page.
   */
  private async resume(writer: Writer | undefined, record: RenderRecord): Promise<{ plan: Stages.RenderPlan; previous: Iterable<string> }> {
    const { editedSources, planRender, RENDER_ALL } = await stages();
    const last = await writer?.last?.();
    if (!last || last.render.key !== record.key) return { plan: RENDER_ALL, previous: this.paths };
    const printsOf = (issues: PublishedIssue[]) => new Map(issues.map((issue) => [issue.source, issue.print]));
    const edited = editedSources(printsOf(last.render.issues), printsOf(record.issues));
    return { plan: planRender(last.render.issues, record.issues, edited), previous: last.files };
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
    const read = await this.read(incremental ? changed : undefined);
    // The templates' hash is part of the build's key and of every PDF's: made once a run.
    let templatesHash: Promise<string> | undefined;
    const templates = () => (templatesHash ??= templatesKey(this.templatesDir));
    const options = { drafts: this.options.drafts ?? false, keepLastGood: this.options.keepLastGood ?? false, search, pdfs };
    const key = !incremental && writer?.current && pdfs !== 'print' ? await this.buildKey(options, await templates(), read) : undefined;
    const summary = key === undefined ? undefined : await writer!.current!(key);
    if (summary) return this.upToDateResult(summary);
    // 2–4. Parse (with the articles), check, issues.
    const decoded = this.decode(read);
    read.length = 0; // the bytes, decoded, are not needed again: not held while the site is made
    const { site, files } = await this.parse(decoded);
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
    const { findPdfs, planRender, printMissingPdfs, RENDER_ALL, TemplateError } = await stages();
    // 7. The search index, made beside stages 5 and 6: Pagefind's processes index on the other
    // core while this one renders pages. Awaited after them (and its failure kept until then).
    const searchPaths = new Set<string>();
    const putSearchFile = async (file: string, content: string | Uint8Array) => {
      searchPaths.add(file);
      await writer?.put(file, content);
    };
    const stopSearch = new AbortController();
    const searching = search ? this.startSearch(issues, putSearchFile, stopSearch.signal) : undefined;
    searching?.catch(() => undefined);
    let keeping: Promise<void> | undefined;
    try {
      // 5. PDFs: those printed already, and with --pdf those still missing.
      let found: Stages.FoundPdfs | undefined;
      if (pdfs !== 'none' && this.cache) {
        this.options.timings?.lap('pdfs');
        const toolVersion = await currentToolVersion();
        found = await findPdfs({ site, issues, cache: this.cache, templatesKey: await templates(), toolVersion });
        if (pdfs === 'print') {
          const renderForPrint = async (chosen: Issue[]): Promise<SiteOutput> => {
            const pages: SiteOutput = new Map();
            for await (const [file, content] of this.renderPages(site, issues, { only: (p) => chosen.some((i) => issuePage(i.path) === p) }))
              pages.set(file, content);
            return pages;
          };
          result.pdfs.printed = await printMissingPdfs({ site, issues, cache: this.cache, found, renderForPrint, printed: pdfPrinted });
        }
        result.pdfs.published = [...found.pdfs.keys()];
      }
      // 6. Pages: those the change reaches, or all; the others are kept as they are.
      this.options.timings?.lap('pages');
      const record: RenderRecord = {
        key: await renderKey(options, await templates(), String(this.siteFile.value)),
        issues: issues.map((issue) => ({
          source: issue.source,
          path: issue.path,
          year: issue.year,
          print: printOf(issue, found?.pdfs.get(issue.path), found?.environments.get(issue.path)),
        })),
      };
      let plan = RENDER_ALL;
      let previous: Iterable<string> = this.paths;
      if (incremental && !changed.some((p) => p.startsWith('templates/'))) plan = planRender(this.published, issues, new Set(changed));
      else if (!incremental) ({ plan, previous } = await this.resume(writer, record));
      const isSearchFile = (p: string) => p.startsWith(`${SEARCH_BUNDLE}/`);
      const paths = new Set([...previous].filter((p) => (isSearchFile(p) ? !search : plan.keeps(p))));
      // The files kept whose pages are not rendered again are taken over while the pages render.
      const rendered = plan.only;
      if (rendered) keeping = writer?.keepAll?.([...paths].filter((p) => !rendered(p)));
      keeping?.catch(() => undefined);
      const put = async (file: string, content: string | Uint8Array) => {
        paths.add(file);
        await writer?.put(file, content);
      };
      for await (const [file, content] of this.renderPages(site, issues, { pdfs: found?.pdfs, only: plan.only })) await put(file, content);
      for (const [issuePath, pdf] of found?.pdfs ?? []) {
        if (!plan.only || plan.only(issuePage(issuePath))) await put(`${issuePath}${pdf.file}`, pdf.bytes);
      }
      result.full = !plan.only;
      await keeping;
      // 7. The search index, once the pages are done.
      if (searching) {
        this.options.timings?.lap('search');
        await searching;
        for (const file of searchPaths) paths.add(file);
      }
      // 8. Publish, with the stamp that lets the next build find the site up to date.
      this.options.timings?.lap('publish');
      const pageCount = [...paths].filter((p) => p.endsWith('.html')).length;
      // A run without a whole-build key (npm run pdf) leaves one no build matches, and its render record.
      const stamp: BuildStamp = { key: key ?? '', summary: this.summaryOf(files, result, pageCount), render: record };
      result.changed = (await writer?.commit(paths, stamp)) ?? [];
      this.paths = paths;
      this.published = issues;
      return { ...result, ok: true, paths: [...paths].sort(), pageCount };
    } catch (error) {
      // Nothing may write into the new version once it is dropped: the index stops, its parts under way end first.
      stopSearch.abort();
      await Promise.all([searching?.catch(() => undefined), keeping?.catch(() => undefined)]);
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

  /** The site's files, one at a time as each is rendered. */
  private async *renderPages(
    site: Site,
    issues: Issue[],
    { pdfs, only }: { pdfs?: ReadonlyMap<string, IssuePdf>; only?: (outputPath: string) => boolean },
  ): AsyncGenerator<[string, string | Uint8Array]> {
    const { renderPages } = await stages();
    yield* renderPages({ site, issues, templatesDir: this.templatesDir, projectDir: this.projectDir, pdfs, only });
  }

  /** Stage 7: the search index of these issues, from the cache where their parts are unchanged. */
  private async startSearch(issues: Issue[], put?: (file: string, content: string | Uint8Array) => Promise<void>, signal?: AbortSignal): Promise<SiteOutput> {
    const { indexSearch } = await stages();
    return indexSearch(issues, { cache: this.cache, toolVersion: await currentToolVersion(), put, signal });
  }

  /**
   * Stage 7 on its own, for the dev server: indexes the issues published last, then swaps the
   * new index in. It runs between the saves' own runs, never during one.
   */
  async indexSearch(writer: Writer): Promise<void> {
    // No site yet (site.yml has errors): nothing to index.
    if (this.paths.size === 0) return;
    const issues = this.published;
    const index = await this.startSearch(issues);
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
