// Debian's Chromium, driven by playwright-core: no browser is ever downloaded. Used to print the
// PDFs (npm run pdf) and by the browser tests; the normal build never needs it.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import type { Browser, LaunchOptions } from 'playwright-core';
import { CATALOGUE } from '../messages/catalogue.ts';
import { Failure } from '../messages/failure.ts';
import { seconds, toolTimeLimit } from '../tools/time-limit.ts';

/** Debian's chromium package; CHROMIUM_PATH names another. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function hasChromium(): boolean {
  return existsSync(CHROMIUM);
}

/** Chromium starts in a second or two; a minute allows for a busy machine. */
const START_LIMIT_MS = 60_000;

/** fontconfig lists the fonts at once, or in seconds when it first builds its cache. */
export const FONT_LIST_LIMIT_MS = 30_000;

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
  const limit = toolTimeLimit(START_LIMIT_MS);
  return chromium.launch({ ...LAUNCH_OPTIONS, timeout: limit }).catch((error: Error) => {
    throw error.name === 'TimeoutError'
      ? Failure.of(CATALOGUE.chromiumStartTimeout, { path: CHROMIUM, seconds: seconds(limit) }, error)
      : Failure.of(CATALOGUE.chromiumWontStart, { path: CHROMIUM }, error);
  });
}

/** Whether fontconfig knows a Chinese font; undefined when fc-list itself is missing. */
async function hasChineseFont(): Promise<boolean | undefined> {
  try {
    const { stdout } = await promisify(execFile)('fc-list', [':lang=zh', 'family'], { timeout: toolTimeLimit(FONT_LIST_LIMIT_MS) });
    return stdout.trim().length > 0;
  } catch {
    return undefined;
  }
}

/** What is missing to print PDFs, said in Chinese with how to install it; undefined when nothing is. */
export async function missingForPdf(): Promise<Failure | undefined> {
  if (!hasChromium()) return Failure.of(CATALOGUE.chromiumMissing, { path: CHROMIUM });
  if ((await hasChineseFont()) === false) return Failure.of(CATALOGUE.chineseFontsMissing, undefined);
  return undefined;
}
