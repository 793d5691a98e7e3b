// Lighthouse's performance score of every page kind at archive scale (issue 21): the home page, a
// year, an issue, the 往期总目录, the search page empty and opened with two queries. Serves a built
// site on 127.0.0.1 (test/serve.ts: no compression, no caching headers) and runs `npx lighthouse@12`
// on each page, with Debian's Chromium and Lighthouse's default mobile throttling (a slow phone on a
// slow 4G link, simulated), the performance category only. The machine is shared, so each page is
// run several times and every score is printed, with the metrics of each run and, for a run under
// 100, the audits that cost it points. Not part of `npm test`; Lighthouse is fetched by npx, not a
// dependency of the project.
//
// Usage: npx tsx bench/lighthouse.ts [--site DIR] [--runs 3] [--pages home,search-q1] [--keep DIR]
//   --site: a built site (its dist/); without it, 1000 issues of bench/corpus.ts are generated
//           (once) in bench/.cache/lighthouse/ and built with this checkout's templates and compiled
//           tool (lib/cli.js: `npm run compile` first).
//   --keep: writes each run's whole report (JSON) into DIR, to read its opportunities and diagnostics.
import { execFile, spawn } from 'node:child_process';
import { cp, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { SITE_PAGES } from '../src/model/output.ts';
import { serveDirectory } from '../test/serve.ts';
import { generateCorpus, writeCorpus } from './corpus.ts';

const { values } = parseArgs({
  options: {
    site: { type: 'string' },
    runs: { type: 'string', default: '3' },
    pages: { type: 'string' },
    keep: { type: 'string' },
  },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs: a whole number of at least 1, not ${values.runs}`);

/** The page kinds, by name, with the address of each under the site's root. */
const PAGE_KINDS: { name: string; label: string; path: string }[] = [
  { name: 'home', label: 'home `/`', path: '' },
  { name: 'year', label: 'year `/2019/`', path: '2019/' },
  { name: 'issue', label: 'issue `/2019/09/`', path: '2019/09/' },
  { name: 'archive', label: `往期总目录 \`/${SITE_PAGES.archive.replace(/index\.html$/, '')}\``, path: SITE_PAGES.archive.replace(/index\.html$/, '') },
  { name: 'search', label: 'search, empty `/search/`', path: 'search/' },
  { name: 'search-q1', label: 'search `?q=代表小组`', path: `search/?q=${encodeURIComponent('代表小组')}` },
  { name: 'search-q2', label: 'search `?q=韶山灌区`', path: `search/?q=${encodeURIComponent('韶山灌区')}` },
];
const chosen = values.pages ? values.pages.split(',') : PAGE_KINDS.map((kind) => kind.name);
const unknown = chosen.filter((name) => !PAGE_KINDS.some((kind) => kind.name === name));
if (unknown.length > 0) throw new Error(`--pages: unknown ${unknown.join(', ')}; the kinds are ${PAGE_KINDS.map((kind) => kind.name).join(', ')}`);

const root = path.resolve(import.meta.dirname, '..');
const siteDir = values.site ? path.resolve(values.site) : await generatedSite();

/**
 * 1000 generated issues with this checkout's templates, built with the compiled tool: generated
 * once, then built again each run (incrementally, so only what changed is rendered).
 */
async function generatedSite(): Promise<string> {
  const work = path.join(root, 'bench', '.cache', 'lighthouse');
  const generated = await stat(path.join(work, 'content')).then(
    () => true,
    () => false,
  );
  if (!generated) {
    await mkdir(work, { recursive: true });
    console.log('Generating 1000 issues…');
    await writeCorpus(work, await generateCorpus(1000));
  }
  await rm(path.join(work, 'templates'), { recursive: true, force: true });
  await cp(path.join(root, 'templates'), path.join(work, 'templates'), { recursive: true });
  console.log('Building them…');
  await promisify(execFile)(process.execPath, [path.join(root, 'lib', 'cli.js'), 'build'], { cwd: work, maxBuffer: 64 * 1024 * 1024 });
  return path.join(work, 'dist');
}

interface Audit {
  id: string;
  score: number | null;
  displayValue?: string;
  numericValue?: number;
  details?: { items?: { url?: string; duration?: number; startTime?: number }[] };
}
interface Report {
  categories: { performance: { score: number | null; auditRefs: { id: string; weight: number }[] } };
  audits: Record<string, Audit>;
}

interface Run {
  score: number;
  metrics: Record<string, number>;
  /** What cost points: the weighted metrics scored under 1, and the long tasks (simulated, as Lighthouse counts them). */
  flagged: string[];
}

const METRICS: [string, string][] = [
  ['first-contentful-paint', 'FCP'],
  ['largest-contentful-paint', 'LCP'],
  ['total-blocking-time', 'TBT'],
  ['cumulative-layout-shift', 'CLS'],
  ['speed-index', 'SI'],
];

async function lighthouse(url: string, output: string): Promise<Report> {
  const args = [
    '-y',
    'lighthouse@12',
    url,
    '--only-categories=performance',
    '--output=json',
    `--output-path=${output}`,
    '--chrome-flags=--headless=new --no-sandbox',
    '--quiet',
  ];
  await new Promise<void>((resolve, reject) => {
    const child = spawn('npx', args, {
      env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`lighthouse exited ${code}: ${stderr.slice(-2000)}`))));
  });
  return JSON.parse(await readFile(output, 'utf8')) as Report;
}

function readRun(report: Report): Run {
  const score = Math.round((report.categories.performance.score ?? 0) * 100);
  const metrics = Object.fromEntries(METRICS.map(([id, short]) => [short, report.audits[id]?.numericValue ?? Number.NaN]));
  const weighted = report.categories.performance.auditRefs.filter((ref) => ref.weight > 0).map((ref) => report.audits[ref.id]);
  const flagged = weighted
    .filter((audit): audit is Audit => audit !== undefined && audit.score !== null && audit.score < 1)
    .map((audit) => `${audit.id} ${audit.score}`);
  const longTasks = (report.audits['long-tasks']?.details?.items ?? []).map(
    (task) => `${(task.url ?? '').replace(/^https?:\/\/[^/]+/, '')} ${Math.round(task.duration ?? 0)} ms at ${Math.round(task.startTime ?? 0)}`,
  );
  if (longTasks.length > 0) flagged.push(`long tasks: ${longTasks.join(', ')}`);
  return { score, metrics, flagged };
}

const keepDir = path.resolve(values.keep ?? path.join(root, 'bench', '.cache', 'lighthouse-reports'));
await mkdir(keepDir, { recursive: true });
const server = await serveDirectory(siteDir);
const loadBefore = loadavg();
const results = new Map<string, Run[]>();
try {
  // Round after round rather than page after page, so that a burst of load on the shared machine
  // falls on several pages' runs rather than on all of one page's.
  for (let round = 1; round <= runs; round++) {
    for (const name of chosen) {
      const kind = PAGE_KINDS.find((candidate) => candidate.name === name);
      if (!kind) continue;
      const output = path.join(keepDir, `${name}-${round}.json`);
      const run = readRun(await lighthouse(server.url + kind.path, output));
      results.set(name, [...(results.get(name) ?? []), run]);
      const metrics = Object.entries(run.metrics)
        .map(([short, value]) => `${short} ${short === 'CLS' ? value.toFixed(3) : `${Math.round(value)} ms`}`)
        .join(', ');
      console.log(`${name} run ${round}: ${run.score} (${metrics})${run.flagged.length ? `; ${run.flagged.join('; ')}` : ''}`);
    }
  }
} finally {
  await server.close();
}
const loadAfter = loadavg();

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};
const lines = [
  '| page kind | scores | FCP | LCP | TBT | CLS | SI |',
  '| --- | --- | --- | --- | --- | --- | --- |',
  ...chosen.map((name) => {
    const kind = PAGE_KINDS.find((candidate) => candidate.name === name);
    const of = results.get(name) ?? [];
    const cell = (short: string) => {
      const value = median(of.map((run) => run.metrics[short] ?? Number.NaN));
      return short === 'CLS' ? value.toFixed(3) : `${(value / 1000).toFixed(2)} s`;
    };
    const tbt = median(of.map((run) => run.metrics.TBT ?? Number.NaN));
    return `| ${kind?.label} | ${of.map((run) => run.score).join(', ')} | ${cell('FCP')} | ${cell('LCP')} | ${Math.round(tbt)} ms | ${cell('CLS')} | ${cell('SI')} |`;
  }),
];
const summary = [
  '',
  `Lighthouse 12, performance, mobile throttling (simulated), ${runs} run(s) a page; the metrics are medians. Site: ${siteDir}.`,
  `Load average ${loadBefore.map((x) => x.toFixed(1)).join(' ')} before and ${loadAfter.map((x) => x.toFixed(1)).join(' ')} after; reports in ${keepDir}.`,
  '',
  ...lines,
].join('\n');
console.log(summary);
await writeFile(path.join(keepDir, 'summary.md'), `${summary}\n`);
