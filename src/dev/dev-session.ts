// npm run dev as a whole: the site in memory, served, its files watched, each save turned into
// an update of the pages it changes, browsers told to reload, errors shown in the terminal and
// over the page, and the search index brought up to date in the background.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { isIssuePath, readsAll, SITE_FILE } from '../content/load-content.ts';
import { DEV_SESSION } from '../messages/commands.ts';
import { Failure } from '../messages/failure.ts';
import { Project, type RunResult } from '../pipeline/project.ts';
import { MemoryWriter } from '../pipeline/writer.ts';
import { formatReport } from '../report.ts';
import { type DevServer, type Problem, startDevServer } from './server.ts';
import { type Watcher, watchProject } from './watch.ts';

/** A file the pages load (a style, a script, an image), not one a reader opens (a page, the feed, a PDF) or a search fetches. */
const isLoadedByPages = (file: string) => !/\.(html|xml|txt|pdf|json)$/.test(file);

export interface DevOptions {
  projectDir: string;
  port: number;
  /** Where the terminal lines go. */
  log: (line: string) => void;
  /** Wait this long after the last save before indexing for search again. */
  searchDelayMs?: number;
}

/** What one run of the pipeline changed, as the dev server tells the terminal and the browsers. */
export interface Update {
  /** Output paths changed or removed. */
  changed: string[];
  /** Whether every page was rendered. */
  full: boolean;
  /** Errors of every file, for the overlay. */
  problems: Problem[];
  /** Errors and warnings, as the build prints them. */
  report: string;
}

export interface DevSession {
  url: string;
  port: number;
  project: Project;
  /** The site as served. */
  writer: MemoryWriter;
  /** The first build's outcome. */
  first: Update;
  close(): Promise<void>;
}

/** The dev server's project: it shows drafts, and while a file has errors, the last version of it that had none. */
export function devProject(projectDir: string): { project: Project; writer: MemoryWriter } {
  return { project: new Project({ projectDir, drafts: true, keepLastGood: true }), writer: new MemoryWriter() };
}

/** Brings the site in memory up to date with saved files (all of it, without saves); the search index is left for later. */
export async function applySaves(project: Project, writer: MemoryWriter, saved?: readonly string[]): Promise<Update> {
  return updateOf(await project.run({ writer, changed: saved, search: false, pdfs: 'none' }));
}

function updateOf(result: RunResult): Update {
  const problems = result.files.flatMap((file) =>
    file.messages.filter((m) => m.fatal).map((m) => ({ file: file.path, line: m.line ?? undefined, column: m.column ?? undefined, message: m.reason })),
  );
  return { changed: result.changed, full: result.full, problems, report: formatReport(result.files) };
}

const WATCHED = ['content', 'templates'];

/** What the site is made from: issue files, site.yml, and anything in templates/. */
const isSiteSource = (relPath: string) => isIssuePath(relPath) || relPath === SITE_FILE || relPath.startsWith('templates/');

/**
 * A folder of content/ that appeared or vanished as a whole (content/ itself moved back, a year
 * deleted), or a picture or attachment of content/ (the 党政机关网站标识 among them), is read again as a whole, as when
 * site.yml changes.
 */
const asSaved = (relPath: string) => (readsAll(relPath) ? SITE_FILE : relPath);

/** Runs one task at a time; saves that arrive meanwhile are taken together in the next run. */
function serialQueue(run: (paths: string[]) => Promise<void>): (paths: string[]) => void {
  const pending = new Set<string>();
  let running = false;
  return (paths) => {
    paths.forEach((p) => pending.add(p));
    if (running) return;
    running = true;
    void (async () => {
      while (pending.size > 0) {
        const batch = [...pending];
        pending.clear();
        await run(batch);
      }
      running = false;
    })();
  };
}

/** The search index is rebuilt a while after the last save, never two at once. */
function searchRefresher(project: Project, writer: MemoryWriter, log: (line: string) => void, delayMs: number) {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  const refresh = async () => {
    if (running) {
      again = true;
      return;
    }
    const started = performance.now();
    running = project
      .indexSearch(writer)
      .then(
        () => log(DEV_SESSION.searchUpdated({ issues: project.issues.length, seconds: (performance.now() - started) / 1000 })),
        (error: unknown) =>
          log(
            error instanceof Failure
              ? DEV_SESSION.searchNotUpdated(error.format())
              : DEV_SESSION.searchNotUpdatedBug(error instanceof Error ? error.message : String(error)),
          ),
      )
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          schedule();
        }
      });
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void refresh(), delayMs);
  };
  return {
    schedule,
    async stop() {
      clearTimeout(timer);
      again = false;
      await running;
    },
  };
}

const time = () => new Date().toTimeString().slice(0, 8);

export async function startDevSession({ projectDir, port, log, searchDelayMs = 1000 }: DevOptions): Promise<DevSession> {
  const { project, writer } = devProject(projectDir);
  const first = await applySaves(project, writer);
  // A large archive is rendered in worker threads at startup: this thread loads the Markdown
  // pipeline now, while the editor reads, rather than on the first save.
  void import('../markdown/render-issue-file.ts');
  const server: DevServer = await startDevServer({ output: writer.output, basePath: () => project.basePath }, port);
  server.setProblems(first.problems);
  let lastReport = first.report;
  const search = searchRefresher(project, writer, log, searchDelayMs);
  search.schedule();

  const onSave = serialQueue(async (saved) => {
    const paths = [...new Set(saved.map(asSaved))].filter(isSiteSource);
    if (paths.length === 0) return;
    const started = performance.now();
    let update: Update;
    try {
      update = await applySaves(project, writer, paths);
    } catch (error) {
      log(DEV_SESSION.unexpected(error instanceof Error ? (error.stack ?? error.message) : String(error)));
      return;
    }
    const ms = Math.round(performance.now() - started);
    const pages = update.changed.filter((p) => p.endsWith('.html')).length;
    const deleted = paths.every((p) => !existsSync(path.join(projectDir, p)));
    log(DEV_SESSION.saved({ time: time(), which: DEV_SESSION.savedFiles(paths), deleted, pages, ms }));
    if (update.report !== lastReport) {
      log(update.report || DEV_SESSION.allFixed);
      lastReport = update.report;
      server.setProblems(update.problems);
    }
    // A page reloads when it changed; every page when a file they load changed (a style, a script, an image).
    const loaded = update.changed.some(isLoadedByPages);
    if (update.changed.length > 0) server.reload(update.full || loaded ? ['*'] : update.changed);
    if (paths.some(isIssuePath) || paths.includes(SITE_FILE)) search.schedule();
  });
  const watcher: Watcher = watchProject(projectDir, WATCHED, onSave, (folder, error) => log(DEV_SESSION.cannotWatch({ folder, why: error.message })));
  await watcher.ready;

  return {
    url: server.url,
    port: server.port,
    project,
    writer,
    first,
    async close() {
      watcher.close();
      await search.stop();
      await server.close();
    },
  };
}
