// What a site publishes besides its pages: drafts left out unless asked for, a warning for a
// date in the future, an Atom feed, a sitemap, canonical links, and an intranet setting that
// asks search engines not to index.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from './build.ts';
import { sharedBrowser } from './shared.ts';
import { makeSite, sampleProject, TEMPLATES_DIR } from './site.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await sharedBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Parses XML as a browser does; returns the parser's complaint, or '' when well-formed. */
async function xmlProblem(xml: string): Promise<string> {
  const tab = await browser.newPage();
  const problem = await tab.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    return doc.querySelector('parsererror')?.textContent ?? '';
  }, xml);
  await tab.close();
  return problem;
}

/** The text a feed reader shows for the first entry: its content, unescaped, as HTML. */
async function entryText(xml: string): Promise<string> {
  const tab = await browser.newPage();
  const text = await tab.evaluate((feed) => {
    const html = new DOMParser().parseFromString(feed, 'application/xml').querySelector('entry content')?.textContent ?? '';
    return new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '';
  }, xml);
  await tab.close();
  return text;
}

async function publishing(drafts = false) {
  const projectDir = await makeSite('publishing');
  const result = await build({ projectDir, templatesDir: TEMPLATES_DIR, write: false, drafts });
  expect(result.ok).toBe(true);
  return result;
}

/** The sample site built cold in memory once for this file: the tests below only read it. */
let sampleBuilt: ReturnType<typeof build> | undefined;
const sampleBuild = () => (sampleBuilt ??= sampleProject().then((projectDir) => build({ projectDir, write: false })));

describe('publishing', () => {
  it('leaves drafts out unless asked for', async () => {
    expect((await publishing()).output!.has('2019/02/index.html')).toBe(false);
    expect((await publishing(true)).output!.has('2019/02/index.html')).toBe(true);
  });

  it('publishes an issue dated in the future with a warning at its date, and says a Word file must be imported (not its lock file, ~$旧稿.docx)', async () => {
    const result = await publishing();
    expect(result.output!.has('2099/01/index.html')).toBe(true);
    const warnings = result.files.flatMap((f) => f.messages.map((m) => `${f.path}:${m.line}:${m.column} ${m.ruleId} ${m.fatal}`));
    expect(warnings).toEqual(['content/2099/01.md:4:7 future-date false', 'content/2019/旧稿.docx:1:1 not-markdown false']);
  });

  it('asks search engines not to index an intranet site', async () => {
    const { output } = await publishing();
    expect(String(output!.get('robots.txt'))).toMatch(/^User-agent: \*\nDisallow: \/$/m);
    expect(String(output!.get('2099/01/index.html'))).toContain('<meta name="robots" content="noindex, nofollow">');
  });

  it('writes an Atom feed of the latest issues with their articles, well-formed', async () => {
    const { output } = await sampleBuild();
    const feed = String(output!.get('feed.xml'));
    expect(await xmlProblem(feed)).toBe('');
    expect(feed.match(/<entry>/g)).toHaveLength(4);
    expect(feed).toContain('<id>https://example.gov.cn/lldt/2019/09/</id>');
    expect(feed).toContain('&lt;h2 id=&quot;article-1&quot;&gt;关于全省市县乡人大代表中的党政领导干部');
    expect(feed.indexOf('2019/10/')).toBeLessThan(feed.indexOf('2019/09/'));
    const intranet = String((await publishing()).output!.get('feed.xml'));
    expect(await xmlProblem(intranet)).toBe('');
    expect(await entryText(intranet)).toContain('标题里有 & 和 <尖括号>。');
  });

  it('writes a sitemap and a canonical link on every page, from baseUrl', async () => {
    const { output } = await sampleBuild();
    const sitemap = String(output!.get('sitemap.xml'));
    expect(await xmlProblem(sitemap)).toBe('');
    expect(sitemap).toContain('<url><loc>https://example.gov.cn/lldt/2019/09/</loc><lastmod>2019-04-29</lastmod></url>');
    expect(String(output!.get('robots.txt'))).toContain('Sitemap: https://example.gov.cn/lldt/sitemap.xml');
    expect(String(output!.get('2019/09/index.html'))).toContain('<link rel="canonical" href="https://example.gov.cn/lldt/2019/09/">');
    expect(String(output!.get('index.html'))).toContain('<link rel="canonical" href="https://example.gov.cn/lldt/">');
    expect(String(output!.get('404.html'))).not.toContain('rel="canonical"');
  });
});
