// Stages 1–4 and what they keep between runs: the content read, parsed, checked and resolved into
// the issues to publish. A full read takes everything anew; a read of changed files (the dev
// server's saves) re-reads those alone and keeps the rest as it was.
//
//   1. read      content/: site.yml and every issue file, as bytes   (content/load-content.ts)
//   2. parse     site settings; each issue's front matter, and its   (content/load-site.ts, parse-issue.ts,
//                Markdown → articles: from the cache when unchanged   pipeline/parse-and-render.ts)
//   3. check     checks across the archive                           (content/validate-archive.ts)
//   4. issues    an issue's values with the site's defaults           (content/resolve-issue.ts)
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { type Cache, currentToolVersion } from '../cache/cache.ts';
import { decodeSource, isIssuePath, listContent, type RawSource, readSource, readText, SITE_FILE } from '../content/load-content.ts';
import { PublishedBytes, type PublishedFiles, readPublished } from '../content/published-files.ts';
import type { LocalAddress } from '../markdown/rendered-file.ts';
import { CONTENT } from '../messages/catalogue.ts';
import { report } from '../messages.ts';
import type { Issue } from '../model/issue.ts';
import { fileForUrl, issuePage } from '../model/output.ts';
import type { Site } from '../model/site.ts';
import type { BuildInputs } from './build-keys.ts';
import type * as Stages from './stages.ts';
import type { Timings } from './timings.ts';

/** The stages' modules, loaded on first use (see stages.ts). */
export const stages = (): Promise<typeof Stages> => import('./stages.ts');

/** What one run read: site.yml on a full read, and the issue files read (all, or the changed ones). */
export interface Reading {
  full: boolean;
  site?: RawSource;
  issues: RawSource[];
}

/** What the archive keeps of one issue file between runs. */
interface Entry {
  file: VFile;
  source?: Stages.SourceIssue;
  issue?: Issue;
  /** The addresses on its page that stay on the site (markdown/plugins/rehype-local-resources.ts). */
  addresses?: LocalAddress[];
  /** The file's own messages (reading, parsing, rendering); those across the archive are added anew each run. */
  own: VFileMessage[];
}

export interface ArchiveOptions {
  projectDir: string;
  cache?: Cache;
  /** Publish issues marked draft: true. */
  drafts?: boolean;
  /** While a file has errors, publish the last version of it that had none (the dev server). */
  keepLastGood?: boolean;
  timings?: Timings;
}

export class Archive {
  private siteFile = new VFile({ path: SITE_FILE });
  private site?: Site;
  private readonly entries = new Map<string, Entry>();
  private otherFiles: VFile[] = [];
  /** The pictures and attachments of content/, published at the same path in the site. */
  private publishedFiles: PublishedFiles;
  /** The last version of each issue that had no error, for keepLastGood. */
  private readonly lastGood = new Map<string, Issue>();

  constructor(private readonly options: ArchiveOptions) {
    this.publishedFiles = { files: new PublishedBytes(options.projectDir), key: [], refused: [], read: [] };
  }

  /** The path the site lives under, from site.yml's baseUrl (/lldt/); kept while site.yml has errors. */
  basePath = '/';

  /**
   * Stage 1: content/ as bytes (the whole-build key is made of them), or only the changed issue
   * files. render: the articles will be rendered (a build, not npm run new or import).
   */
  async read(changed?: readonly string[], { render = false } = {}): Promise<Reading> {
    this.options.timings?.lap('read');
    const { projectDir } = this.options;
    if (changed === undefined) {
      const listed = await listContent(projectDir);
      if (render) await this.startRendering(listed.issues.length);
      this.publishedFiles = await readPublished(projectDir, listed.published, this.options.cache);
      this.otherFiles = [...listed.otherFiles, ...this.publishedFiles.refused];
      return { full: true, site: readSource(projectDir, SITE_FILE), issues: listed.issues.map((relPath) => readSource(projectDir, relPath)) };
    }
    const issues: RawSource[] = [];
    for (const relPath of changed.filter(isIssuePath)) {
      const raw = readSource(projectDir, relPath);
      // Anything there is read as the full read would: a folder or a FIFO gets its message there.
      const gone = !raw.read.ok && raw.read.problem === 'missing' && !(await stat(path.join(projectDir, relPath)).catch(() => undefined));
      if (gone) this.entries.delete(relPath);
      else issues.push(raw);
    }
    return { full: false, issues };
  }

  /**
   * With no issue in the cache (the first build, after npm run clean) and enough issue files to
   * render in threads, the threads start now: they load the Markdown pipeline while this thread
   * reads the files, rather than after (at 1000 issues, stage 2 rendered its first batch 0.2 s
   * after it began).
   */
  private async startRendering(files: number): Promise<void> {
    const { cache } = this.options;
    if (cache && (await cache.keys('issues')).length > 0) return;
    const { startWorkers, workerCount, WORKERS_FROM } = await stages();
    if (files >= WORKERS_FROM) startWorkers('render', {}, workerCount());
  }

  /** What the whole-build key is made of, besides the options and templates (build-keys.ts). */
  async keyInputs(reading: Reading): Promise<Omit<BuildInputs, 'options' | 'templatesKey' | 'pdfs'>> {
    const images = this.publishedFiles.key;
    return { sources: [...(reading.site ? [reading.site] : []), ...reading.issues], otherFiles: this.otherFiles, images };
  }

  /** The pictures and attachments of content/ as last found: site path → bytes, read when asked for. */
  get published(): PublishedBytes {
    return this.publishedFiles.files;
  }

  /**
   * Stages 1 (its end) to 4 on what was read: decodes and parses it (site.yml after a full read),
   * renders the articles (unless told not to: npm run new needs only the numbers), resolves the
   * issues, then checks the whole archive.
   */
  async parse(reading: Reading, { articles = true } = {}): Promise<{ site?: Site; sources: Stages.SourceIssue[]; files: VFile[] }> {
    const { projectDir } = this.options;
    if (reading.full) {
      this.siteFile = decodeSource(projectDir, reading.site!);
      this.site = undefined;
      this.entries.clear();
    }
    const { loadSite, parseAndRender, resolveIssue, validateArchive } = await stages();
    // 2. Parse, and render the articles: from the cache, for each file as it was.
    this.options.timings?.lap('parse');
    if (reading.full) {
      this.site = loadSite(this.siteFile);
      if (this.site) this.basePath = new URL(this.site.baseUrl).pathname;
    }
    const site = this.site;
    const toolVersion = await currentToolVersion();
    const parsed = await parseAndRender(projectDir, reading.issues, { site, articles, cache: this.options.cache, toolVersion, prune: reading.full });
    // 4. The issues resolved, with the site's defaults.
    reading.issues.forEach((raw, i) => {
      const { file, source, articles: rendered, addresses, key } = parsed[i]!;
      const issue = source && rendered && site ? resolveIssue(source, site, rendered, key) : undefined;
      this.entries.set(raw.relPath, { file, source, addresses, issue, own: [...file.messages] });
    });
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
    this.siteFile = await readText(this.options.projectDir, SITE_FILE);
    this.site = (await stages()).loadSite(this.siteFile);
    return { site: this.site, file: this.siteFile };
  }

  /**
   * Warns of each address on an issue's page that stays on the site but names a file the site
   * does not have (sitePaths: every file of the site as planned, with the pictures of content/):
   * made anew each run, after the plan, as the files that exist may change without the issue.
   */
  checkAddresses(sitePaths: ReadonlySet<string>): void {
    for (const { file, issue, addresses } of this.entries.values()) {
      if (!issue || !addresses || file.messages.some((m) => m.fatal)) continue;
      for (const { address, pathname, kind, line, column } of addresses) {
        const wanted = fileForUrl(pathname, this.basePath);
        // The page itself is there even when it is a draft left out of the site (its footnotes link to it).
        if (wanted === undefined || sitePaths.has(wanted) || wanted === issuePage(issue.path)) continue;
        const isPage = kind === 'link' && wanted.endsWith('index.html');
        const params = { kind: kind === 'image' ? kind : isPage ? ('page' as const) : ('file' as const), address, page: issue.path };
        report(file, CONTENT.missingResource, { ...params, wanted: isPage ? wanted.replace(/index\.html$/, '') : wanted }, { line, column });
      }
    }
  }

  /** site.yml's text as last read. */
  get siteText(): string {
    return String(this.siteFile.value);
  }

  files(): VFile[] {
    return [this.siteFile, ...[...this.entries.values()].map((e) => e.file), ...this.otherFiles];
  }

  /** The issues to publish: every good one, or with keepLastGood the last good version of each. */
  async chooseIssues(): Promise<{ issues: Issue[]; drafts: Issue[] }> {
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
}
