// Finding an issue the way readers cite it, and phrases written with punctuation, in Chromium on a
// small site whose 2019 第8期 talks about the 第9期 at length (so that a search of the text alone
// would put 第8期 first), with a 第9期 of 2018 beside.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from './build.ts';
import { type StaticServer, serveDirectory } from './serve.ts';
import { sharedBrowser } from './shared.ts';
import { makeSite, TEMPLATES_DIR } from './site.ts';

let browser: Browser;
let site: StaticServer;

beforeAll(async () => {
  const outDir = path.join(await mkdtemp(path.join(tmpdir(), 'lldt-citations-')), 'dist');
  const result = await build({ projectDir: await makeSite('search-citations'), templatesDir: TEMPLATES_DIR, outDir, write: true });
  expect(result.ok).toBe(true);
  site = await serveDirectory(outDir);
  browser = await sharedBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

interface Listed {
  /** The issues found by their citation, then the articles found by their words: each link's path. */
  issues: string[];
  articles: string[];
  status: string;
}

async function search(query: string): Promise<Listed> {
  const tab: Page = await browser.newPage();
  await tab.goto(`${site.url}search/?q=${encodeURIComponent(query)}`);
  await tab.waitForSelector('#search-results[aria-busy="false"]', { state: 'attached' });
  const paths = (selector: string) =>
    tab.locator(selector).evaluateAll((links) => links.map((link) => new URL(link.getAttribute('href') ?? '', 'http://site.invalid').pathname));
  const listed = {
    issues: await paths('.search-issue .search-hit-title a'),
    articles: await paths('.search-hit .search-hit-title a'),
    status: (await tab.locator('#search-status').textContent()) ?? '',
  };
  // The issues come first in the list.
  if (listed.issues.length > 0) expect(await tab.locator('#search-results > li').first().getAttribute('class')).toBe('search-issue');
  await tab.close();
  return listed;
}

describe('an issue found by its citation', () => {
  it.each([['2019年第9期'], ['２０１９年第９期'], ['总第583期'], ['总第五百八十三期'], ['2019年4月29日'], ['2019-04-29'], ['2019年第9期（总第583期）']])(
    '%s: 2019 第9期 first, and only it',
    async (query) => {
      const { issues, status } = await search(query);
      expect(issues).toEqual(['/2019/09/']);
      expect(status).toContain('找到2019年第9期（总第583期），列在最前');
    },
  );

  it('第9期: every year’s 第9期, the newest first, ahead of the articles that name it', async () => {
    const { issues, articles, status } = await search('第9期');
    expect(issues).toEqual(['/2019/09/', '/2018/09/']);
    expect(articles[0]).toBe('/2019/08/');
    expect(status).toMatch(/^找到 2 期，列在最前。另有含“第9期”的文章/);
  });

  it('within the year chosen', async () => {
    const tab = await browser.newPage();
    await tab.goto(`${site.url}search/?q=${encodeURIComponent('第9期')}&year=2018`);
    await tab.waitForSelector('#search-results[aria-busy="false"]', { state: 'attached' });
    expect(await tab.locator('.search-issue a').getAttribute('href')).toBe('/2018/09/');
    await tab.close();
  });

  it('is not looked for in a query that cites no issue', async () => {
    const tab = await browser.newPage();
    const fetched: string[] = [];
    tab.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await tab.goto(`${site.url}search/?q=${encodeURIComponent('代表小组')}`);
    await tab.waitForSelector('#search-results[aria-busy="false"]', { state: 'attached' });
    expect(fetched).not.toContain('/search/issues.json');
    expect(await tab.locator('.search-issue').count()).toBe(0);
    await tab.close();
  });
});

describe('a phrase written with punctuation', () => {
  it.each([['1+4'], ['“1+4”'], ['"1+4"'], ['１＋４'], ['《代表法》'], ['代表法'], ['“1+4”模式']])('%s: found as a whole phrase', async (query) => {
    const { articles, status } = await search(query);
    expect(articles[0]).toBe('/2019/08/');
    expect(status).not.toContain('不含完整');
    expect(status).not.toContain('没有找到');
  });

  it('quotes a quoted query once in the status line', async () => {
    const { status } = await search('“韶山灌区”');
    expect(status).toContain('没有找到含“韶山灌区”的文章');
    expect(status).not.toContain('““');
  });
});
