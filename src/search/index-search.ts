// Stage 7: the search index. Each article is indexed on its own, as a small document made
// for the indexer (the page's chrome, masthead and 版记 never reach the index), and its hit
// links to the article's anchor in its issue page. Filters (年份, 栏目), the date to sort by
// and the issue line shown with a hit travel in <meta> tags, which stay out of excerpts.
//
// The body is the article's as the indexer reads it (search/indexed-html.ts: Han characters apart,
// every block ended by a space), made from its HTML. Titles carry a
// zero-width space where they may break between words (src/text/word-breaks.ts), for the page to
// mark with <wbr>.
import { type Cache, hashOf, hashOfContent, hashOfValue, knownHash } from '../cache/cache.ts';
import type { Namespace } from '../cache/namespaces.ts';
import { mapLimited } from '../concurrency.ts';
import { CATALOGUE } from '../messages/catalogue.ts';
import { Failure } from '../messages/failure.ts';
import { searchPartName } from '../messages/parts.ts';
import type { Article, Issue } from '../model/issue.ts';
import { SEARCH_BUNDLE, type SiteOutput, WEIGHTS_FILE } from '../model/output.ts';
import { chineseDate } from '../text/chinese.ts';
import { escapeHtml } from '../text/html.ts';
import { zeroWidthBreaks } from '../text/word-breaks.ts';
import { runTask, startWorkers, WorkerCrashed, withWorkers } from '../workers/pool.ts';
import { workerCount } from '../workers/worker-count.ts';
import type { IndexJob } from './index-task.ts';
import { indexedHtml, separateHan, ZERO_WIDTH_SPACE } from './indexed-html.ts';
import type { Documents, IndexFiles } from './run-pagefind.ts';

/** The issue line shown with each hit: 第9期 · 总第583期 · 2019年4月29日 */
export function issueLine(issue: Issue): string {
  return `第${issue.number}期 · 总第${issue.total}期 · ${chineseDate(issue.date)}`;
}

/**
 * The sort key of "按日期": the issue's place in the archive (总期号 grows with the date, which the
 * build checks), then the article's place in its issue, so that sorted newest first, an issue's
 * report stays above its 快讯. Ten digits, so that Pagefind's sort by text sorts by number.
 */
export function issueOrder(issue: Issue, articleIndex: number): string {
  return String(issue.total * 1000 + (999 - articleIndex)).padStart(10, '0');
}

/**
 * The document the indexer reads for one article: its title and byline, and its body as made for
 * the indexer. hanAsWords false: the text as it is, for Pagefind's own segmentation (the
 * benchmark's baseline).
 */
export function articleDocument(issue: Issue, article: Article, hanAsWords = true): string {
  const meta = (attribute: string, name: string, value: string) => `<meta data-pagefind-${attribute}="${name}[content]" content="${escapeHtml(value)}">`;
  const text = (value: string) => (hanAsWords ? separateHan(escapeHtml(value)) : escapeHtml(value));
  return [
    '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">',
    `<title>${escapeHtml(article.label)}</title>`,
    meta('meta', 'title', zeroWidthBreaks(article.label)),
    meta('meta', 'issue', issueLine(issue)),
    meta('filter', 'year', String(issue.year)),
    meta('filter', 'column', article.column),
    meta('sort', 'order', issueOrder(issue, issue.articles.indexOf(article))),
    '</head>',
    '<body>',
    // A 快讯 has no title: its text opens with the column's name already.
    article.title ? `<h1>${text(article.title)} </h1>` : '',
    article.byline ? `<p>${text(article.byline)} </p>` : '',
    hanAsWords ? indexedHtml(article) : indexedHtml(article).replaceAll(ZERO_WIDTH_SPACE, ''),
    '</body>',
    '</html>',
  ].join('\n');
}

/** The URL of an article inside the site, from the site root: /2019/09/#article-1 */
export function articleUrl(issue: Issue, article: Article): string {
  return `/${issue.path}#${article.id}`;
}

/**
 * The index is made in parts, merged in the reader's browser: the issues of the latest year in a
 * part of their own, so that an edit to the newest issue re-indexes a year of issues only; the
 * issues of the year before in a part of their own too, so that a search of the commonest words can
 * look at the last two years alone (search-core.js, loadArchive); and the years before those in parts
 * of PART_SIZE issues by 总期号 (总第1–250期 is part 0, 251–500 part 1, …). A change to one issue
 * re-indexes its part only; the other parts come from the cache. When a new year begins, the year
 * before the last joins the older parts (one of them is indexed again, once, or two when the year
 * straddles 250 issues), and the last year's part is kept as it was.
 * A reader's search loads each part's metadata and, for each character, a chunk of each part:
 * parts of 250 rather than 100 halve what a first search of uncommon words downloads (at 1000
 * issues, 364 → 321 KB for 选举任免), at the cost of an edit to an old issue (3.0 → 4.7 s).
 * Parts are numbered in the order of 总期号, the latest year's last.
 */
export const PART_SIZE = 250;

/** The part of each issue; issues: published, oldest first. */
export function partsOf(issues: readonly Issue[]): Map<number, Issue[]> {
  const latest = issues.at(-1);
  const current = latest ? Math.floor((latest.total - 1) / PART_SIZE) + 1 : 0;
  // Oldest first: the last issue not of the latest year is of the year before (the last year with issues).
  let yearBefore: number | undefined;
  for (const issue of issues) if (issue.year !== latest?.year) yearBefore = issue.year;
  const parts = new Map<number, Issue[]>();
  for (const issue of issues) {
    const part = issue.year === latest?.year ? current + 1 : issue.year === yearBefore ? current : Math.floor((issue.total - 1) / PART_SIZE);
    parts.set(part, [...(parts.get(part) ?? []), issue]);
  }
  return parts;
}

/** Whether a part holds a year's issues (the latest year's or the year before's) rather than a range of 总期号. */
function isYearPart(part: number, issues: readonly Issue[]): boolean {
  return Math.floor((issues[0]!.total - 1) / PART_SIZE) !== part;
}

/** A part as messages name it: 总第501–750期, or 2019年各期 for a year's. */
function partName(part: number, issues: readonly Issue[]): string {
  return isYearPart(part, issues) ? searchPartName({ year: issues[0]!.year }) : searchPartName({ first: part * PART_SIZE + 1, last: (part + 1) * PART_SIZE });
}

/**
 * The latest part is the bundle the page loads (pagefind/), with Pagefind's scripts; the others are
 * merged into it.
 */
export function partFolder(part: number, primary: number): string {
  return part === primary ? `${SEARCH_BUNDLE}/` : `${SEARCH_BUNDLE}/part-${part}/`;
}

/** Pagefind's scripts and WebAssembly: the latest part's serve all; the merged parts hold only index data. */
const SCRIPTS = /^(pagefind[^/]*\.js|wasm\..*)$/;

/**
 * The search page's list of the index: pagefind/parts.json, { parts, common, otherWord }. parts lists
 * them oldest first: [{ part: 0, path: "part-0/", years: [2001, 2011], articles: 500 }, …, { part:
 * 6, path: "", years: [2026, 2026], articles: 32, recent: true }]; a part holds its articles and
 * the years of their issues; recent marks the latest year's part and the year before's. common
 * and otherWord: see commonWords.
 */
export interface ListedPart {
  part: number;
  path: string;
  years: [number, number];
  articles: number;
  recent?: true;
}

export const PARTS_FILE = `${SEARCH_BUNDLE}/parts.json`;

const SEARCH_NAMESPACE: Namespace = 'search';

/** The articles of a part's issues, how many. */
const articlesIn = (issues: readonly Issue[]): number => issues.reduce((sum, issue) => sum + issue.articles.length, 0);

/** What parts.json says of each part. */
export function listing(parts: ReadonlyMap<number, readonly Issue[]>): ListedPart[] {
  const numbers = [...parts.keys()].sort((a, b) => a - b);
  const primary = numbers.at(-1) ?? 0;
  return numbers.map((part) => {
    const issues = parts.get(part)!;
    return {
      part,
      path: partFolder(part, primary).slice(SEARCH_BUNDLE.length + 1),
      years: [issues[0]!.year, issues.at(-1)!.year],
      articles: articlesIn(issues),
      ...(isYearPart(part, issues) ? { recent: true as const } : {}),
    };
  });
}

/**
 * The words whose chunks in all the parts weigh at least COMMON_WORD_BYTES together, with that
 * weight in KB: { "代": 82, "表": 76, … }. The search page foresees from them what searching every
 * year would download (search-core.js, archiveSearch).
 */
export function commonWords(parts: Iterable<IndexFiles>): Record<string, number> {
  const total = new Map<string, number>();
  for (const files of parts) {
    const weights = files.find(([file]) => file === WEIGHTS_FILE)?.[1];
    if (!weights) continue;
    for (const [word, bytes] of Object.entries(JSON.parse(Buffer.from(weights).toString('utf8')) as Record<string, number>)) {
      total.set(word, (total.get(word) ?? 0) + bytes);
    }
  }
  const common: Record<string, number> = Object.create(null);
  for (const [word, bytes] of [...total].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (bytes >= COMMON_WORD_BYTES) common[word] = Math.round(bytes / 1024);
  }
  return common;
}

/** The weight from which a word is listed as common: below it, a word costs a search little. */
export const COMMON_WORD_BYTES = 8 * 1024;

/** What the search page foresees a word not listed as common weighs, in KB: half the most it may. */
const OTHER_WORD_KB = COMMON_WORD_BYTES / 2 / 1024;

/** Files as one buffer: a line of JSON naming each file, its length and its hash, then their bytes. */
function pack(files: IndexFiles): Buffer {
  const header = Buffer.from(`${JSON.stringify(files.map(([file, content]) => [file, content.length, hashOfContent(content)]))}\n`);
  return Buffer.concat([header, ...files.map(([, content]) => content)]);
}

/** The files of a packed part, or undefined when the bytes are not such a part, whole. */
export function unpack(packed: Buffer): IndexFiles | undefined {
  const end = packed.indexOf(0x0a);
  if (end < 0) return undefined;
  let listed: unknown;
  try {
    listed = JSON.parse(packed.subarray(0, end).toString('utf8'));
  } catch {
    return undefined;
  }
  const isListing = (v: unknown): v is [string, number, string][] =>
    Array.isArray(v) &&
    v.length > 0 &&
    v.every((e) => Array.isArray(e) && typeof e[0] === 'string' && Number.isSafeInteger(e[1]) && e[1] > 0 && typeof e[2] === 'string');
  if (!isListing(listed) || listed.reduce((sum, [, length]) => sum + length, end + 1) !== packed.length) return undefined;
  let offset = end + 1;
  // The entry is whole (its checksum), so each file's hash is the one pack() made of these bytes.
  return listed.map(([file, length, hash]) => {
    const content = packed.subarray(offset, offset + length);
    offset += length;
    knownHash(content, hash);
    return [file, content];
  });
}

/** Made between yields to the event loop: a part's documents take the main thread about 1 ms an issue. */
const ISSUES_BETWEEN_YIELDS = 10;

/**
 * The documents of a part's issues: each article of each. In the background (the dev server), the
 * event loop is let go every few issues, so that a save is not kept waiting while a part is indexed;
 * in a build, the part goes to its thread first.
 */
async function documentsOf(issues: Issue[], hanAsWords: boolean, background: boolean): Promise<Documents> {
  const documents: Documents = [];
  for (const [i, issue] of issues.entries()) {
    if (background && i > 0 && i % ISSUES_BETWEEN_YIELDS === 0) await new Promise((resolve) => setImmediate(resolve));
    for (const article of issue.articles) documents.push({ url: articleUrl(issue, article), content: articleDocument(issue, article, hanAsWords) });
  }
  return documents;
}

/**
 * One part indexed in the worker pool's search lane (search/index-task.ts); background: in the
 * threads that give way to the main thread. A thread that dies fails its part as Pagefind's crash.
 */
async function indexInWorkers(work: string, documents: Documents, background: boolean): Promise<IndexFiles> {
  try {
    return await runTask<IndexJob, IndexFiles>('search', { work, documents }, { background });
  } catch (error) {
    throw error instanceof WorkerCrashed ? Failure.of(CATALOGUE.pagefindCrashed, { work }, error) : error;
  }
}

/** How a part is indexed (SearchIndexing), and what to tell once it is sent to its thread or found. */
interface PartIndexing {
  hanAsWords: boolean;
  background: boolean;
  cache?: Cache;
  toolVersion: string;
  underWay?: () => void;
}

/** The key of a part: its issues (each hashed as made: cheap) and how it is indexed. */
const partKey = (issues: readonly Issue[], { toolVersion, hanAsWords }: PartIndexing): string =>
  hashOf(toolVersion, String(hanAsWords), ...issues.map(hashOfValue));

/** Whether a part is made already, in this process or in the cache (unverified: reading it may still miss). */
async function isMade(key: string, cache: Cache | undefined): Promise<boolean> {
  return lastParts.has(key) || ((await cache?.has(SEARCH_NAMESPACE, key)) ?? false);
}

/**
 * A part's index files, from the cache when its issues and the tool are as they were (its
 * documents are made of nothing else: they are made only when the part is indexed).
 */
async function indexPart(part: number, issues: Issue[], key: string, how: PartIndexing): Promise<IndexFiles> {
  const { hanAsWords, background, cache } = how;
  const kept = lastParts.get(key);
  if (kept) {
    // Made in this process, perhaps for another project's cache: stored here too.
    if (cache && !(await cache.has(SEARCH_NAMESPACE, key))) await cache.write(SEARCH_NAMESPACE, key, pack(kept));
    how.underWay?.();
    return kept;
  }
  const cached = await cache?.read(SEARCH_NAMESPACE, key);
  const files = cached && unpack(cached);
  if (files) {
    how.underWay?.();
    return files;
  }
  const indexing = indexInWorkers(partName(part, issues), await documentsOf(issues, hanAsWords, background), background);
  how.underWay?.();
  const fresh = await indexing;
  await cache?.write(SEARCH_NAMESPACE, key, pack(fresh));
  return fresh;
}

/**
 * The parts of the last index made in this process, by key: the dev server indexes again after
 * each save, and takes the parts unchanged from here rather than read and check them in the cache.
 * The site it serves holds these same files.
 */
let lastParts = new Map<string, IndexFiles>();

export interface SearchIndexing {
  /** false indexes with Pagefind's own segmentation, for the benchmark's baseline. */
  hanAsWords?: boolean;
  cache?: Cache;
  /** The tool's version (currentToolVersion()), part of every cache key. */
  toolVersion?: string;
  /**
   * Takes each file as soon as its part is made, so that the index is never held whole; without
   * it, the files are returned together.
   */
  put?: (file: string, content: string | Uint8Array) => Promise<void>;
  /** Stops the index early (the build failed elsewhere): the parts under way are finished, no other is begun. */
  signal?: AbortSignal;
  /** Made in the background, giving way to the main thread (the dev server's index). */
  background?: boolean;
  /**
   * Told once the first part to index is sent to its thread (or, with none to index, the first
   * part found made): a caller with other work for the main thread (the pages) starts it then, not before.
   */
  underWay?: () => void;
}

/**
 * Parts looked up or indexed at once: enough to keep the pool's workers busy, few enough that
 * only these parts' documents are held in memory.
 */
const PARTS_AT_ONCE = 4;

/**
 * The order parts are looked at: those to index first, the largest first, so that the two threads
 * end together and the files published after the last part is made are few (at 1000 issues, a cold
 * build indexed the two years' small parts first and 250 issues last, on one thread while the other
 * had ended: 0.2–0.6 s); then those made already, newest first. An edit indexes one part: it goes
 * to its thread first, and the parts found made are published while it is indexed.
 */
export function indexingOrder(parts: readonly { part: number; articles: number; made: boolean }[]): number[] {
  const toIndex = parts.filter((p) => !p.made).sort((a, b) => b.articles - a.articles || b.part - a.part);
  const made = parts.filter((p) => p.made).sort((a, b) => b.part - a.part);
  return [...toIndex, ...made].map((p) => p.part);
}

/** Indexes every article of the published issues into Pagefind's files, to add to the site: given to put, or returned. */
export async function indexSearch(
  issues: Issue[],
  { hanAsWords = true, cache, toolVersion = '', put, signal, background = false, underWay }: SearchIndexing = {},
): Promise<SiteOutput> {
  const output: SiteOutput = new Map();
  const emit = put ?? (async (file: string, content: string | Uint8Array) => void output.set(file, content));
  const parts = partsOf(issues);
  const numbers = [...parts.keys()].sort((a, b) => a - b);
  const primary = numbers.at(-1) ?? 0;
  // The search lane's threads end with the index, and their Pagefind processes with them.
  return withWorkers('search', { background }, async () => {
    const how = { hanAsWords, background, cache, toolVersion };
    const keys = new Map(numbers.map((n) => [n, partKey(parts.get(n)!, how)]));
    const made = await Promise.all(numbers.map((n) => isMade(keys.get(n)!, cache)));
    // The lane's first thread starts while this thread makes the first part's documents; the
    // others, up to one a part, once it is busy with it (an idle thread would be given their start).
    const toIndex = made.filter((found) => !found).length;
    if (toIndex > 0) startWorkers('search', { background });
    const order = indexingOrder(numbers.map((n, i) => ({ part: n, articles: articlesIn(parts.get(n)!), made: made[i]! })));
    // The others are begun once the first is under way: its documents go to its thread first.
    let firstUnderWay: () => void = () => undefined;
    const firstSent = new Promise<void>((resolve) => {
      let told = false;
      firstUnderWay = () => {
        if (told) return;
        told = true;
        if (toIndex > 1) startWorkers('search', { background }, Math.min(toIndex, workerCount()));
        resolve();
        underWay?.();
      };
    });
    if (order.length === 0) firstUnderWay();
    const files = new Map<string, IndexFiles>();
    await mapLimited(
      order,
      PARTS_AT_ONCE,
      async (n) => {
        const first = n === order[0];
        if (!first) await firstSent;
        const key = keys.get(n)!;
        const found = await indexPart(n, parts.get(n)!, key, { ...how, underWay: first ? firstUnderWay : undefined }).catch((error: unknown) => {
          if (first) firstUnderWay();
          throw error;
        });
        files.set(key, found);
        for (const [file, content] of found) {
          if (file !== WEIGHTS_FILE && (n === primary || !SCRIPTS.test(file))) await emit(`${partFolder(n, primary)}${file}`, content);
        }
      },
      signal,
    );
    lastParts = files;
    await cache?.prune(SEARCH_NAMESPACE, new Set(keys.values()));
    await emit(PARTS_FILE, JSON.stringify({ parts: listing(parts), common: commonWords(files.values()), otherWord: OTHER_WORD_KB }));
    return output;
  });
}
