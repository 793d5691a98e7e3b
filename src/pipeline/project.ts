// The one pipeline. Every command drives a Project: build and pdf publish to disk, dev to memory,
// check to nowhere, new and import run its first stages only. A run is a plan, then its execution
// (Lume's build() and update(), Zola's Site in its build modes):
//
//   archive   stages 1–4: content read, parsed, checked, resolved   (archive.ts)
//   — up to date? the whole-build key and the last run's record     (build-keys.ts, record.ts)
//   5. pdfs   each issue's PDF, from the cache or printed now         (pdf/issue-pdfs.ts)
//   plan      every file of the site with the key of what it is      (plan.ts, pages/page-list.ts)
//             made of, compared with the last record's keys
//   execute   6. pages made, the others kept; 7. the search index    (execute.ts, search/index-search.ts)
//             beside them; 8. publish; the new record kept
//
// `run()` reads everything; `run({ changed })` re-reads only the changed files. Either way the plan
// makes only the files whose keys changed, with the last record from the cache (a build) or
// from memory (the dev server).
import path from 'node:path';
import { VFile } from 'vfile';
import { Cache, currentToolVersion } from '../cache/cache.ts';
import { readsAll } from '../content/load-content.ts';
import { SET_ASIDE } from '../messages/catalogue.ts';
import { hasErrors, keepMessage, replayMessage, report, reportError } from '../messages.ts';
import type { Issue } from '../model/issue.ts';
import { SEARCH_BUNDLE, type SiteOutput } from '../model/output.ts';
import type { Site } from '../model/site.ts';
import type { Templates } from '../pages/render-pages.ts';
import { Archive, type Reading, stages } from './archive.ts';
import { buildKey, type PublishingOptions, templatesKey } from './build-keys.ts';
import { OutputFolderRefused } from './disk-writer.ts';
import { CachedRecord, MemoryRecord, type RecordStore, type RunRecord } from './record.ts';
import type * as Stages from './stages.ts';
import type { Timings } from './timings.ts';
import type { Writer } from './writer.ts';

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
  /** Whether every page was made anew (a template, site.yml or the set of years changed). */
  full: boolean;
  /** Paths of the issues published with a PDF, and of those printed in this run. */
  pdfs: { published: string[]; printed: string[] };
}

/** What a run found before it makes the site: what it read, the last run's record (where it is kept), the templates' key and the whole-build key. */
interface Found {
  reading: Reading;
  store?: RecordStore;
  last?: RunRecord;
  templates: string;
  key: string;
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

/** The result of a run that found the site as it would make it: its warnings told again. */
function upToDateResult(record: RunRecord, projectDir: string): RunResult {
  const { summary } = record;
  const files = summary.messages.map(({ path: filePath, messages }) => {
    const file = new VFile({ path: filePath, cwd: projectDir });
    for (const m of messages) replayMessage(file, m);
    return file;
  });
  const none = { issues: [], paths: [], changed: [], full: false };
  return {
    ok: true,
    files,
    ...none,
    issueCount: summary.issues,
    drafts: summary.drafts,
    upToDate: true,
    pdfs: { published: summary.pdfs, printed: [] },
    pageCount: summary.pages,
  };
}

export class Project {
  readonly projectDir: string;
  readonly templatesDir: string;
  readonly cache?: Cache;
  private readonly archive: Archive;
  /** The templates compiled, for the templates/ they were compiled from (its key). */
  private templates?: Templates;
  /** The records of the writers without a folder (the dev server's memory). */
  private readonly memoryRecords = new WeakMap<Writer, RecordStore>();
  /** The issues and output paths of the site as last published. */
  private published: Issue[] = [];
  private paths = new Set<string>();
  private readonly turns = new Turns();

  constructor(readonly options: ProjectOptions) {
    this.projectDir = options.projectDir;
    this.templatesDir = options.templatesDir ?? path.join(this.projectDir, 'templates');
    if (options.cacheDir !== false) this.cache = new Cache(options.cacheDir ?? path.join(this.projectDir, '.cache', 'build'));
    options.timings?.countLookups(this.cache?.lookups);
    this.archive = new Archive({ ...options, cache: this.cache });
  }

  /** The path the site lives under, from site.yml's baseUrl (/lldt/); kept while site.yml has errors. */
  get basePath(): string {
    return this.archive.basePath;
  }

  /** Issues published by the last run (empty when the run found the site up to date). */
  get issues(): readonly Issue[] {
    return this.published;
  }

  /** Stages 1–2 for site.yml alone: the settings (npm run import needs the columns and the title). */
  settings(): Promise<{ site?: Site; file: VFile }> {
    return this.archive.settings();
  }

  /** Stages 1–4 on everything, for the commands that need the archive but not the site (new, import). */
  async load({ articles = true } = {}): Promise<{ site?: Site; sources: Stages.SourceIssue[]; files: VFile[] }> {
    return this.archive.parse(await this.archive.read(), { articles });
  }

  /** Runs the whole pipeline, or brings it up to date with the changed files. */
  run(options: RunOptions = {}): Promise<RunResult> {
    return this.turns.take(() => this.runStages(options));
  }

  /** Where the record of a writer's site is kept: the cache for a folder, memory otherwise; none for no site. */
  private recordOf(writer: Writer | undefined): RecordStore | undefined {
    if (!writer) return undefined;
    if (writer.outDir !== undefined) return this.cache && new CachedRecord(this.cache, writer.outDir);
    const record = this.memoryRecords.get(writer) ?? new MemoryRecord();
    this.memoryRecords.set(writer, record);
    return record;
  }

  /** The last run's record, when it holds for the site as the writer has it now. */
  private async lastRecord(writer: Writer | undefined, store: RecordStore | undefined): Promise<RunRecord | undefined> {
    const record = await store?.read();
    return record && record.version === (await writer!.version()) ? record : undefined;
  }

  /** The whole-build key of this run's inputs (build-keys.ts). */
  private async buildKey(run: RunOptions, reading: Reading, templates: string): Promise<string> {
    const pdfs = (await this.cache?.versions('pdf')) ?? [];
    const { drafts = false, keepLastGood = false } = this.options;
    const options: PublishingOptions = { drafts, keepLastGood, search: run.search ?? true, pdfs: run.pdfs ?? 'cached' };
    return buildKey({ options, templatesKey: templates, pdfs, ...(await this.archive.keyInputs(reading)) });
  }

  /** The templates of templates/ as it is now: compiled again only when a file of it changed. */
  private async templatesFor(key: string): Promise<Templates> {
    if (this.templates?.key !== key) {
      const toolVersion = await currentToolVersion();
      this.templates = await (await stages()).loadTemplates(this.templatesDir, this.projectDir, key, { cache: this.cache, toolVersion });
    }
    return this.templates;
  }

  private async runStages(run: RunOptions): Promise<RunResult> {
    const { writer, changed } = run;
    const incremental = changed !== undefined && !changed.some(readsAll) && this.paths.size > 0;
    const reading = await this.archive.read(incremental ? changed : undefined, { render: true });
    const store = this.recordOf(writer);
    const last = await this.lastRecord(writer, store);
    const templates = await templatesKey(this.templatesDir);
    // A site left exactly as this run would make it is up to date (npm run pdf always prints what is missing).
    const key = reading.full && run.pdfs !== 'print' ? await this.buildKey(run, reading, templates) : '';
    if (key !== '' && last?.build === key) return upToDateResult(last, this.projectDir);
    const found: Found = { reading, store, last, templates, key };
    if (!(run.search ?? true)) return this.makeSite(run, found);
    // The search lane's thread starts now, beside the parsing: its module loaded and Pagefind
    // checked by the time the index's first part is sent. With no part of the index in the cache
    // (the first build, after npm run clean) and issues enough to render them in threads, every
    // part is to be made: a thread a core, rather than the second started when the first part is
    // sent (at 1000 issues it began 0.2 s after). They end with the run.
    const { startWorkers, withWorkers, workerCount, WORKERS_FROM } = await stages();
    const everyPart = reading.issues.length >= WORKERS_FROM && !(await this.cache?.keys('search'))?.length;
    const threads = everyPart ? workerCount() : 1;
    return withWorkers('search', {}, () => {
      startWorkers('search', {}, threads);
      return this.makeSite(run, found);
    });
  }

  /** Stages 2–8 of a run that found the site not up to date. */
  private async makeSite(run: RunOptions, { reading, store, last, templates, key }: Found): Promise<RunResult> {
    const { writer } = run;
    const { site, files } = await this.archive.parse(reading);
    const { issues, drafts } = await this.archive.chooseIssues();
    const result: RunResult = {
      ...{ ok: false, files, issues, issueCount: issues.length, drafts: drafts.map((d) => d.source), upToDate: false },
      ...{ paths: [...this.paths], pageCount: 0, changed: [], full: true, pdfs: { published: [], printed: [] } },
    };
    if (!site || (!this.options.keepLastGood && hasErrors(files))) return result;
    this.options.timings?.lap('publish');
    const refused = writer && (await this.begin(writer));
    if (refused) return { ...result, files: [...files, refused] };
    const { execute, TemplateError } = await stages();
    try {
      const published = await execute({
        ...{ site, issues, writer, run, last: last?.files, previous: this.paths, cache: this.cache, timings: this.options.timings },
        ...{ projectDir: this.projectDir, templates: () => this.templatesFor(templates), toolVersion: await currentToolVersion() },
        published: this.archive.published,
      });
      this.archive.checkAddresses(published.paths);
      const pageCount = [...published.paths].filter((p) => p.endsWith('.html')).length;
      const setAside = writer?.setAside && this.setAsideFile(writer.outDir!, writer.setAside);
      const withAside = setAside ? [...files, setAside] : files;
      const done: RunResult = { ...result, files: withAside, ok: true, paths: [...published.paths].sort(), pageCount, ...published.result };
      await store?.write({ build: key, summary: this.summaryOf({ ...done, files }), version: writer!.committedVersion() ?? '', files: published.keys });
      this.paths = published.paths;
      this.published = issues;
      return done;
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      const templateFile = new VFile({ path: error.template, cwd: this.projectDir });
      reportError(templateFile, error.message, error.rule, error.line ? { line: error.line, column: error.column ?? 1 } : undefined);
      return { ...result, files: [...files, templateFile] };
    }
  }

  private summaryOf(result: RunResult): RunRecord['summary'] {
    const messages = result.files.filter((f) => f.messages.length > 0).map((f) => ({ path: f.path, messages: f.messages.map(keepMessage) }));
    return { issues: result.issueCount, pages: result.pageCount, pdfs: result.pdfs.published, drafts: result.drafts, messages };
  }

  /** The output folder as a file of messages, named as the project names it: its messages stand at 1:1. */
  private outputFolderFile(outDir: string): VFile {
    return new VFile({ path: path.relative(this.projectDir, outDir) || '.', cwd: this.projectDir });
  }

  /** The warning that the old site was set aside with files put into it during the run, on the output folder. */
  private setAsideFile(outDir: string, { dir, files }: { dir: string; files: string[] }): VFile {
    const file = this.outputFolderFile(outDir);
    const named = files.slice(0, 10).map((name) => path.join(file.path, name));
    report(file, SET_ASIDE, { folder: file.path, dir: path.relative(this.projectDir, dir) || dir, named, count: files.length }, { line: 1, column: 1 });
    return file;
  }

  /** Opens a new version of the site; a VFile with the reason when the output folder is refused. */
  private async begin(writer: Writer): Promise<VFile | undefined> {
    try {
      await writer.begin();
      return undefined;
    } catch (error) {
      if (!(error instanceof OutputFolderRefused)) throw error;
      const outFile = this.outputFolderFile(error.outDir);
      report(outFile, error.refusal, undefined, { line: 1, column: 1 });
      return outFile;
    }
  }

  /**
   * Stage 7 on its own, for the dev server: indexes the issues published last, then swaps the
   * new index in. It runs between the saves' own runs, never during one.
   */
  async indexSearch(writer: Writer): Promise<void> {
    // No site yet (site.yml has errors): nothing to index.
    if (this.paths.size === 0) return;
    const issues = this.published;
    const { indexSearch } = await stages();
    const index: SiteOutput = await indexSearch(issues, { cache: this.cache, toolVersion: await currentToolVersion(), background: true });
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
