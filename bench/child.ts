// One measured run of parts of our builder, in a plain Node process of its own, on the compiled
// program (lib/, as node lib/cli.js runs it): bench/build.ts strips this file's types into
// bench/.cache/child.mjs and starts it as
//   BENCH_LIB=<root>/lib BENCH_RESULT=<file> node bench/.cache/child.mjs <mode> <json options>
//   pages: the build without its search index, written to the output folder, as npm run build
//          does otherwise (the command line has no option for it)
//   index: the pages' stages without writing, then indexSearch() alone, timed; optionally writes
//          the documents it indexed as HTML files, for Pagefind's own CLI to index the same
// The result goes to the JSON file named by BENCH_RESULT.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface ChildOptions {
  projectDir: string;
  /** index: where to write the indexed documents (not timed). */
  docsDir?: string;
}

export interface ChildResult {
  /** The timed work, in process (without Node's start and module loading). */
  ms: number;
}

const LIB = process.env.BENCH_LIB;
const RESULT = process.env.BENCH_RESULT;
if (!LIB || !RESULT) throw new Error('usage: BENCH_LIB=<root>/lib BENCH_RESULT=<file> node bench/.cache/child.mjs pages|index <json>');
/** A module of the compiled program, typed as its source. */
const lib = <T>(module: string): Promise<T> => import(pathToFileURL(path.join(LIB, module)).href) as Promise<T>;

const { Project } = await lib<typeof import('../src/pipeline/project.ts')>('pipeline/project.js');
const { DiskWriter } = await lib<typeof import('../src/pipeline/disk-writer.ts')>('pipeline/disk-writer.js');
const { NullWriter } = await lib<typeof import('../src/pipeline/writer.ts')>('pipeline/writer.js');
const { articleDocument, articleUrl, indexSearch } = await lib<typeof import('../src/search/index-search.ts')>('search/index-search.js');

async function runPages({ projectDir }: ChildOptions): Promise<ChildResult> {
  const started = performance.now();
  const project = new Project({ projectDir });
  const writer = new DiskWriter(path.join(projectDir, 'dist'), projectDir, project.cache);
  const result = await project.run({ writer, search: false });
  if (!result.ok) throw new Error('the corpus does not build');
  return { ms: performance.now() - started };
}

async function runIndex({ projectDir, docsDir }: ChildOptions): Promise<ChildResult> {
  // Rendered anew, as a cold build renders them: the index is then made of the bodies kept from
  // rendering. (Articles read from the cache have their HTML parsed again for the index, about 1 ms
  // each: what a build after an edit pays for the part it re-indexes.)
  const result = await new Project({ projectDir, cacheDir: false }).run({ writer: new NullWriter(), search: false });
  if (!result.ok) throw new Error('the corpus does not build');
  const started = performance.now();
  await indexSearch(result.issues);
  const ms = performance.now() - started;
  if (docsDir) {
    // /2019/09/#article-1 → 2019/09/article-1.html
    for (const issue of result.issues) {
      for (const article of issue.articles) {
        const file = path.join(docsDir, `${articleUrl(issue, article).replace('#', '')}.html`);
        await mkdir(path.dirname(file), { recursive: true });
        await writeFile(file, articleDocument(issue, article));
      }
    }
  }
  return { ms };
}

const MODES: Record<string, (options: ChildOptions) => Promise<ChildResult>> = { pages: runPages, index: runIndex };

const [mode = '', json = '{}'] = process.argv.slice(2);
const run = MODES[mode];
if (!run) throw new Error(`unknown mode ${mode}: pages or index`);
await writeFile(RESULT, JSON.stringify(await run(JSON.parse(json) as ChildOptions)));
// Pagefind's service may keep the loop alive.
process.exit(0);
