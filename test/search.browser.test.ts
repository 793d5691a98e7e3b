// The search page in a real browser (playwright-core driving Debian's Chromium): the box on
// every page, the query in the URL, filters, sorting, the back button, Chinese queries of
// every kind, a site under a sub-path, and nothing fetched from another host.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, hasChromium } from './browser.ts';
import { build } from './build.ts';
import { type StaticServer, serveDirectory } from './serve.ts';
import { archiveSite, sampleSite, sharedBrowser } from './shared.ts';
import { archiveCorpus, makeSite, TEMPLATES_DIR } from './site.ts';

let browser: Browser;
let site: StaticServer;
let subPath: StaticServer;
let ranking: StaticServer;
let archive: StaticServer;
let archiveTexts: Map<string, string>;

async function buildInto(projectDir: string): Promise<string> {
  const outDir = path.join(await mkdtemp(path.join(tmpdir(), 'lldt-search-')), 'dist');
  const result = await build({ projectDir, templatesDir: TEMPLATES_DIR, outDir, write: true });
  expect(result.ok).toBe(true);
  return outDir;
}

beforeAll(async () => {
  expect(hasChromium(), `Chromium is missing at ${CHROMIUM}: apt-get install -y chromium fonts-noto-cjk`).toBe(true);
  const projectSite = await sampleSite();
  site = await serveDirectory(projectSite);
  subPath = await serveDirectory(projectSite, '/lldt/');
  ranking = await serveDirectory(await buildInto(await makeSite('search-ranking')));
  // The archive's index is in parts, merged in the browser: the last two years' and the older ones.
  archive = await serveDirectory(await archiveSite());
  archiveTexts = new Map((await archiveCorpus()).flatMap((issue) => issue.articles.map((a) => [a.anchor, a.text] as const)));
  browser = await sharedBrowser();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([site, subPath, ranking, archive].map((s) => s?.close()));
});

/** A fresh tab that records every request it makes. */
async function open(url: string): Promise<{ tab: Page; requests: string[] }> {
  const tab = await browser.newPage();
  const requests: string[] = [];
  tab.on('request', (request) => requests.push(request.url()));
  await tab.goto(url);
  return { tab, requests };
}

interface Hit {
  title: string;
  /** The article's address, without the words it asks its page to highlight. */
  href: string;
  /** The words the article's page is asked to highlight (?highlight=…). */
  highlight: string[];
  issue: string;
  excerpt: string;
}

/** The number of articles the status line says were found. */
const FOUND_IN_PAGE = () => Number(/(\d+) 篇/.exec(document.getElementById('search-status')?.textContent ?? '')?.[1] ?? 0);

/** Waits for a search's first hits, then scrolls to the list's end, as a reader does, until the first ten are shown. */
async function firstTen(tab: Page): Promise<void> {
  await tab.waitForSelector('#search-results[aria-busy="false"]', { state: 'attached' });
  await tab.locator('.search-more-wrap').scrollIntoViewIfNeeded();
  await tab.waitForFunction(`document.querySelectorAll('.search-hit').length >= Math.min(10, (${FOUND_IN_PAGE})())`);
}

/** The first ten hits of a search (or all, when fewer were found). */
async function hits(tab: Page): Promise<Hit[]> {
  await firstTen(tab);
  return tab.locator('.search-hit').evaluateAll((items) =>
    items.map((item) => {
      const link = new URL(item.querySelector('.search-hit-title a')?.getAttribute('href') ?? '', 'http://site.invalid');
      return {
        title: item.querySelector('.search-hit-title')?.textContent ?? '',
        href: `${link.pathname}${link.hash}`,
        highlight: link.searchParams.getAll('highlight'),
        issue: item.querySelector('.search-hit-issue')?.textContent ?? '',
        excerpt: item.querySelector('.search-hit-excerpt')?.innerHTML ?? '',
      };
    }),
  );
}

describe('search', () => {
  it('takes a query from the box on an issue page to the search page, and finds the bridge in 2019 第9期 first', async () => {
    const { tab, requests } = await open(`${site.url}2019/09/`);
    await tab.fill('#site-search', '危桥');
    await tab.press('#site-search', 'Enter');
    await tab.waitForURL(/\/search\/\?q=%E5%8D%B1%E6%A1%A5/);
    const [first] = await hits(tab);
    expect(first!.title).toBe('关于全省市县乡人大代表中的党政领导干部参加代表小组活动、走进代表联系群众工作平台情况的调研报告');
    expect(first!.href).toBe('/2019/09/#article-1');
    expect(first!.issue).toBe('第9期 · 总第583期 · 2019年4月29日');
    expect(first!.excerpt).toContain('重建<mark>危桥</mark>');
    expect(first!.highlight).toEqual(['危桥']);
    expect(await tab.locator('.search-hit-section').first().getAttribute('href')).toBe('/2019/09/?highlight=%E5%8D%B1%E6%A1%A5#article-1-s2');
    expect(requests.filter((url) => !url.startsWith(site.url) && !url.startsWith('data:'))).toEqual([]);
    await tab.close();
  });

  it.each([
    ['桥', '/2019/09/#article-1'],
    ['联系群众', '/2019/09/#article-1'],
    ['2019年', '/2019/09/#article-2'],
    ['0731', '/2019/10/#article-1'],
    ['郴州市基层人大民生实事项目', '/2019/09/#article-2'],
  ])('finds %s', async (query, expected) => {
    const { tab } = await open(`${site.url}search/?q=${encodeURIComponent(query)}`);
    const found = await hits(tab);
    expect(found.map((hit) => hit.href)).toContain(expected);
    await tab.close();
  });

  it('says so in Chinese when nothing is found', async () => {
    const { tab } = await open(`${site.url}search/?q=${encodeURIComponent('量子计算机')}`);
    expect(await hits(tab)).toEqual([]);
    expect(await tab.locator('#search-status').textContent()).toContain('没有找到含“量子计算机”的文章');
    await tab.close();
  });

  it('finds nothing for a query sharing only one character with the archive, and says so', async () => {
    const { tab } = await open(`${site.url}search/?q=${encodeURIComponent('情')}`);
    expect((await hits(tab)).length).toBeGreaterThan(0);
    await tab.goto(`${site.url}search/?q=${encodeURIComponent('疫情防控')}`);
    expect(await hits(tab)).toEqual([]);
    expect(await tab.locator('#search-status').textContent()).toContain('没有找到含“疫情防控”的文章。可以少输几个字');
    await tab.close();
  });

  it('sets snippets as the page is set: full-width punctuation, …… where cut, headings apart, words marked whole', async () => {
    const { tab } = await open(`${site.url}search/?q=${encodeURIComponent('危桥')}`);
    const [first] = await hits(tab);
    const text = first!.excerpt.replace(/<[^>]+>/g, '');
    expect(text).toMatch(/^……[^…]+……$|^……[^…]+。$/);
    expect(text).toContain('\uFF0C');
    expect(text).not.toMatch(/[,.;:()]/);
    await tab.goto(`${site.url}search/?q=${encodeURIComponent('督办清单')}`);
    expect((await hits(tab))[0]!.excerpt).toContain('\uFF081\uFF09建立重点建议<mark>督办清单</mark>');
    // A section's heading, then its text: an ideographic space between, not Pagefind's ". ".
    await tab.goto(`${site.url}search/?q=${encodeURIComponent('率先垂范')}`);
    expect((await hits(tab))[0]!.excerpt).toMatch(/^一、基本情况\u3000\uFF08一\uFF09主要领导<mark>率先垂范<\/mark>\u3002/);
    // Hits holding only part of the query: runs of two characters or more marked, never one.
    await tab.goto(`${site.url}search/?q=${encodeURIComponent('代表小组')}`);
    const found = await hits(tab);
    const marked = found.flatMap((hit) => [...hit.excerpt.matchAll(/<mark>([^<]*)<\/mark>/g)].map((m) => m[1]!));
    expect(marked).toContain('代表小组');
    expect(marked).toContain('代表');
    expect(marked.every((run) => run.length >= 2 && '代表小组'.includes(run))).toBe(true);
    await tab.close();
  });

  it("keeps an issue's own order when sorted by date: the report above its 快讯", async () => {
    const { tab } = await open(`${site.url}search/?q=${encodeURIComponent('郴州')}&sort=date`);
    const found = (await hits(tab)).map((hit) => hit.href);
    expect(found.indexOf('/2019/09/#article-1')).toBeGreaterThanOrEqual(0);
    expect(found.indexOf('/2019/09/#article-1')).toBeLessThan(found.indexOf('/2019/09/#article-2'));
    await tab.close();
  });

  it('does not shift the page as the results arrive (cumulative layout shift at most 0.02)', async () => {
    for (const width of [390, 1280]) {
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      // Every layout shift not caused by the reader, as Chromium reports it for CLS.
      await context.addInitScript(() => {
        (window as unknown as { shift: number }).shift = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
            if (!entry.hadRecentInput) (window as unknown as { shift: number }).shift += entry.value;
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      const tab = await context.newPage();
      await tab.goto(`${site.url}search/?q=${encodeURIComponent('代表小组')}`);
      await tab.waitForSelector('#search-results[aria-busy="false"]', { state: 'attached' });
      expect(await tab.locator('.search-hit').count()).toBeGreaterThan(3);
      await tab.waitForTimeout(300); // shifts are reported after the frame that made them
      const shift = await tab.evaluate(() => (window as unknown as { shift: number }).shift);
      expect(shift, `${width} px`).toBeLessThanOrEqual(0.02);
      await context.close();
    }
  });

  it("highlights the words found on the article's page", async () => {
    const { tab } = await open(`${site.url}search/?q=${encodeURIComponent('危桥')}`);
    await hits(tab);
    await tab.click('.search-hit-title a >> nth=0');
    await tab.waitForURL(/\/2019\/09\/\?highlight=/);
    await tab.waitForSelector('mark.search-highlight');
    const marks = await tab
      .locator('mark.search-highlight')
      .evaluateAll((nodes) =>
        nodes.map((node) => ({ text: node.textContent, article: node.closest('.article')?.id, background: getComputedStyle(node).backgroundColor })),
      );
    expect(marks.length).toBeGreaterThanOrEqual(2);
    expect(marks.every((mark) => mark.text === '危桥' && mark.article === 'article-1')).toBe(true);
    expect(marks[0]!.background).toBe('rgb(253, 233, 168)');
    await tab.close();
  });

  it('filters by 栏目 and 年份, sorts by date, keeps it all in the URL, and goes back', async () => {
    const { tab } = await open(`${site.url}search/?q=${encodeURIComponent('人大')}`);
    const all = await hits(tab);
    expect(all.length).toBeGreaterThan(3);

    await tab.selectOption('#search-column', '快讯');
    await tab.waitForURL(/column=%E5%BF%AB%E8%AE%AF/);
    const flashes = await hits(tab);
    expect(flashes.length).toBeGreaterThan(0);
    expect(flashes.every((hit) => hit.title.startsWith('快讯'))).toBe(true);

    await tab.selectOption('#search-year', '2018');
    await tab.waitForURL(/year=2018/);
    expect((await hits(tab)).every((hit) => hit.href.startsWith('/2018/'))).toBe(true);

    await tab.goBack();
    await tab.waitForURL((url) => !url.search.includes('year='));
    expect(await tab.inputValue('#search-year')).toBe('');
    expect((await hits(tab)).length).toBe(flashes.length);

    await tab.goto(`${site.url}search/?q=${encodeURIComponent('人大')}&sort=date`);
    const dated = (await hits(tab)).map((hit) => hit.issue.split(' · ')[2]!);
    const asDates = dated.map((d) => d.replace(/(\d+)年(\d+)月(\d+)日/, (_, y, m, day) => `${y}-${m.padStart(2, '0')}-${day.padStart(2, '0')}`));
    expect(asDates).toEqual([...asDates].sort().reverse());
    expect(await tab.inputValue('#search-sort')).toBe('date');
    await tab.close();
  });

  it('ranks the article holding the exact phrase above those holding only its characters', async () => {
    const { tab } = await open(`${ranking.url}search/?q=${encodeURIComponent('韶山灌区')}`);
    const found = await hits(tab);
    expect(found.length).toBeGreaterThan(1);
    expect(found[0]!.href).toBe('/2019/02/#article-1');
    expect(await tab.locator('.search-divider').textContent()).toContain('不含完整的“韶山灌区”');
    await tab.close();
  });

  it('searches an index made in parts as one: every article holding the phrase first, whichever part holds it', async () => {
    for (const query of ['联系群众', '危桥']) {
      const truth = [...archiveTexts].filter(([, text]) => text.includes(query)).map(([url]) => url);
      const _parts = new Set(truth.map((url) => Math.floor((Number(/^\/\d+\/(\d+)\//.exec(url)![1]) - 1) / 100)));
      const { tab } = await open(`${archive.url}search/?q=${encodeURIComponent(query)}`);
      await hits(tab);
      // Show more hits until there are more than the articles holding the phrase.
      for (let shown = await tab.locator('.search-hit').count(); shown <= truth.length && (await tab.locator('#search-more').isVisible()); ) {
        await tab.click('#search-more');
        await tab.waitForFunction((n) => document.querySelectorAll('.search-hit').length > n, shown);
        shown = await tab.locator('.search-hit').count();
      }
      const found = (await hits(tab)).map((hit) => hit.href);
      expect(new Set(found.slice(0, truth.length))).toEqual(new Set(truth));
      expect(truth.length).toBeGreaterThan(1);
      await tab.close();
    }
  });

  it('shows the last two years first for the commonest words, fetching no older part, and every year when asked', async () => {
    const query = '代表小组';
    const truth = [...archiveTexts].filter(([, text]) => text.includes(query)).map(([url]) => url);
    // Counted on the server: Pagefind's worker fetches the index itself.
    const start = archive.requests.length;
    const { tab } = await open(`${archive.url}search/?q=${encodeURIComponent(query)}`);
    const recent = await hits(tab);
    const status = await tab.locator('#search-status').textContent();
    const [, from, to] = /^(\d{4})–(\d{4})年的期刊中找到/.exec(status ?? '') ?? [];
    expect(status).toMatch(/搜索全部年份（约 \d+ KB）$/);
    expect(Number(to) - Number(from)).toBe(1);
    const year = (href: string) => Number(href.slice(1, 5));
    expect(recent.length).toBe(10);
    expect(recent.every((hit) => year(hit.href) >= Number(from) && truth.includes(hit.href))).toBe(true);
    // Only the recent parts' chunks were fetched: the bundle's own (the latest year) and the year
    // before's. (Every part's metadata may follow, fetched while the reader reads.)
    const parts = (list: string[]) => new Set(list.filter((url) => url.endsWith('.pf_index')).map((url) => /pagefind\/(part-\d+\/)?/.exec(url)![0]));
    const recentParts = parts(archive.requests.slice(start));
    expect(recentParts.size).toBe(2);
    // Under the first ten hits, a button asks for every year too.
    await tab.locator('#search-wider').waitFor({ state: 'visible' });
    // Every year, from the link: the address says so, and the articles of older years holding the phrase come too.
    const before = archive.requests.length;
    await tab.locator('#search-status a.search-wide').click();
    await tab.waitForURL(/range=all/);
    // The link is gone with the search it started: the status line has the focus, not the page.
    expect(await tab.evaluate(() => document.activeElement?.id)).toBe('search-status');
    await tab.waitForFunction(
      () => !document.querySelector('#search-status a.search-wide') && document.getElementById('search-results')?.getAttribute('aria-busy') === 'false',
    );
    expect(await tab.evaluate(FOUND_IN_PAGE)).toBeGreaterThanOrEqual(truth.length);
    expect(await tab.locator('#search-status').textContent()).toContain(`前 ${truth.length} 篇含完整的“${query}”`);
    // The older parts' chunks too.
    const olderParts = [...parts(archive.requests.slice(before))].filter((part) => !recentParts.has(part));
    expect(olderParts.length).toBeGreaterThan(0);
    // Sorted by date, the same words still search every year.
    await tab.selectOption('#search-sort', 'date');
    await tab.waitForURL(/sort=date/);
    expect(tab.url()).toContain('range=all');
    // Back, twice: the last two years again.
    await tab.goBack();
    await tab.goBack();
    await tab.locator('#search-status a.search-wide').waitFor();
    await tab.close();
  });

  it('fetches the text of the first five hits only, and the rest of the first ten as the reader scrolls to them', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 700 } });
    const tab = await context.newPage();
    const fragments: string[] = [];
    tab.on('request', (request) => {
      if (request.url().endsWith('.pf_fragment')) fragments.push(request.url());
    });
    await tab.goto(`${archive.url}search/?q=${encodeURIComponent('联系群众')}`);
    await tab.waitForSelector('#search-results[aria-busy="false"]', { state: 'attached' });
    expect(await tab.evaluate(FOUND_IN_PAGE)).toBeGreaterThan(10);
    expect(await tab.locator('.search-hit').count()).toBe(5);
    expect(fragments.length).toBe(5);
    expect(await tab.locator('#search-more').isVisible()).toBe(false);
    const firstFive = await tab.locator('.search-hit-title a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    await firstTen(tab);
    expect(await tab.locator('.search-hit').count()).toBe(10);
    expect(new Set(fragments).size).toBe(10);
    // The same first five, then five more, none twice; then the button for the next ten.
    const ten = await tab.locator('.search-hit-title a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(ten.slice(0, 5)).toEqual(firstFive);
    expect(new Set(ten).size).toBe(10);
    await tab.locator('#search-more').waitFor({ state: 'visible' });
    await tab.click('#search-more');
    await tab.waitForFunction(() => document.querySelectorAll('.search-hit').length === 20);
    await context.close();
  });

  it('sorts by date across the parts of the index', async () => {
    const { tab } = await open(`${archive.url}search/?q=${encodeURIComponent('联系群众')}&sort=date`);
    const dates = (await hits(tab)).map((hit) =>
      hit.issue.split(' · ')[2]!.replace(/(\d+)年(\d+)月(\d+)日/, (_, y, m, d) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`),
    );
    expect(dates.length).toBe(10);
    expect(dates).toEqual([...dates].sort().reverse());
    await tab.close();
  });

  it('works under a sub-path', async () => {
    const { tab, requests } = await open(`${subPath.url}2019/09/`);
    await tab.fill('#site-search', '危桥');
    await tab.press('#site-search', 'Enter');
    await tab.waitForURL(/\/lldt\/search\/\?q=/);
    const [first] = await hits(tab);
    expect(first!.href).toBe('/lldt/2019/09/#article-1');
    await tab.click('.search-hit-title a');
    await tab.waitForURL(/\/lldt\/2019\/09\/\?highlight=[^#]+#article-1$/);
    expect(requests.every((url) => url.startsWith(subPath.url) || url.startsWith('data:'))).toBe(true);
    await tab.close();
  });

  it('shows its 404 page, styled and with working links, at any address under the sub-path', async () => {
    const { tab } = await open(`${subPath.url}2030/99/`);
    expect(await tab.locator('h1').textContent()).toBe('找不到这个页面');
    const header = await tab.locator('.site-header').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(header).toBe('rgb(192, 0, 0)');
    await tab.click('.not-found a >> nth=0');
    await tab.waitForURL(subPath.url);
    expect(await tab.locator('.latest-title').textContent()).toBe('联络动态');
    await tab.close();
  });
});
