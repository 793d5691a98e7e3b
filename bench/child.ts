// One measured run of our builder, in a process of its own so that its memory is its own.
// Started by bench/build.ts as: node --import tsx bench/child.ts <mode> <json options>
//   build: build(), the way npm run build does, with or without the search index
//   index: the pages' stages without writing, then indexSearch() alone, timed; optionally writes
//          the documents it indexed as HTML files, for Pagefind's own CLI to index the same
//   dev:   npm run dev's session (src/dev): saves one issue file after another, times each save
//          to the server's reload message and to the new page fetched
// The result goes to the JSON file named by BENCH_RESULT.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { get } from 'node:http';
import path from 'node:path';
import { DiskWriter } from '../src/pipeline/disk-writer.ts';
import { Project, type ProjectOptions } from '../src/pipeline/project.ts';
import { NullWriter } from '../src/pipeline/writer.ts';
import { startDevSession } from '../src/dev/dev-session.ts';
import { articleDocument, articleUrl, indexSearch } from '../src/stages/index-search.ts';

export interface ChildOptions {
  projectDir: string;
  outDir?: string;
  search?: boolean;
  /** Extra options for the Project, e.g. --build-options '{"cacheDir":false}'. */
  buildOptions?: Partial<ProjectOptions>;
  /** index: where to write the indexed documents (not timed). */
  docsDir?: string;
  /** dev: issue files to save, one after another, and the time between saves. */
  saves?: string[];
  pauseMs?: number;
}

export interface ChildResult {
  /** The timed work, in process (without Node's start and module loading). */
  ms: number;
  /** Peak resident memory of this Node process alone, without Pagefind's (a process of its own). */
  nodeMB?: number;
  /** dev: each save → reload message, and → new page fetched. */
  toReload?: number[];
  toPage?: number[];
  /** dev: start of the session (everything read, checked and rendered), then the first search index. */
  startMs?: number;
  firstIndexMs?: number;
}

async function runBuild(options: ChildOptions): Promise<ChildResult> {
  const started = performance.now();
  const project = new Project({ projectDir: options.projectDir, ...options.buildOptions });
  const writer = new DiskWriter(options.outDir ?? path.join(options.projectDir, 'dist'), options.projectDir, project.cache);
  const result = await project.run({ writer, search: options.search ?? true });
  if (!result.ok) throw new Error('the corpus does not build');
  return { ms: performance.now() - started };
}

async function runIndex(options: ChildOptions): Promise<ChildResult> {
  const result = await new Project({ projectDir: options.projectDir, ...options.buildOptions }).run({ writer: new NullWriter(), search: false });
  if (!result.ok) throw new Error('the corpus does not build');
  const started = performance.now();
  await indexSearch(result.issues);
  const ms = performance.now() - started;
  if (options.docsDir) {
    // /2019/09/#article-1 → 2019/09/article-1.html
    for (const issue of result.issues) {
      for (const article of issue.articles) {
        const file = path.join(options.docsDir, articleUrl(issue, article).replace('#', '') + '.html');
        await mkdir(path.dirname(file), { recursive: true });
        await writeFile(file, articleDocument(issue, article));
      }
    }
  }
  return { ms };
}

/** Waits for the dev server's events by name, as a browser's EventSource gets them. */
function listen(url: URL) {
  const waiting: { event: string; match: (data: string) => boolean; resolve: () => void }[] = [];
  const request = get(url, (res) => {
    res.setEncoding('utf8');
    let buffer = '';
    res.on('data', (chunk: string) => {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1] ?? '';
        const i = waiting.findIndex((w) => w.event === event && w.match(data));
        if (i >= 0) waiting.splice(i, 1)[0]!.resolve();
      }
    });
  });
  return {
    next: (event: string, match: (data: string) => boolean) => new Promise<void>((resolve) => waiting.push({ event, match, resolve })),
    close: () => request.destroy(),
  };
}

async function runDev(options: ChildOptions): Promise<ChildResult> {
  let indexed: () => void = () => undefined;
  const firstIndex = new Promise<void>((resolve) => (indexed = resolve));
  const started = performance.now();
  const session = await startDevSession({
    projectDir: options.projectDir,
    port: 0,
    log: (line) => {
      if (line.startsWith('搜索索引已更新')) indexed();
    },
  });
  const startMs = performance.now() - started;
  await firstIndex;
  const firstIndexMs = performance.now() - started;
  const events = listen(new URL('/__dev/events', session.url));
  await new Promise((resolve) => setTimeout(resolve, 200));
  const toReload: number[] = [];
  const toPage: number[] = [];
  const originals = new Map<string, string>();
  try {
    for (const [i, relPath] of (options.saves ?? []).entries()) {
      const file = path.join(options.projectDir, relPath);
      const original = await readFile(file, 'utf8');
      originals.set(file, original);
      const marker = `基准测试第${i + 1}次修改`;
      const page = relPath.replace(/^content\/(\d+)\/(\d+)\.md$/, '$1/$2/');
      const pageUrl = new URL(page, session.url);
      const reload = events.next('reload', (data) => data.includes(pageUrl.pathname) || data.includes('"*"'));
      const t0 = performance.now();
      await writeFile(file, original.replace('省人大常委会联工委调研组', `省人大常委会联工委调研组\n\n${marker}。`));
      await reload;
      toReload.push(performance.now() - t0);
      const html = await (await fetch(pageUrl)).text();
      toPage.push(performance.now() - t0);
      if (!html.includes(marker)) throw new Error(`${page} does not show the edit`);
      // Saves apart as an editor's are: the search index is rebuilt in the background meanwhile.
      await new Promise((resolve) => setTimeout(resolve, options.pauseMs ?? 1500));
    }
  } finally {
    events.close();
    await session.close();
    for (const [file, text] of originals) await writeFile(file, text);
  }
  return { ms: 0, toReload, toPage, startMs, firstIndexMs };
}

const MODES: Record<string, (options: ChildOptions) => Promise<ChildResult>> = { build: runBuild, index: runIndex, dev: runDev };

const [mode = '', json = '{}'] = process.argv.slice(2);
const run = MODES[mode];
if (!run || !process.env.BENCH_RESULT) throw new Error('usage: BENCH_RESULT=<file> node --import tsx bench/child.ts build|index|dev <json>');
const result = await run(JSON.parse(json) as ChildOptions);
await writeFile(process.env.BENCH_RESULT, JSON.stringify({ ...result, nodeMB: process.resourceUsage().maxRSS / 1024 }));
// The dev server's watchers and Pagefind's service may keep the loop alive.
process.exit(0);
