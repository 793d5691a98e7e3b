// npm run dev in a real browser: the open page reloads by itself after a save, shows a content
// error over the page with its file, line and message, and drops it once the file is fixed.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevSession, startDevSession } from '../src/dev/dev-session.ts';
import { CHROMIUM, hasChromium } from './browser.ts';
import { copyProject } from './cli.ts';
import { sharedBrowser } from './shared.ts';
import { save } from './site.ts';

let browser: Browser;
let session: DevSession;
let dir: string;

beforeAll(async () => {
  expect(hasChromium(), `Chromium is missing at ${CHROMIUM}: apt-get install -y chromium fonts-noto-cjk`).toBe(true);
  dir = await copyProject();
  session = await startDevSession({ projectDir: dir, port: 0, log: () => undefined });
  browser = await sharedBrowser();
});

afterAll(async () => {
  await browser?.close();
  await session?.close();
});

const edit = async (change: (text: string) => string) => {
  const file = path.join(dir, 'content', '2019', '09.md');
  await save(file, change(await readFile(file, 'utf8')));
};

describe('npm run dev in the browser', () => {
  it('reloads by itself on a save, and shows an error over the page until it is fixed', async () => {
    const tab = await browser.newPage();
    const loads: string[] = [];
    tab.on('load', () => loads.push(tab.url()));
    await tab.goto(new URL('2019/09/', session.url).href);
    await tab.waitForFunction(() => document.documentElement.dataset.liveReload === 'connected');

    // Waits for the reload itself: the new text can show before the page's load event.
    await Promise.all([tab.waitForEvent('load'), edit((t) => t.replace('各地坚持抓好', '各地始终坚持抓好'))]);
    expect(await tab.textContent('body')).toContain('各地始终坚持抓好');
    expect(loads.length).toBe(2);

    await edit((t) => t.replace('date: 2019-04-29', 'date: 2019-04-31'));
    const overlay = tab.locator('#dev-problems');
    await overlay.waitFor();
    await expect(overlay.textContent()).resolves.toContain('content/2019/09.md 第 4 行第 7 列日期 2019-04-31 不存在或格式不对');
    expect(await tab.textContent('h2#article-1-title')).toContain('关于全省市县乡人大代表');

    await edit((t) => t.replace('date: 2019-04-31', 'date: 2019-04-29'));
    await overlay.waitFor({ state: 'detached' });
    await tab.close();
  });
});
