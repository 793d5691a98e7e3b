// Build speed at archive scale (issue 14): our builder, run as a user runs it (node lib/cli.js
// build, compiled first, a fresh process each run), against what a user would pick instead:
// Eleventy 3 rendering the same pages (bench/eleventy/), then Pagefind's CLI indexing them.
// Generated corpora of 1000 and 5000 issues (bench/corpus.ts); the tools alternate run by run;
// medians; ratios ours / peer beside the targets of the issue; peak memory of all the processes
// of a run; the search downloads of a reader; the sample site from a fresh shell. Prints one
// table and writes it into bench/README.md.
// Usage: npm run bench [-- --issues 1000,5000] [--runs 3] [--quick] [--no-readme]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import ts from 'typescript';
import type { ChildOptions, ChildResult } from './child.ts';
import { type CorpusIssue, generateCorpus } from './corpus.ts';
import { DOWNLOAD_QUERIES, type Downloaded, searchDownloads } from './search-downloads.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const CACHE = path.join(ROOT, 'bench', '.cache');
const CLI = path.join(ROOT, 'lib', 'cli.js');
const CHILD = path.join(CACHE, 'child.mjs');
const ELEVENTY_CLI = path.join(ROOT, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs');
const ELEVENTY_CONFIG = path.join(ROOT, 'bench', 'eleventy', 'eleventy.config.js');
// What an npm script runs for `pagefind`: the package's Node wrapper, which starts its binary.
const PAGEFIND_CLI = path.join(ROOT, 'node_modules', '.bin', 'pagefind');
const TIME = '/usr/bin/time';

const { values } = parseArgs({
  options: {
    issues: { type: 'string', default: '1000,5000' },
    runs: { type: 'string', default: '3' },
    quick: { type: 'boolean', default: false },
    'no-readme': { type: 'boolean', default: false },
  },
});
const counts = (values.quick ? '1000' : values.issues)
  .split(',')
  .map(Number)
  .sort((a, b) => a - b);
const runs = values.quick ? 1 : Number(values.runs);
/** The sample site's runs are short and noisy: at least five of each. */
const sampleRuns = Math.max(5, runs);
const first = counts[0]!;
const last = counts.at(-1)!;

// ---------------------------------------------------------------- measuring one run

interface Sample {
  seconds: number;
  /** Peak resident memory of the run's processes together, sampled, or of its largest one (time -v), whichever is more. */
  peakMB: number;
  /** The stages' seconds, from --timings, by label. */
  stages?: Map<string, number>;
}

/** Resident memory of a process and all its descendants, from /proc. */
async function treeRss(root: number): Promise<number> {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => '');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.length < 22) continue;
    const parent = Number(fields[1]);
    children.set(parent, [...(children.get(parent) ?? []), Number(name)]);
    rss.set(Number(name), Number(fields[21]) * 4096);
  }
  let total = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Runs a command to its end: wall-clock seconds, peak memory and its standard output. Fails with its output if it fails. */
async function timed(command: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<Sample & { stdout: string }> {
  const rssFile = path.join(CACHE, 'maxrss.txt');
  const useTime = existsSync(TIME);
  const [file, argv] = useTime ? [TIME, ['-f', '%M', '-o', rssFile, command, ...args]] : [command, args];
  const started = performance.now();
  const child = spawn(file, argv, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout = (stdout + chunk.toString()).slice(-8000)));
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  let peak = 0;
  const sampler = setInterval(() => void treeRss(child.pid!).then((bytes) => (peak = Math.max(peak, bytes))), 100);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  if (code !== 0) throw new Error(`${path.basename(command)} ${args.join(' ')} failed (${code}):\n${stdout}\n${stderr}`);
  const largest = useTime ? Number((await readFile(rssFile, 'utf8')).trim().split('\n').at(-1)) * 1024 : 0;
  return { seconds, peakMB: Math.max(peak, largest) / 2 ** 20, stdout };
}

/** Processes run one after another: their times add up, the peak is the largest. */
function inSequence(...samples: Sample[]): Sample {
  return { seconds: samples.reduce((n, s) => n + s.seconds, 0), peakMB: Math.max(...samples.map((s) => s.peakMB)) };
}

/** The rows of `--timings`: "  1.23 秒      998/1000  2 解析与排版". */
function stagesOf(stdout: string): Map<string, number> {
  const stages = new Map<string, number>();
  for (const [, seconds, label] of stdout.matchAll(/^ *(\d+\.\d+) 秒 +\S+ {2}(.+)$/gm)) stages.set(label!, Number(seconds));
  return stages;
}
const SEARCH_STAGE = '7 搜索索引';

// ---------------------------------------------------------------- the projects

interface Project {
  count: number;
  dir: string;
  corpus: CorpusIssue[];
}

/** The generated corpus as a project (content/, templates/): files that differ are written again, so an interrupted run leaves nothing behind. */
async function prepareProject(count: number): Promise<Project> {
  const dir = path.join(CACHE, `corpus-${count}`);
  const corpus = await generateCorpus(count);
  const files: [string, string][] = [
    ['content/site.yml', await readFile(path.join(ROOT, 'content', 'site.yml'), 'utf8')],
    ...corpus.map((issue): [string, string] => [issue.path, issue.text]),
  ];
  for (const [relPath, text] of files) {
    const file = path.join(dir, relPath);
    if ((await readFile(file, 'utf8').catch(() => undefined)) === text) continue;
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
  }
  await rm(path.join(dir, 'templates'), { recursive: true, force: true });
  await cp(path.join(ROOT, 'templates'), path.join(dir, 'templates'), { recursive: true });
  return { count, dir, corpus };
}

/** A copy of the project's own sample site (4 issues) with its package.json, the program (lib/) and node_modules/ linked in. */
async function prepareSample(): Promise<string> {
  const dir = path.join(CACHE, 'sample');
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  for (const name of ['content', 'templates', 'package.json']) await cp(path.join(ROOT, name), path.join(dir, name), { recursive: true });
  for (const name of ['lib', 'node_modules']) await symlink(path.join(ROOT, name), path.join(dir, name));
  return dir;
}

// ---------------------------------------------------------------- the tools

/** Our build as a user runs it: node lib/cli.js build, with --timings for the stages' times. */
async function ours(project: Project, { cold }: { cold: boolean }): Promise<Sample> {
  if (cold) for (const name of ['.cache', 'dist']) await rm(path.join(project.dir, name), { recursive: true, force: true });
  const sample = await timed(process.execPath, [CLI, 'build', '--timings'], project.dir);
  return { ...sample, stages: stagesOf(sample.stdout) };
}

/** A part of our build in a plain Node process on lib/ (bench/child.ts): the pages alone, or the index alone. */
async function oursPart(mode: 'pages' | 'index', options: ChildOptions): Promise<Sample & { child: ChildResult }> {
  const resultFile = path.join(CACHE, 'result.json');
  const sample = await timed(process.execPath, [CHILD, mode, JSON.stringify(options)], ROOT, { BENCH_LIB: path.join(ROOT, 'lib'), BENCH_RESULT: resultFile });
  return { ...sample, child: JSON.parse(await readFile(resultFile, 'utf8')) as ChildResult };
}

/** Eleventy 3 renders the pages (cold: its output deleted first); with index, Pagefind's CLI then indexes them. */
async function peer(project: Project, { cold, index }: { cold: boolean; index: boolean }): Promise<Sample> {
  const outDir = path.join(project.dir, '_site');
  if (cold) await rm(outDir, { recursive: true, force: true });
  const env = { BENCH_PROJECT: project.dir, BENCH_OUT: outDir };
  const eleventy = await timed(process.execPath, [ELEVENTY_CLI, `--config=${ELEVENTY_CONFIG}`], project.dir, env);
  return index ? inSequence(eleventy, await timed(PAGEFIND_CLI, ['--site', outDir], project.dir)) : eleventy;
}

const versionOf = async (pkg: string) =>
  (JSON.parse(await readFile(path.join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;

// ---------------------------------------------------------------- the runs

/** Samples by key: `${count} ${measurement} ${who}`. */
const samples = new Map<string, Sample[]>();
function record(key: string, sample: Sample): void {
  samples.set(key, [...(samples.get(key) ?? []), sample]);
  const stage = sample.stages?.get(SEARCH_STAGE);
  const note = stage === undefined ? '' : `  (search stage ${stage.toFixed(2)} s)`;
  console.log(`  ${key.padEnd(30)} ${sample.seconds.toFixed(2).padStart(7)} s  ${sample.peakMB.toFixed(0).padStart(5)} MB${note}`);
}

/** Edits one issue's body text (a sentence added to its first paragraph); returns the file and its original text. */
async function editIssue(project: Project, marker: string): Promise<{ file: string; original: string; page: string }> {
  const issue = project.corpus[Math.floor(project.count / 2)]!;
  const file = path.join(project.dir, issue.path);
  const original = await readFile(file, 'utf8');
  await writeFile(file, original.replace('。', `。${marker}。`));
  return { file, original, page: issue.path.replace(/^content\/(\d+)\/(\d+)\.md$/, '$1/$2/index.html') };
}

/** Each build after an edit must show it: a build cache that serves a stale page fails the benchmark. */
async function expectEdit(outDir: string, page: string, marker: string, who: string): Promise<void> {
  const html = await readFile(path.join(outDir, page), 'utf8');
  if (!html.includes(marker)) throw new Error(`${who}: ${page} does not show the edit (${marker}): a stale page`);
}

let downloads: { first: Downloaded; later: Downloaded[] } | undefined;

async function measure(project: Project): Promise<void> {
  const { count } = project;
  console.log(`\n${count} issues (load average ${os.loadavg()[0]!.toFixed(1)})`);
  for (let r = 0; r < runs; r++) {
    record(`${count} cold ours`, await ours(project, { cold: true }));
    record(`${count} cold peer`, await peer(project, { cold: true, index: true }));
  }
  if (count !== first) return;

  // Warm: the state the last runs left (our .cache/ and dist/, their _site/) is kept.
  for (let r = 0; r < runs; r++) {
    record(`${count} warm ours`, await ours(project, { cold: false }));
    record(`${count} warm peer`, await peer(project, { cold: false, index: true }));
  }
  for (let r = 0; r < runs; r++) {
    const marker = `基准测试第${r + 1}次修改正文`;
    const edit = await editIssue(project, marker);
    try {
      const sample = await ours(project, { cold: false });
      await expectEdit(path.join(project.dir, 'dist'), edit.page, marker, 'ours');
      record(`${count} changed ours`, sample);
      const theirs = await peer(project, { cold: false, index: true });
      await expectEdit(path.join(project.dir, '_site'), edit.page, marker, 'Eleventy');
      record(`${count} changed peer`, theirs);
    } finally {
      await writeFile(edit.file, edit.original);
    }
  }

  // A reader's searches, on the site as our last build left it (with its index).
  await ours(project, { cold: false });
  downloads = await searchDownloads(path.join(project.dir, 'dist'), DOWNLOAD_QUERIES);
  for (const d of [downloads.first, ...downloads.later])
    console.log(
      `  search ${d.query}: ${(d.search / 1024).toFixed(0)} KB after the page, ${(d.all / 1024).toFixed(0)} KB with it (${(d.pagefind / 1024).toFixed(0)} KB under pagefind/)`,
    );

  // Pages alone (a plain Node process on lib/, the build without its index), against Eleventy alone.
  for (let r = 0; r < runs; r++) {
    for (const name of ['.cache', 'dist']) await rm(path.join(project.dir, name), { recursive: true, force: true });
    record(`${count} pages ours`, await oursPart('pages', { projectDir: project.dir }));
    record(`${count} pages peer`, await peer(project, { cold: true, index: false }));
  }

  // The search index alone (timed in process), against Pagefind's CLI on the same documents.
  const docsDir = path.join(project.dir, 'search-docs');
  const docsOut = path.join(project.dir, 'search-docs-pagefind');
  await rm(docsDir, { recursive: true, force: true });
  for (let r = 0; r < runs; r++) {
    const sample = await oursPart('index', { projectDir: project.dir, docsDir: r === 0 ? docsDir : undefined });
    record(`${count} index ours`, { ...sample, seconds: sample.child.ms / 1000 });
    await rm(docsOut, { recursive: true, force: true });
    record(`${count} index peer`, await timed(PAGEFIND_CLI, ['--site', docsDir, '--output-path', docsOut], ROOT));
  }
}

/** The sample site (4 issues): npm run build from a fresh shell, warm and cold, and node lib/cli.js build alone. */
async function measureSample(): Promise<void> {
  const dir = await prepareSample();
  console.log(`\nsample site, 4 issues (load average ${os.loadavg()[0]!.toFixed(1)})`);
  await timed(process.execPath, [CLI, 'build'], dir);
  for (let r = 0; r < sampleRuns; r++) {
    record('sample npm warm', await timed('bash', ['-c', 'npm run build'], dir));
    record('sample cli warm', await timed(process.execPath, [CLI, 'build'], dir));
    for (const name of ['.cache', 'dist']) await rm(path.join(dir, name), { recursive: true, force: true });
    record('sample npm cold', await timed('bash', ['-c', 'npm run build'], dir));
  }
}

// ---------------------------------------------------------------- the report

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const seconds = (key: string) => {
  const list = samples.get(key);
  return list ? median(list.map((s) => s.seconds)) : undefined;
};
const peak = (key: string) => {
  const list = samples.get(key);
  return list ? Math.max(...list.map((s) => s.peakMB)) : undefined;
};
/** Median seconds of a stage of ours, from --timings. */
const stage = (key: string, label: string) => {
  const list = samples.get(key)?.flatMap((s) => s.stages?.get(label) ?? []);
  return list?.length ? median(list) : undefined;
};
function cell(key: string, { memory = true } = {}): string {
  const list = samples.get(key);
  if (!list) return '—';
  const times = list.map((s) => s.seconds);
  const range = list.length > 1 ? ` (${Math.min(...times).toFixed(2)}–${Math.max(...times).toFixed(2)})` : '';
  return `${seconds(key)!.toFixed(2)} s${range}${memory ? `, ${peak(key)!.toFixed(0)} MB` : ''}`;
}
const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? undefined : a / b);
const times = (x: number | undefined) => (x === undefined ? '—' : `${x.toFixed(2)} ×`);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const check = (value: number | undefined, limit: number) =>
  value === undefined ? 'not measured' : value <= limit ? 'met' : `missed (${(value / limit).toFixed(1)} × the limit)`;

/** A row: what, ours, the peer and its figure, ours / peer, the target and whether it is met. */
type Row = [measurement: string, ours: string, peer: string, theirs: string, ratio: string, target: string, verdict: string];

function rows(eleventy: string, pagefind: string): Row[] {
  const full = `Eleventy ${eleventy} + Pagefind ${pagefind} CLI`;
  const n = (count: number) => count.toLocaleString('en');
  const vs = (measurement: string, count = first) => ratio(seconds(`${count} ${measurement} ours`), seconds(`${count} ${measurement} peer`));
  const comparison = (measurement: string, label: string, peerName: string, limit: number | undefined, count = first): Row => [
    label,
    cell(`${count} ${measurement} ours`),
    peerName,
    cell(`${count} ${measurement} peer`),
    times(vs(measurement, count)),
    limit === undefined ? '—' : `≤ ${limit.toFixed(2)} ×`,
    limit === undefined ? '' : check(vs(measurement, count), limit),
  ];
  const table: Row[] = [
    comparison('cold', `cold full build, pages and search index (${n(first)})`, full, 1.0),
    comparison('pages', `pages alone, no search index (${n(first)})`, `Eleventy ${eleventy} alone`, 1.0),
    comparison('warm', `warm build, nothing changed (${n(first)})`, `${full} (no cache: a full build)`, 0.05),
    comparison('changed', `one issue changed, index included (${n(first)})`, full, 0.1),
  ];
  const update = stage(`${first} changed ours`, SEARCH_STAGE);
  const fullIndex = seconds(`${first} index ours`);
  table.push([
    `↳ of which the search index update (stage 7 of \`--timings\`, ${n(first)})`,
    update === undefined ? '—' : `${update.toFixed(2)} s`,
    'our full index (next row)',
    fullIndex === undefined ? '—' : `${fullIndex.toFixed(2)} s`,
    times(ratio(update, fullIndex)),
    'measured apart',
    update === undefined ? 'not measured' : 'measured',
  ]);
  table.push(comparison('index', `search index alone, the same ${n(first * 2)} article documents (${n(first)})`, `Pagefind ${pagefind} CLI`, 1.0));
  if (last !== first) {
    table.push(comparison('cold', `cold full build (${n(last)})`, full, undefined, last));
    const growth = (who: string) => ratio(seconds(`${last} cold ${who}`), seconds(`${first} cold ${who}`));
    const linear = last / first;
    table.push([
      `growth of the cold full build, ${n(first)} → ${n(last)} issues`,
      times(growth('ours')),
      full,
      times(growth('peer')),
      '—',
      `≤ ${linear.toFixed(2)} × (linear)`,
      check(growth('ours'), linear),
    ]);
    const peaks = (who: string) => peak(`${last} cold ${who}`);
    table.push([
      `peak memory of all processes, cold full build (${n(last)})`,
      `${peaks('ours')?.toFixed(0)} MB`,
      full,
      `${peaks('peer')?.toFixed(0)} MB`,
      times(ratio(peaks('ours'), peaks('peer'))),
      '≤ 600 MB',
      check(peaks('ours'), 600),
    ]);
  }
  if (downloads) {
    const later = downloads.later.map((d) => d.all);
    table.push([
      `a reader's first search (${downloads.first.query}): bytes fetched after the search page loaded, empty cache (${n(first)})`,
      `${kb(downloads.first.search)} (${kb(downloads.first.all)} with the page and its scripts)`,
      '—',
      '—',
      '—',
      '≤ 300 KB',
      check(downloads.first.search / 1024, 300),
    ]);
    table.push([
      `each later search of the same visit (${later.length} searches, ${n(first)})`,
      `max ${kb(Math.max(...later))}, median ${kb(median(later))}`,
      '—',
      '—',
      '—',
      '≤ 100 KB each',
      check(Math.max(...later) / 1024, 100),
    ]);
  }
  const absolute = (key: string, label: string, limit: number, strict = false): Row => {
    const value = seconds(key);
    return [label, cell(key), '—', '—', '—', `${strict ? '<' : '≤'} ${limit.toFixed(1)} s`, check(value, limit)];
  };
  table.push(
    absolute('sample npm warm', 'sample site (4 issues): `npm run build` from a fresh shell, warm', 0.6),
    absolute('sample cli warm', 'sample site: `node lib/cli.js build` alone, warm', 0.3),
    absolute('sample npm cold', 'sample site: `npm run build` from a fresh shell, cold (no .cache/, no dist/)', 1.0, true),
  );
  return table;
}

/** Where our time goes: the stages of --timings, medians. */
function stagesTable(): string {
  const columns: [string, string][] = [
    [`${first} cold ours`, `cold, ${first}`],
    [`${first} warm ours`, `warm, ${first}`],
    [`${first} changed ours`, `one changed, ${first}`],
    ...(last === first ? [] : [[`${last} cold ours`, `cold, ${last}`] as [string, string]]),
  ];
  const labels = [...new Set(columns.flatMap(([key]) => samples.get(key)?.flatMap((s) => [...(s.stages?.keys() ?? [])]) ?? []))];
  const lines = [`| stage (\`--timings\`, medians) | ${columns.map(([, label]) => label).join(' | ')} |`, `|${' --- |'.repeat(columns.length + 1)}`];
  for (const label of labels) {
    lines.push(`| ${label} | ${columns.map(([key]) => stage(key, label)?.toFixed(2) ?? '—').join(' | ')} |`);
  }
  lines.push(`| wall clock of the process | ${columns.map(([key]) => seconds(key)?.toFixed(2) ?? '—').join(' | ')} |`);
  return lines.join('\n');
}

function report(eleventy: string, pagefind: string, machine: string): string {
  const head: Row = ['measurement (issues)', 'ours', 'peer', 'peer’s figure', 'ours / peer', 'target (issue 14)', ''];
  const lines = [head, head.map(() => '---') as Row, ...rows(eleventy, pagefind)].map((row) => `| ${row.join(' | ')} |`);
  return [...lines, '', stagesTable(), '', machine].join('\n');
}

// ---------------------------------------------------------------- main

const loadBefore = os
  .loadavg()
  .map((x) => x.toFixed(1))
  .join(' ');
const started = performance.now();
await mkdir(CACHE, { recursive: true });
console.log('Compiling src/ into lib/ (node scripts/compile.mjs) …');
const compiled = spawnSync(process.execPath, ['scripts/compile.mjs'], { cwd: ROOT, stdio: 'inherit' });
if (compiled.status !== 0) throw new Error('the program does not compile');
// bench/child.ts without its types, for plain Node; it imports the program from lib/.
const childSource = await readFile(path.join(ROOT, 'bench', 'child.ts'), 'utf8');
const child = ts.transpileModule(childSource, {
  compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
});
await writeFile(CHILD, child.outputText);

const eleventy = await versionOf('@11ty/eleventy');
const pagefind = await versionOf('pagefind');
console.log(`Build benchmark: ${counts.join(' and ')} issues, ${runs} run(s) each; ours against Eleventy ${eleventy} + Pagefind ${pagefind} CLI`);
for (const count of counts) await measure(await prepareProject(count));
await measureSample();

const minutes = (performance.now() - started) / 60_000;
const git = (...args: string[]) => spawnSync('git', args, { cwd: ROOT }).stdout.toString().trim();
const edited = git('status', '--porcelain', '--', 'src', 'templates') ? ' with uncommitted changes in src/ or templates/' : '';
const machine = [
  `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run bench\` (${runs} run(s) each, ${sampleRuns} for the sample site; medians, range in brackets; ${minutes.toFixed(1)} min in all):`,
  `${os.availableParallelism()} cores (${os.cpus()[0]?.model ?? '?'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB memory, load average ${loadBefore} before and ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')} after;`,
  `Node ${process.version}, Eleventy ${eleventy}, Pagefind ${pagefind}; our builder at ${git('rev-parse', '--short', 'HEAD') || '?'}${edited}.`,
].join('\n');
const table = report(eleventy, pagefind, machine);
console.log(`\n${table}`);

if (!values.quick && !values['no-readme']) {
  const readme = path.join(ROOT, 'bench', 'README.md');
  const text = await readFile(readme, 'utf8');
  const [start, end] = ['<!-- results: written by npm run bench -->', '<!-- /results -->'];
  const at = text.indexOf(start);
  const block = `${start}\n${table}\n${end}`;
  await writeFile(readme, at < 0 ? `${text.trimEnd()}\n\n${block}\n` : text.slice(0, at) + block + text.slice(text.indexOf(end) + end.length));
  console.log('\nWritten into bench/README.md.');
}
