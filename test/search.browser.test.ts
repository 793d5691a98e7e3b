// The search page in a real browser (playwright-core driving Debian's Chromium): the box on
// every page, the query in the URL, filters, sorting, the back button, Chinese queries of
// every kind, a site under a sub-path, and nothing fetched from another host.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from './build.ts';
import { hasChromium, CHROMIUM } from './browser.ts';
import { serveDirectory, type StaticServer } from './serve.ts';
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
  // The archive's index is in three parts, merged in the browser.
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

async function hits(tab: Page): Promise<{ title: string; href: string; issue: string; excerpt: string }[]> {
  await tab.waitForSelector('#search-results[aria-busy="false"]', { state: 'attached' });
  return tab.locator('.search-hit').evaluateAll((items) =>
    items.map((item) => ({
      title: item.querySelector('.search-hit-title')?.textContent ?? '',
      href: item.querySelector('.search-hit-title a')?.getAttribute('href') ?? '',
      issue: item.querySelector('.search-hit-issue')?.textContent ?? '',
      excerpt: item.querySelector('.search-hit-excerpt')?.innerHTML ?? '',
    })),
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
    expect(first!.excerpt).toContain('重建<mark>危</mark><mark>桥</mark>');
    expect(await tab.locator('.search-hit-section').first().getAttribute('href')).toBe('/2019/09/#article-1-s2');
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
      const parts = new Set(truth.map((url) => Math.floor((Number(/^\/\d+\/(\d+)\//.exec(url)![1]) - 1) / 100)));
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

  it('sorts by date across the parts of the index', async () => {
    const { tab } = await open(`${archive.url}search/?q=${encodeURIComponent('联系群众')}&sort=date`);
    const dates = (await hits(tab)).map((hit) => hit.issue.split(' · ')[2]!.replace(/(\d+)年(\d+)月(\d+)日/, (_, y, m, d) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`));
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
    await tab.waitForURL(/\/lldt\/2019\/09\/#article-1$/);
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
