// What a reader downloads to search: the first search of a visit, from an empty browser cache
// (the search page, its scripts, Pagefind's scripts, worker and WebAssembly, the index chunks and
// the fragments of the hits shown), then each later search of the same visit, typed into the
// search page's form. Counted on the server's side, as the bytes of the files it sent: Chromium
// does not report the size of Pagefind's worker script, which fetches the index itself. The
// static server of the tests compresses nothing (Pagefind's index files are compressed already;
// a host that compresses HTML, CSS and JavaScript sends less of those). It sends the validators
// every common host sends (ETag, Last-Modified), so a file fetched again in a visit is answered
// 304 without its bytes, unless asked not to (validators: false); within a visit, Pagefind keeps
// what it loaded in memory.
import type { Page } from 'playwright-core';
import { launchBrowser } from '../test/browser.ts';
import { type StaticServer, serveDirectory } from '../test/serve.ts';

/**
 * A visit's searches on the generated corpus (bench/corpus.ts): a planted phrase first, then
 * other planted phrases and common words, each with hits.
 */
export const DOWNLOAD_QUERIES = ['韶山灌区', '危桥', '代表小组', '选举任免', '人大代表履职', '湘潭', '乡村振兴'];

export interface Downloaded {
  query: string;
  /** Everything sent. */
  all: number;
  /**
   * What the search itself fetched, after the search page had loaded (the measure): all but
   * the page and the scripts it loads with it (Pagefind's scripts are fetched by the search).
   */
  search: number;
  /** Of which under pagefind/: the index, Pagefind's scripts and WebAssembly. */
  pagefind: number;
  requests: number;
  /** Bytes by kind of file: the page and its scripts, Pagefind's scripts and WebAssembly, metadata, index chunks, fragments, filters, other. */
  byKind: Record<string, number>;
}

/** The kind of a file a search fetches, for the breakdown. */
export function kindOf(pathname: string): string {
  if (/\.pf_meta$|pagefind-entry\.json$|parts\.json$/.test(pathname)) return 'metadata';
  if (pathname.endsWith('.pf_index')) return 'index chunks';
  if (pathname.endsWith('.pf_fragment')) return 'fragments';
  if (pathname.endsWith('.pf_filter')) return 'filters';
  if (/\/pagefind\/(pagefind[^/]*\.js|wasm\.)/.test(pathname)) return 'Pagefind scripts';
  if (pathname.endsWith('issues.json')) return 'citations';
  return PAGE_KIND;
}

const PAGE_KIND = 'page and its scripts';

/** Waits for the hits of a search, then until no request has come for quietMs (the fragments of the hits loaded). */
async function searched(tab: Page, server: StaticServer, quietMs = 1500): Promise<void> {
  await tab.waitForSelector('.search-hit:not(.bench-before)', { timeout: 60_000 });
  let seen = -1;
  while (seen !== server.requests.length) {
    seen = server.requests.length;
    await new Promise((resolve) => setTimeout(resolve, quietMs));
  }
}

/**
 * The first query opens the search page with it (as the search box of every page does), the
 * others are typed into its form one after another. siteDir: a built site (dist/).
 */
export async function searchDownloads(
  siteDir: string,
  [first, ...later]: string[],
  { validators = true }: { validators?: boolean } = {},
): Promise<{ first: Downloaded; later: Downloaded[] }> {
  if (!first) throw new Error('no query');
  const server = await serveDirectory(siteDir, '/', {}, { validators });
  const browser = await launchBrowser();
  let counted = 0;
  /** What was sent since the last call. */
  const take = async (query: string): Promise<Downloaded> => {
    const sent = server.sent.slice(counted);
    counted += sent.length;
    const sum = (list: typeof sent) => list.reduce((n, s) => n + s.bytes, 0);
    const byKind: Record<string, number> = {};
    for (const { path, bytes } of sent) byKind[kindOf(path)] = (byKind[kindOf(path)] ?? 0) + bytes;
    const search = sum(sent.filter((s) => kindOf(s.path) !== PAGE_KIND));
    return { query, all: sum(sent), search, pagefind: sum(sent.filter((s) => s.path.startsWith('/pagefind/'))), requests: sent.length, byKind };
  };
  try {
    const tab = await browser.newPage();
    await tab.goto(`${server.url}search/?q=${encodeURIComponent(first)}`);
    await searched(tab, server);
    const firstSearch = await take(first);
    const laterSearches: Downloaded[] = [];
    for (const query of later) {
      // The hits of the search before are marked, so that those of this one are waited for.
      await tab.evaluate(() => document.querySelectorAll('.search-hit').forEach((hit) => hit.classList.add('bench-before')));
      await tab.fill('#search-form input[name="q"]', query);
      await tab.press('#search-form input[name="q"]', 'Enter');
      await searched(tab, server);
      laterSearches.push(await take(query));
    }
    return { first: firstSearch, later: laterSearches };
  } finally {
    await browser.close();
    await server.close();
  }
}
