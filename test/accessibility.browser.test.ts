// Accessibility and a strict Content-Security-Policy, in Chromium: axe-core on the home, year,
// issue (also with the words of a search highlighted), search and archive pages, in the normal
// mode and in 大字模式 (no serious or critical violation, the red masthead's contrast included),
// the search used by keyboard alone, and no page breaking the policy.
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './csp.ts';
import { type StaticServer, serveDirectory } from './serve.ts';
import { sampleSite, sharedBrowser } from './shared.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const PAGES = ['', '2019/', '2019/09/', '2019/09/?highlight=%E5%8D%B1%E6%A1%A5#article-1-s2', 'search/?q=%E5%8D%B1%E6%A1%A5', 'archive/', '404.html'];
// 404.html links its styles and scripts under baseUrl's path (/lldt/), which this server, at /, does not serve.
const MODES = PAGES.flatMap((page) => [[page, 'normal'] as const, ...(page === '404.html' ? [] : [[page, '大字模式'] as const])]);

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  server = await serveDirectory(await sampleSite(), '/', { 'content-security-policy': CONTENT_SECURITY_POLICY });
  browser = await sharedBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a page and waits for a search page's results; records what breaks the policy. */
async function open(tab: Page, page: string): Promise<string[]> {
  const violations: string[] = [];
  tab.on('console', (message) => {
    if (/Content.Security.Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await tab.goto(`${server.url}${page}`);
  if (page.startsWith('search/')) await tab.waitForSelector('#search-results[aria-busy="false"]', { state: 'attached' });
  if (page.includes('highlight=')) await tab.waitForSelector('mark.search-highlight');
  return violations;
}

describe('accessibility', () => {
  it.each(MODES)('/%s has no serious or critical axe violation (%s)', async (page, mode) => {
    // axe is injected as an inline script, which the policy forbids: this context bypasses it.
    const context = await browser.newContext({ bypassCSP: true });
    if (mode === '大字模式') await context.addInitScript(() => localStorage.setItem('lianluodongtai-large-text', 'on'));
    const tab = await context.newPage();
    await open(tab, page);
    expect(await tab.evaluate(() => document.documentElement.classList.contains('large-text'))).toBe(mode === '大字模式');
    await tab.addScriptTag({ path: AXE });
    const results = (await tab.evaluate(`axe.run(document, { resultTypes: ['violations'] })`)) as {
      violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
    };
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(serious).toEqual([]);
    await context.close();
  });

  it('lets a keyboard user search and open a hit', async () => {
    const tab = await browser.newPage();
    await open(tab, '2019/09/');
    const focusedId = () => tab.evaluate(() => document.activeElement?.id ?? document.activeElement?.className ?? '');
    for (let i = 0; i < 10 && (await focusedId()) !== 'site-search'; i++) await tab.keyboard.press('Tab');
    expect(await focusedId()).toBe('site-search');
    await tab.keyboard.type('危桥');
    await tab.keyboard.press('Enter');
    await tab.waitForURL(/\/search\/\?q=/);
    await tab.waitForSelector('#search-results[aria-busy="false"]', { state: 'attached' });
    // The hit's address without the words it asks the page to highlight.
    const focusedHref = () =>
      tab.evaluate(() => {
        const href = (document.activeElement as HTMLAnchorElement | null)?.getAttribute('href');
        return href ? `${new URL(href, location.href).pathname}${new URL(href, location.href).hash}` : '';
      });
    for (let i = 0; i < 20 && (await focusedHref()) !== '/2019/09/#article-1'; i++) await tab.keyboard.press('Tab');
    expect(await focusedHref()).toBe('/2019/09/#article-1');
    await tab.keyboard.press('Enter');
    await tab.waitForURL(/\/2019\/09\/\?highlight=[^#]+#article-1$/);
    await tab.close();
  });
});

describe('Content-Security-Policy', () => {
  it.each(PAGES)('/%s works under the strict policy', async (page) => {
    const tab = await browser.newPage();
    const violations = await open(tab, page);
    if (page.startsWith('search/')) expect(await tab.locator('.search-hit').count()).toBeGreaterThan(0);
    expect(violations).toEqual([]);
    await tab.close();
  });
});
