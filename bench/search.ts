// Search at archive scale: builds a generated corpus of 1000 issues, then measures index time,
// bundle size, bytes downloaded by a reader's first search and by the later ones of the same
// visit (search-downloads.ts), and the precision of phrase queries in Debian's Chromium, before
// (Pagefind as it is) and after (phrase-first, search-core.js).
// Usage: npm run bench:search [-- --issues 1000]
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { indexSearch } from '../src/search/index-search.ts';
import { launchBrowser } from '../test/browser.ts';
import { build } from '../test/build.ts';
import { serveDirectory } from '../test/serve.ts';
import { generateCorpus, PLANTED, writeCorpus } from './corpus.ts';
import { DOWNLOAD_QUERIES, searchDownloads } from './search-downloads.ts';

const { values } = parseArgs({ options: { issues: { type: 'string', default: '1000' } } });
const count = Number(values.issues);
const QUERIES = [...PLANTED.map((p) => p.phrase), '代表小组', '党政领导干部', '人大代表'];

const work = await mkdtemp(path.join(tmpdir(), 'lldt-bench-search-'));
const corpus = await generateCorpus(count);
await writeCorpus(work, corpus);
const textOf = new Map(corpus.flatMap((issue) => issue.articles.map((a) => [a.anchor, a.text] as const)));

const templatesDir = path.resolve(import.meta.dirname, '..', 'templates');
const checked = await build({ projectDir: work, templatesDir, write: false });
if (!checked.ok) throw new Error('the generated corpus does not build');
const articles = checked.issues.reduce((n, issue) => n + issue.articles.length, 0);
const indexStart = performance.now();
const bundle = await indexSearch(checked.issues);
const indexSeconds = (performance.now() - indexStart) / 1000;
const bundleBytes = [...bundle.values()].reduce((n, content) => n + content.length, 0);
const buildStart = performance.now();
await build({ projectDir: work, templatesDir, outDir: path.join(work, 'dist'), write: true });
const buildSeconds = (performance.now() - buildStart) / 1000;
// The baseline: Pagefind with its own segmentation and ranking, beside the real index.
const baseline = await indexSearch(checked.issues, { hanAsWords: false });
for (const [file, content] of baseline) {
  const target = path.join(work, 'dist', file.replace(/^pagefind\//, 'pagefind-baseline/'));
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, content);
}

const server = await serveDirectory(path.join(work, 'dist'));
const browser = await launchBrowser();

const tab = await browser.newPage();
await tab.goto(`${server.url}search/`);

interface Ranking {
  before: string[];
  after: string[];
  /** The first ten hits the search page shows, and the years it searched when not every year. */
  first: string[];
  years: number[] | null;
  exactCount: number;
  total: number;
}

/**
 * The first hits' URLs, Pagefind as it is and phrase-first. The code runs in the page; it is
 * passed as text because tsx would add helpers to a function that the page does not have.
 */
const RANK_IN_PAGE = `async ([query, depth]) => {
  const core = await import('/assets/search-core.js');
  // Loaded once per page, as the search page does: merging the parts again would repeat them.
  window.ours ??= core.loadArchive(location.origin + '/', 'pagefind/');
  window.baseline ??= core.loadArchive(location.origin + '/', 'pagefind-baseline/', { ranking: {} });
  const archive = await window.ours;
  const { pagefind } = await archive.all();
  const { pagefind: baseline } = await (await window.baseline).all();
  const urls = (results) => Promise.all(results.slice(0, depth).map(async (r) => (await r.data()).url));
  const { exact, loose } = await core.phraseSearch(pagefind, query);
  const after = await urls([...exact, ...loose]);
  // What the reader is shown first: the last two years only, for the commonest words.
  const shown = await core.archiveSearch(archive, query);
  const first = await urls([...shown.exact, ...shown.loose].slice(0, 10));
  const plain = await baseline.search(query);
  const before = await urls(plain.results);
  return { before, after, first, years: shown.years ?? null, exactCount: exact.length, total: plain.results.length };
}`;

async function rank(query: string, depth: number): Promise<Ranking> {
  const fn = await tab.evaluateHandle(`(${RANK_IN_PAGE})`);
  return (await fn.evaluate((f: unknown, args) => (f as (a: unknown) => Promise<Ranking>)(args), [query, depth])) as Ranking;
}

const rows: string[] = [];
/** Share of the first ten hits that hold the phrase, of as many as could: min(10, articles with it). */
const precision = (urls: string[], truth: Set<string>) => urls.slice(0, 10).filter((u) => truth.has(u)).length / Math.max(1, Math.min(10, truth.size));
let sumBefore = 0;
let sumAfter = 0;
let sumFirst = 0;
let allAbove = true;
for (const query of QUERIES) {
  const truth = new Set([...textOf].filter(([, text]) => text.includes(query)).map(([url]) => url));
  const result = await rank(query, truth.size + 10);
  const before = precision(result.before, truth);
  const after = precision(result.after, truth);
  // The first page counts the hits holding the phrase among those it could show: the last two
  // years' articles holding it, when it shows only those.
  const shownYears = result.years;
  const year = (url: string) => Number(url.slice(1, 5));
  const couldShow = shownYears ? [...truth].filter((url) => shownYears.includes(year(url))) : [...truth];
  const first = precision(result.first, new Set(couldShow));
  const above = result.after.slice(0, truth.size).every((u) => truth.has(u)) && result.exactCount === truth.size;
  allAbove &&= above;
  sumBefore += before;
  sumAfter += after;
  sumFirst += first;
  rows.push(
    `| ${query} | ${query.length} | ${truth.size} | ${result.total} | ${before.toFixed(2)} | ${after.toFixed(2)} | ${first.toFixed(2)}${shownYears ? ` (${shownYears.join(', ')} only)` : ''} | ${above ? 'yes' : 'NO'} |`,
  );
}
await browser.close();
await server.close();
const downloads = await searchDownloads(path.join(work, 'dist'), DOWNLOAD_QUERIES);
await rm(work, { recursive: true, force: true });

const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
console.log(`Search benchmark: ${count} issues (${articles} articles), ${new Date().toISOString().slice(0, 10)}, Node ${process.version}`);
console.log(`- index time (Pagefind, all articles): ${indexSeconds.toFixed(1)} s; whole build with index: ${buildSeconds.toFixed(1)} s`);
console.log(`- bundle: ${(bundleBytes / 1024 / 1024).toFixed(1)} MB in ${bundle.size} files`);
for (const [i, d] of [downloads.first, ...downloads.later].entries()) {
  const which = i === 0 ? 'first search, from an empty cache' : 'later search, same visit';
  const kinds = Object.entries(d.byKind)
    .map(([kind, bytes]) => `${kind} ${kb(bytes)}`)
    .join(', ');
  console.log(`- ${which} (${d.query}): ${kb(d.search)} after the page loaded, ${kb(d.all)} in all (${kinds})`);
}
console.log('');
console.log(
  '| query | chars | articles with the phrase | results before | P@10 before | P@10 after, every year | P@10 of the page shown first | every exact article first |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const row of rows) console.log(row);
console.log(
  `| mean | | | | ${(sumBefore / QUERIES.length).toFixed(2)} | ${(sumAfter / QUERIES.length).toFixed(2)} | ${(sumFirst / QUERIES.length).toFixed(2)} | ${allAbove ? 'yes' : 'NO'} |`,
);
