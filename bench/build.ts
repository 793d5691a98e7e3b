// Build speed at archive scale (issue 6): our builder against Eleventy 3 and Hugo on generated
// corpora of 1000 and 5000 issues (bench/corpus.ts), every run in a process of its own, the tools
// alternating run by run; medians, ratios ours / theirs, peak memory; Pagefind's own CLI against
// our indexSearch(); npm run dev's save-to-reload. Writes the tables into bench/README.md.
// Usage: npm run bench [-- --issues 1000,5000] [--runs 3] [--quick] [--no-readme]
//                      [--build-options '{"cache":true}']   (passed to build() in every run of ours)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ChildOptions, ChildResult } from './child.ts';
import { generateCorpus, type CorpusIssue } from './corpus.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const CACHE = path.join(ROOT, 'bench', '.cache');
const ELEVENTY_DIR = path.join(CACHE, 'eleventy');
const ELEVENTY_CLI = path.join(ELEVENTY_DIR, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs');
const PAGEFIND_CLI = path.join(ROOT, 'node_modules', '.bin', 'pagefind');
const TIME = '/usr/bin/time';
/** What a cold run of ours deletes in the project first: the build's caches (PDFs today, the lead's build cache next). */
const OUR_CACHES = ['.cache'];

const { values } = parseArgs({
  options: {
    issues: { type: 'string', default: '1000,5000' },
    runs: { type: 'string', default: '3' },
    quick: { type: 'boolean', default: false },
    'no-readme': { type: 'boolean', default: false },
    'build-options': { type: 'string', default: '{}' },
  },
});
const counts = (values.quick ? '1000' : values.issues).split(',').map(Number).sort((a, b) => a - b);
const runs = values.quick ? 1 : Number(values.runs);
const buildOptions = JSON.parse(values['build-options']) as ChildOptions['buildOptions'];
const detailedCount = counts[0]!;

// ---------------------------------------------------------------- measuring one run

interface Sample {
  seconds: number;
  /** Peak resident memory of the run's processes together, sampled, or of its largest one (time -v), whichever is more. */
  peakMB: number;
  child?: ChildResult;
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

/** Runs a command to its end: wall-clock seconds and peak memory. Fails with its output if it fails. */
async function timed(command: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<Sample> {
  const rssFile = path.join(CACHE, 'maxrss.txt');
  const useTime = existsSync(TIME);
  const [file, argv] = useTime ? [TIME, ['-f', '%M', '-o', rssFile, command, ...args]] : [command, args];
  const started = performance.now();
  const child = spawn(file, argv, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  child.stderr.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  let peak = 0;
  const sampler = setInterval(() => void treeRss(child.pid!).then((bytes) => (peak = Math.max(peak, bytes))), 100);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  if (code !== 0) throw new Error(`${path.basename(command)} ${args.join(' ')} failed (${code}):\n${output}`);
  const largest = useTime ? Number((await readFile(rssFile, 'utf8')).trim().split('\n').at(-1)) * 1024 : 0;
  return { seconds, peakMB: Math.max(peak, largest) / 2 ** 20 };
}

// ---------------------------------------------------------------- the projects and the tools

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

async function ours(mode: 'build' | 'index' | 'dev', options: ChildOptions): Promise<Sample> {
  const resultFile = path.join(CACHE, 'result.json');
  const sample = await timed(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench', 'child.ts'), mode, JSON.stringify({ buildOptions, ...options })], ROOT, {
    BENCH_RESULT: resultFile,
  });
  return { ...sample, child: JSON.parse(await readFile(resultFile, 'utf8')) as ChildResult };
}

async function oursBuild(project: Project, { search, cold }: { search: boolean; cold: boolean }): Promise<Sample> {
  const outDir = path.join(project.dir, 'dist');
  if (cold) for (const name of [...OUR_CACHES, 'dist']) await rm(path.join(project.dir, name), { recursive: true, force: true });
  return ours('build', { projectDir: project.dir, outDir, search });
}

interface Tool {
  name: string;
  version: string;
  /** Builds the project; cold: with its output (and any cache) deleted first. Returns where the site is. */
  build(project: Project, cold: boolean): Promise<{ sample: Sample; outDir: string }>;
}

/** Eleventy 3, installed on demand into bench/.cache/eleventy (not a dependency of the project). */
function eleventy(): Tool | undefined {
  if (!existsSync(ELEVENTY_CLI)) {
    console.log('Installing Eleventy 3 into bench/.cache/eleventy …');
    const install = spawnSync('flock', ['/tmp/npm.lock', 'npm', 'install', '--prefix', ELEVENTY_DIR, '--no-audit', '--no-fund', '--loglevel=error', '@11ty/eleventy@3'], {
      stdio: 'inherit',
    });
    if (install.status !== 0 || !existsSync(ELEVENTY_CLI)) {
      console.log('Eleventy could not be installed: skipped.');
      return undefined;
    }
  }
  const { version } = JSON.parse(readFileSync(path.join(path.dirname(ELEVENTY_CLI), 'package.json'), 'utf8')) as { version: string };
  return {
    name: 'Eleventy',
    version,
    async build(project, cold) {
      const outDir = path.join(project.dir, '_site');
      if (cold) await rm(outDir, { recursive: true, force: true });
      const config = path.join(ROOT, 'bench', 'eleventy', 'eleventy.config.js');
      const sample = await timed(process.execPath, [ELEVENTY_CLI, `--config=${config}`], project.dir, { BENCH_PROJECT: project.dir, BENCH_OUT: outDir });
      return { sample, outDir };
    },
  };
}

/** Hugo from the PATH (Debian's package hugo), with the layouts of bench/hugo mounted over the project. */
function hugo(): Tool | undefined {
  const found = spawnSync('hugo', ['version']);
  if (found.status !== 0) {
    console.log('Hugo is not on the PATH (apt-get install hugo): skipped.');
    return undefined;
  }
  const version = /v(\d+\.\d+\.\d+)/.exec(found.stdout.toString())?.[1] ?? '?';
  return {
    name: 'Hugo',
    version,
    async build(project, cold) {
      const site = path.join(CACHE, `hugo-${project.count}`);
      const outDir = path.join(site, 'public');
      if (cold) for (const name of ['public', 'cache', 'resources']) await rm(path.join(site, name), { recursive: true, force: true });
      await mkdir(path.join(site, 'data'), { recursive: true });
      await cp(path.join(project.dir, 'content', 'site.yml'), path.join(site, 'data', 'site.yml'));
      const mount = (source: string, target: string, extra = '') => `[[module.mounts]]\n  source = ${JSON.stringify(source)}\n  target = "${target}"\n${extra}`;
      const paths = [
        mount(path.join(project.dir, 'content'), 'content', '  excludeFiles = ["site.yml"]\n'),
        mount(path.join(ROOT, 'bench', 'hugo', 'layouts'), 'layouts'),
        mount(path.join(project.dir, 'templates', 'assets'), 'static/assets'),
        mount('data', 'data'),
      ];
      await writeFile(path.join(site, 'paths.toml'), paths.join(''));
      const config = `${path.join(ROOT, 'bench', 'hugo', 'hugo.toml')},${path.join(site, 'paths.toml')}`;
      const sample = await timed('hugo', ['--source', site, '--config', config, '--destination', outDir, '--cacheDir', path.join(site, 'cache'), '--quiet'], site);
      return { sample, outDir };
    },
  };
}

// ---------------------------------------------------------------- the runs

/** Samples by key: `${count} ${measurement} ${tool}`. */
const samples = new Map<string, Sample[]>();
const record = (key: string, sample: Sample) => {
  samples.set(key, [...(samples.get(key) ?? []), sample]);
  const child = sample.child ? `  (in process ${(sample.child.ms / 1000).toFixed(2)} s; Node alone ${sample.child.nodeMB?.toFixed(0)} MB)` : '';
  console.log(`  ${key.padEnd(34)} ${sample.seconds.toFixed(2).padStart(7)} s  ${sample.peakMB.toFixed(0).padStart(5)} MB${child}`);
};

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

async function measure(project: Project, tools: Tool[]): Promise<void> {
  const { count } = project;
  const detailed = count === detailedCount;
  console.log(`\n${count} issues`);
  for (let r = 0; r < runs; r++) {
    record(`${count} cold ours`, await oursBuild(project, { search: false, cold: true }));
    for (const tool of tools) record(`${count} cold ${tool.name}`, (await tool.build(project, true)).sample);
  }
  for (let r = 0; r < runs; r++) record(`${count} cold+index ours`, await oursBuild(project, { search: true, cold: true }));
  if (!detailed) return;

  // Warm: the state the last runs left (our .cache/ and dist/, their output) is kept.
  for (let r = 0; r < runs; r++) {
    record(`${count} warm ours`, await oursBuild(project, { search: true, cold: false }));
    for (const tool of tools) record(`${count} warm ${tool.name}`, (await tool.build(project, false)).sample);
  }
  for (let r = 0; r < runs; r++) {
    const marker = `基准测试第${r + 1}次修改正文`;
    const edit = await editIssue(project, marker);
    try {
      const sample = await oursBuild(project, { search: true, cold: false });
      await expectEdit(path.join(project.dir, 'dist'), edit.page, marker, 'ours');
      record(`${count} changed ours`, sample);
      for (const tool of tools) {
        const { sample, outDir } = await tool.build(project, false);
        await expectEdit(outDir, edit.page, marker, tool.name);
        record(`${count} changed ${tool.name}`, sample);
      }
    } finally {
      await writeFile(edit.file, edit.original);
    }
  }

  // Search indexing alone (in process), against Pagefind's CLI on the same documents.
  const docsDir = path.join(project.dir, 'search-docs');
  const docsOut = path.join(project.dir, 'search-docs-pagefind');
  await rm(docsDir, { recursive: true, force: true });
  for (let r = 0; r < runs; r++) {
    const sample = await ours('index', { projectDir: project.dir, docsDir: r === 0 ? docsDir : undefined });
    record(`${count} index ours`, { ...sample, seconds: sample.child!.ms / 1000 });
    await rm(docsOut, { recursive: true, force: true });
    record(`${count} index Pagefind CLI`, await timed(PAGEFIND_CLI, ['--site', docsDir, '--output-path', docsOut, '--silent'], ROOT));
  }

  // npm run dev: save → reload, saves of different issues 1.5 s apart, the index rebuilt meanwhile.
  const saveCount = Math.max(10, runs);
  const saves = Array.from({ length: saveCount }, (_, i) => project.corpus[Math.floor((count * (i + 0.5)) / saveCount)]!.path);
  const dev = await ours('dev', { projectDir: project.dir, saves, pauseMs: 1500 });
  samples.set(`${count} dev`, [dev]);
  console.log(`  ${`${count} dev save → reload`.padEnd(34)} ${dev.child!.toReload!.map((ms) => ms.toFixed(0)).join(' ')} ms`);
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
function cell(key: string): string {
  const list = samples.get(key);
  if (!list) return '—';
  const times = list.map((s) => s.seconds);
  const range = list.length > 1 ? ` (${Math.min(...times).toFixed(2)}–${Math.max(...times).toFixed(2)})` : '';
  const nodeMB = list.map((s) => s.child?.nodeMB ?? 0);
  const node = Math.max(...nodeMB) > 0 ? ` (Node ${Math.max(...nodeMB).toFixed(0)})` : '';
  return `${seconds(key)!.toFixed(2)} s${range}, ${peak(key)!.toFixed(0)} MB${node}`;
}
const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? undefined : a / b);
const times = (x: number | undefined) => (x === undefined ? '—' : `${x.toFixed(2)} ×`);

function report(tools: Tool[], machine: string): string {
  const lines: string[] = [];
  const head = ['issues', 'measurement', 'ours', ...tools.flatMap((t) => [`${t.name} ${t.version}`, `ours / ${t.name}`])];
  lines.push(`| ${head.join(' | ')} |`, `|${' --- |'.repeat(head.length)}`);
  const MEASUREMENTS: [string, string, string][] = [
    ['cold', 'cold build, no search index', 'cold'],
    ['cold+index', 'cold build with search index', 'cold'],
    ['warm', 'warm build, nothing changed (with index)', 'warm'],
    ['changed', 'one issue changed (with index)', 'changed'],
  ];
  for (const count of counts) {
    for (const [ourKey, label, theirKey] of MEASUREMENTS) {
      if (!samples.has(`${count} ${ourKey} ours`)) continue;
      const row = [String(count), label, cell(`${count} ${ourKey} ours`)];
      for (const tool of tools) {
        const theirs = `${count} ${theirKey} ${tool.name}`;
        row.push(cell(theirs), times(ratio(seconds(`${count} ${ourKey} ours`), seconds(theirs))));
      }
      lines.push(`| ${row.join(' | ')} |`);
    }
  }
  const first = counts[0]!;
  const indexOurs = seconds(`${first} index ours`);
  const indexCli = seconds(`${first} index Pagefind CLI`);
  const dev = samples.get(`${first} dev`)?.[0]?.child;
  lines.push('', `| ${first} issues, search index | seconds |`, '| --- | --- |');
  lines.push(`| our indexSearch(), in process (${first * 2} articles) | ${cell(`${first} index ours`)} |`);
  lines.push(`| Pagefind's CLI on the same ${first * 2} documents, written as HTML files | ${cell(`${first} index Pagefind CLI`)} |`);
  lines.push(`| ours / Pagefind CLI | ${times(ratio(indexOurs, indexCli))} |`);
  if (dev) {
    lines.push('', `| ${first} issues, npm run dev | |`, '| --- | --- |');
    lines.push(`| start: read, check and render everything; first search index | ${(dev.startMs! / 1000).toFixed(1)} s; ${(dev.firstIndexMs! / 1000).toFixed(1)} s |`);
    lines.push(`| save of one issue → reload message (${dev.toReload!.length} saves) | median ${median(dev.toReload!).toFixed(0)} ms, max ${Math.max(...dev.toReload!).toFixed(0)} ms |`);
    lines.push(`| save → the new page fetched | median ${median(dev.toPage!).toFixed(0)} ms |`);
  }

  // The targets of issue 6, from this run.
  const eleventyName = tools.find((t) => t.name === 'Eleventy')?.name;
  const vsEleventy = (key: string) => (eleventyName ? ratio(seconds(`${first} ${key} ours`), seconds(`${first} ${key === 'cold+index' ? 'cold' : key} ${eleventyName}`)) : undefined);
  const last = counts.at(-1)!;
  const growth = (key: string) => (last === first ? undefined : ratio(seconds(`${last} ${key} ours`), seconds(`${first} ${key} ours`)));
  const peakLast = Math.max(...[...samples].filter(([key]) => key.startsWith(`${last} `) && key.endsWith(' ours')).flatMap(([, list]) => list.map((s) => s.peakMB)));
  const check = (value: number | undefined, limit: number) => (value === undefined ? 'not measured' : value <= limit ? 'met' : `missed: ${(value / limit).toFixed(2)} × the limit`);
  const targets: [string, string, string][] = [
    [`cold build without index ≤ 1.0 × Eleventy (${first})`, times(vsEleventy('cold')), check(vsEleventy('cold'), 1.0)],
    [`warm build, nothing changed ≤ 0.2 × Eleventy (${first})`, times(vsEleventy('warm')), check(vsEleventy('warm'), 0.2)],
    [`one issue changed, index included ≤ 0.25 × Eleventy (${first})`, times(vsEleventy('changed')), check(vsEleventy('changed'), 0.25)],
    ['full search index no slower than Pagefind CLI', times(ratio(indexOurs, indexCli)), check(ratio(indexOurs, indexCli), 1.0)],
    ['index update after one change ≤ 0.3 × full index', 'TODO', 'not measured apart: build() does not report its stages\' times (the one-issue-changed build includes it)'],
    ...(last === first
      ? []
      : ([
          [`${last} issues: cold build without index ≤ 5.5 × the ${first} figure`, times(growth('cold')), check(growth('cold'), 5.5)],
          [`${last} issues: cold build with index ≤ 5.5 × the ${first} figure`, times(growth('cold+index')), check(growth('cold+index'), 5.5)],
        ] as [string, string, string][])),
    [`${last} issues: peak memory ≤ 600 MB (all processes of a run, Pagefind's included)`, `${peakLast.toFixed(0)} MB`, check(peakLast, 600)],
    [`dev server: save → reload ≤ 300 ms (${first})`, dev ? `${median(dev.toReload!).toFixed(0)} ms` : 'TODO', dev ? check(median(dev.toReload!), 300) : 'not measured'],
  ];
  lines.push('', '| target (issue 6) | measured | |', '| --- | --- | --- |', ...targets.map((t) => `| ${t.join(' | ')} |`));
  lines.push('', machine);
  return lines.join('\n');
}

// ---------------------------------------------------------------- main

await mkdir(CACHE, { recursive: true });
const loadBefore = os.loadavg().map((x) => x.toFixed(1)).join(' ');
const started = performance.now();
const tools = [eleventy(), hugo()].filter((t): t is Tool => t !== undefined);
const pagefindVersion = (JSON.parse(await readFile(path.join(ROOT, 'node_modules', 'pagefind', 'package.json'), 'utf8')) as { version: string }).version;
console.log(`Build benchmark: ${counts.join(' and ')} issues, ${runs} run(s) each, ours${tools.map((t) => `, ${t.name} ${t.version}`).join('')}`);
for (const count of counts) await measure(await prepareProject(count), tools);

const minutes = (performance.now() - started) / 60_000;
const git = (...args: string[]) => spawnSync('git', args, { cwd: ROOT }).stdout.toString().trim();
const edited = git('status', '--porcelain', '--', 'src', 'templates') ? ' with uncommitted changes in src/ or templates/' : '';
const machine = [
  `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run bench\` (${runs} run(s) each, medians; range in brackets; ${minutes.toFixed(1)} min in all):`,
  `${os.availableParallelism()} cores (${os.cpus()[0]?.model ?? '?'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB memory, load average ${loadBefore} before and ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} after;`,
  `Node ${process.version}, ${tools.map((t) => `${t.name} ${t.version}`).join(', ')}, Pagefind ${pagefindVersion}; our builder at ${git('rev-parse', '--short', 'HEAD') || '?'}${edited}.`,
  values['build-options'] === '{}' ? '' : `Our build() was given ${values['build-options']}.`,
].filter(Boolean).join('\n');
const table = report(tools, machine);
console.log(`\n${table}`);

if (!values.quick && !values['no-readme']) {
  const readme = path.join(ROOT, 'bench', 'README.md');
  const text = await readFile(readme, 'utf8').catch(() => '# Benchmarks\n');
  const [start, end] = ['<!-- results: written by npm run bench -->', '<!-- /results -->'];
  const block = `${start}\n${table}\n${end}`;
  const at = text.indexOf(start);
  const updated = at < 0 ? `${text.trimEnd()}\n\n${block}\n` : text.slice(0, at) + block + text.slice(text.indexOf(end) + end.length);
  await writeFile(readme, updated);
  console.log('\nWritten into bench/README.md.');
}
