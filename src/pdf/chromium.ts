// Debian's Chromium, driven by playwright-core: no browser is ever downloaded. Used to print the
// PDFs (npm run pdf) and by the browser tests; the normal build never needs it.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import type { Browser, LaunchOptions } from 'playwright-core';

/** Debian's chromium package; CHROMIUM_PATH names another. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function hasChromium(): boolean {
  return existsSync(CHROMIUM);
}

const INSTALL = '请先安装浏览器和中文字体：sudo apt-get install chromium fonts-noto-cjk fonts-arphic-ukai';

/** Chromium is there but would not start; the message, in Chinese, says what to do. */
export class ChromiumUnavailable extends Error {}

/** How Chromium is started, here and for the tests' shared browser: headless, calling no one. */
export const LAUNCH_OPTIONS = {
  executablePath: CHROMIUM,
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
} satisfies LaunchOptions;

/** Loaded only when a browser is wanted: the normal build never loads playwright-core. */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch(LAUNCH_OPTIONS).catch((error: Error) => {
    const reason = error.message.split('\n')[0];
    throw new ChromiumUnavailable(`无法启动 Chromium 浏览器\uFF08${CHROMIUM}\uFF09\uFF1A${reason}\n${INSTALL}`);
  });
}

/** Whether fontconfig knows a Chinese font; undefined when fc-list itself is missing. */
async function hasChineseFont(): Promise<boolean | undefined> {
  try {
    const { stdout } = await promisify(execFile)('fc-list', [':lang=zh', 'family']);
    return stdout.trim().length > 0;
  } catch {
    return undefined;
  }
}

/** What is missing to print PDFs, said in Chinese with how to install it; undefined when nothing is. */
export async function missingForPdf(): Promise<string | undefined> {
  if (!hasChromium()) {
    return [
      `找不到 Chromium 浏览器（${CHROMIUM}），无法生成 PDF。`,
      INSTALL,
      '浏览器装在别处时，用环境变量 CHROMIUM_PATH 指明，例如 CHROMIUM_PATH=/opt/chromium/chrome npm run pdf',
      '网站本身不需要浏览器：npm run build 照常生成，只是没有 PDF 的各期不显示“下载 PDF”。',
    ].join('\n');
  }
  if ((await hasChineseFont()) === false) {
    return ['找不到中文字体，生成的 PDF 中汉字会显示为方框。', INSTALL].join('\n');
  }
  return undefined;
}
