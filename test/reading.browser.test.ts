// The page as a careful reader sees it, in Chromium: titles broken only between words, on a
// phone, a desktop and paper; the heading levels 一、 and （一） in fonts of their own, 黑体 and 楷体.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.ts';
import { build } from './build.ts';
import { type StaticServer, serveDirectory } from './serve.ts';
import { sampleProject } from './site.ts';

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  const outDir = path.join(await mkdtemp(path.join(tmpdir(), 'lldt-reading-')), 'dist');
  expect((await build({ projectDir: await sampleProject(), outDir, write: true })).ok).toBe(true);
  server = await serveDirectory(outDir);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const TITLE = '关于全省市县乡人大代表中的党政领导干部参加代表小组活动、走进代表联系群众工作平台情况的调研报告';

/** Words and terms no line may break inside: those the issue was seen to break, and more. */
const WORDS = ['党政领导干部', '代表小组', '代表联系群众', '工作平台', '人大代表', '走进', '调研报告', '参加', '活动'];

/** Where the element's text breaks into lines, as offsets into its text. */
function lineBreaks(tab: Page, selector: string): Promise<{ text: string; breaks: number[] }> {
  return tab
    .locator(selector)
    .first()
    .evaluate((element) => {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      const breaks: number[] = [];
      let text = '';
      let lastTop: number | undefined;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (let i = 0; i < node.textContent!.length; i++) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const top = range.getClientRects()[0]?.top;
          if (top !== undefined && lastTop !== undefined && top > lastTop + 2) breaks.push(text.length);
          if (top !== undefined) lastTop = top;
          text += node.textContent![i];
        }
      }
      return { text, breaks };
    });
}

/** The words a break at offset falls inside, if any. */
function brokenWords(text: string, offset: number): string[] {
  return WORDS.filter((word) => {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      if (offset > at && offset < at + word.length) return true;
    }
    return false;
  });
}

describe('titles', () => {
  it.each([
    ['on a phone', 390, 'screen'],
    ['on a small tablet', 600, 'screen'],
    ['on a desktop', 1280, 'screen'],
    ['on paper', 1280, 'print'],
  ] as const)('break between words only, %s', async (_, width, media) => {
    const tab = await browser.newPage({ viewport: { width, height: 900 } });
    await tab.emulateMedia({ media });
    await tab.goto(`${server.url}2019/09/`);
    const { text, breaks } = await lineBreaks(tab, '.article-title');
    expect(text).toBe(TITLE);
    expect(breaks.length).toBeGreaterThan(0);
    const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
    const wordStarts = new Set([...segmenter.segment(text)].map((segment) => segment.index));
    for (const offset of breaks) {
      expect(brokenWords(text, offset), `${text.slice(0, offset)} / ${text.slice(offset)}`).toEqual([]);
      expect(wordStarts.has(offset), `${text.slice(0, offset)} / ${text.slice(offset)}`).toBe(true);
    }
    await tab.close();
  });

  it('break between words in the search results too', async () => {
    const tab = await browser.newPage({ viewport: { width: 390, height: 900 } });
    await tab.goto(`${server.url}search/?q=${encodeURIComponent('危桥')}`);
    await tab.waitForSelector('#search-results[aria-busy="false"]', { state: 'attached' });
    const { text, breaks } = await lineBreaks(tab, '.search-hit-title');
    expect(text).toBe(TITLE);
    expect(breaks.length).toBeGreaterThan(0);
    for (const offset of breaks) expect(brokenWords(text, offset), `${text.slice(0, offset)} / ${text.slice(offset)}`).toEqual([]);
    await tab.close();
  });
});

describe('heading levels', () => {
  /** The fonts Chromium draws an element's text with, by family name (DevTools' "Rendered Fonts"). */
  async function renderedFonts(tab: Page, selector: string): Promise<string[]> {
    const cdp = await tab.context().newCDPSession(tab);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument');
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    await cdp.detach();
    return fonts.map((font) => font.familyName);
  }

  it.each(['screen', 'print'] as const)('set 一、 in 黑体 and （一） in 楷体, each unlike the text (%s)', async (media) => {
    const tab = await browser.newPage();
    await tab.emulateMedia({ media });
    await tab.goto(`${server.url}2019/09/`);
    const levelOne = await renderedFonts(tab, '.article-body .h-1');
    const levelTwo = await renderedFonts(tab, '.article-body .run-in.h-2');
    const text = await renderedFonts(tab, '.article-body > p');
    expect(await tab.locator('.article-body .h-1').first().textContent()).toBe('一、基本情况');
    expect(levelOne).toEqual(['Noto Sans CJK SC']); // Debian's 黑体 (fonts-noto-cjk)
    expect(levelTwo, 'apt-get install fonts-arphic-ukai').toContainEqual(expect.stringMatching(/^AR PL (UKai CN|KaitiM GB)$/)); // Debian's 楷体
    expect(text).toContain('Noto Serif CJK SC'); // standing for 仿宋
    expect(new Set([levelOne[0], levelTwo[0], 'Noto Serif CJK SC']).size).toBe(3);
    await tab.close();
  });
});
