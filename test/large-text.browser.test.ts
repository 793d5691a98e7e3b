// 大字模式 and reflow, in Chromium under the strict Content-Security-Policy: the header's button
// makes the text at least 1.5 times as large, with more space between lines and darker grey; it
// is pressed by mouse or keyboard, says whether it is on, is remembered from page to page, is set
// before the page is drawn, and leaves paper alone. Every kind of page reflows at 320 px and at
// 200 % zoom (WCAG 1.4.10) in both modes: nothing scrolls sideways, no text overlaps, and the
// footer of a government site (its records and 党政机关网站标识) reflows too.
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from './build.ts';
import { CONTENT_SECURITY_POLICY } from './csp.ts';
import { type StaticServer, serveDirectory } from './serve.ts';
import { sampleSite, sharedBrowser } from './shared.ts';
import { makeSite, SAMPLE_DIR, TEMPLATES_DIR } from './site.ts';

const KEY = 'lianluodongtai-large-text';
const PAGES = { home: '', issue: '2019/09/', year: '2019/', search: 'search/?q=%E5%8D%B1%E6%A1%A5', archive: 'archive/' };
/** 320 CSS pixels (1280 at 400 %), and a 1280-pixel window zoomed to 200 %. */
const VIEWS: Record<string, BrowserContextOptions> = {
  '320 px': { viewport: { width: 320, height: 640 } },
  '200 % zoom': { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 },
};
const CSP = { 'content-security-policy': CONTENT_SECURITY_POLICY };

let browser: Browser;
let server: StaticServer;
let government: StaticServer;

beforeAll(async () => {
  server = await serveDirectory(await sampleSite(), '/', CSP);
  // A government site: the sample's issues with the identification settings of test/fixtures/identity.
  const projectDir = await makeSite('identity');
  await cp(path.join(SAMPLE_DIR, 'content', '2019'), path.join(projectDir, 'content', '2019'), { recursive: true });
  const outDir = path.join(await mkdtemp(path.join(tmpdir(), 'lldt-large-text-')), 'dist');
  expect((await build({ projectDir, templatesDir: TEMPLATES_DIR, outDir, write: true, search: false, cacheDir: false })).ok).toBe(true);
  government = await serveDirectory(outDir, '/lldt/', CSP);
  browser = await sharedBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await government?.close();
});

/** A context whose pages start in 大字模式 (large) or not, recording what breaks the policy. */
async function newContext(large: boolean, options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; violations: string[] }> {
  const context = await browser.newContext(options);
  if (large) await context.addInitScript((key) => localStorage.setItem(key, 'on'), KEY);
  const violations: string[] = [];
  context.on('console', (message) => {
    if (/Content.Security.Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  return { context, violations };
}

async function open(tab: Page, url: string): Promise<void> {
  await tab.goto(url);
  if (url.includes('search/')) await tab.waitForSelector('#search-results[aria-busy="false"]', { state: 'attached' });
}

const button = (tab: Page) => tab.locator('.large-text-toggle');
const isLarge = (tab: Page) => tab.evaluate(() => document.documentElement.classList.contains('large-text'));

/** What 大字模式 changes in the body text. */
const textStyle = (tab: Page) =>
  tab
    .locator('.article-body p')
    .first()
    .evaluate((p) => {
      const style = getComputedStyle(p);
      return { size: Number.parseFloat(style.fontSize), leading: Number.parseFloat(style.lineHeight) / Number.parseFloat(style.fontSize), color: style.color };
    });

/** Relative luminance contrast of an rgb() colour on white. */
function contrastOnWhite(color: string): number {
  const [r, g, b] = (color.match(/\d+/g) ?? []).map(Number).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 1.05 / (0.2126 * r! + 0.7152 * g! + 0.0722 * b! + 0.05);
}

describe('大字模式', () => {
  it('is a button in the header, off at first; pressed, it enlarges the text 1.5 times, with more leading and contrast', async () => {
    const { context, violations } = await newContext(false, { viewport: { width: 390, height: 800 } });
    const tab = await context.newPage();
    await open(tab, `${server.url}2019/09/`);
    await expect(button(tab).getAttribute('aria-pressed')).resolves.toBe('false');
    expect(await button(tab).evaluate((b) => b.closest('header')?.className)).toBe('site-header');
    const before = await textStyle(tab);
    await button(tab).click();
    expect(await isLarge(tab)).toBe(true);
    await expect(button(tab).getAttribute('aria-pressed')).resolves.toBe('true');
    const after = await textStyle(tab);
    expect(after.size / before.size).toBeGreaterThanOrEqual(1.5);
    expect(after.leading).toBeGreaterThan(before.leading);
    expect(contrastOnWhite(after.color)).toBeGreaterThan(contrastOnWhite(before.color));
    expect(await tab.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    await button(tab).click();
    expect(await isLarge(tab)).toBe(false);
    expect((await textStyle(tab)).size).toBe(before.size);
    expect(violations).toEqual([]);
    await context.close();
  });

  it('is pressed from the keyboard and named for screen readers', async () => {
    const { context } = await newContext(false);
    const tab = await context.newPage();
    await open(tab, `${server.url}2019/`);
    const focused = () => tab.evaluate(() => document.activeElement?.className ?? '');
    for (let i = 0; i < 10 && (await focused()) !== 'large-text-toggle'; i++) await tab.keyboard.press('Tab');
    expect(await focused()).toBe('large-text-toggle');
    // What the accessibility tree tells a screen reader: a button, its name, and whether it is pressed.
    expect(await button(tab).ariaSnapshot()).toBe('- button "大字模式"');
    await tab.keyboard.press('Enter');
    expect(await isLarge(tab)).toBe(true);
    await tab.keyboard.press('Space');
    expect(await isLarge(tab)).toBe(false);
    await tab.keyboard.press('Space');
    expect(await button(tab).ariaSnapshot()).toBe('- button "大字模式" [pressed]');
    await context.close();
  });

  it('is remembered on every page of the site, and set before the page is drawn', async () => {
    const { context } = await newContext(false);
    // Whether <html> has the mode's class when <body> first appears: before anything is drawn.
    await context.addInitScript(() => {
      const record = window as unknown as { atBody?: boolean };
      new MutationObserver((_, observer) => {
        if (!document.body) return;
        record.atBody = document.documentElement.classList.contains('large-text');
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    const tab = await context.newPage();
    await open(tab, server.url);
    await button(tab).click();
    for (const page of [PAGES.issue, PAGES.year, PAGES.search, PAGES.home]) {
      await open(tab, `${server.url}${page}`);
      expect(await tab.evaluate(() => (window as unknown as { atBody?: boolean }).atBody), page).toBe(true);
      await expect(button(tab).getAttribute('aria-pressed')).resolves.toBe('true');
    }
    await button(tab).click();
    await open(tab, `${server.url}${PAGES.issue}`);
    expect(await isLarge(tab)).toBe(false);
    await context.close();
  });

  it('leaves paper as it is', async () => {
    const printed = async (large: boolean) => {
      const { context } = await newContext(large);
      const tab = await context.newPage();
      await open(tab, `${server.url}2019/09/`);
      await tab.emulateMedia({ media: 'print' });
      const style = await textStyle(tab);
      await context.close();
      return style;
    };
    expect(await printed(true)).toEqual(await printed(false));
  });
});

/** What does not reflow: the page scrolling sideways, elements past the window's edge, siblings drawn over each other. */
function reflowProblems(tab: Page): Promise<string[]> {
  return tab.evaluate(() => {
    const problems: string[] = [];
    const width = document.documentElement.clientWidth;
    const name = (e: Element) => `${e.tagName.toLowerCase()}${e.className && typeof e.className === 'string' ? `.${e.className.split(' ').join('.')}` : ''}`;
    if (document.documentElement.scrollWidth > width) problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
    const shown = (e: Element) => {
      const box = e.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && !e.closest('.visually-hidden, .skip-link, .table-scroll') && getComputedStyle(e).visibility !== 'hidden';
    };
    for (const e of document.querySelectorAll('body *')) {
      if (!shown(e)) continue;
      const box = e.getBoundingClientRect();
      if (box.right > width + 0.5 || box.left < -0.5) problems.push(`${name(e)} reaches past the window: ${Math.round(box.left)}–${Math.round(box.right)}`);
    }
    const containers =
      '.site-header-inner, .site-nav, .search-box, .masthead, .masthead-line, .banji, .banji-editors, .issue-nav, .search-query, .search-options, .site-footer, .site-identity p, .latest-heading, .issue-entry-head';
    for (const container of document.querySelectorAll(containers)) {
      const children = [...container.children].filter(shown);
      for (let i = 0; i < children.length; i++) {
        for (let j = i + 1; j < children.length; j++) {
          const a = children[i]!.getBoundingClientRect();
          const b = children[j]!.getBoundingClientRect();
          const overlap = Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
          if (overlap) problems.push(`${name(children[i]!)} and ${name(children[j]!)} overlap in ${name(container)}`);
        }
      }
    }
    return problems;
  });
}

describe('reflow', () => {
  const cases = Object.keys(VIEWS).flatMap((view) => [false, true].map((large) => [view, large ? '大字模式' : 'normal', large] as const));

  it.each(cases)('at %s (%s): every kind of page, with nothing sideways and no text overlapping', async (view, _, large) => {
    const { context, violations } = await newContext(large, VIEWS[view]);
    const tab = await context.newPage();
    for (const [kind, page] of Object.entries(PAGES)) {
      await open(tab, `${server.url}${page}`);
      expect(await isLarge(tab)).toBe(large);
      expect(await reflowProblems(tab), kind).toEqual([]);
    }
    expect(violations).toEqual([]);
    await context.close();
  });

  it.each(cases)('at %s (%s): the footer of a government site, its 党政机关网站标识 shown', async (view, _, large) => {
    const { context, violations } = await newContext(large, VIEWS[view]);
    const tab = await context.newPage();
    for (const page of ['', '2019/09/']) {
      await open(tab, `${government.url}${page}`);
      expect(await tab.locator('.site-badge img').evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
      expect(await reflowProblems(tab), page).toEqual([]);
    }
    expect(violations).toEqual([]);
    await context.close();
  });
});
