// Pages of the site in memory → PDFs, printed by Debian's Chromium as the print stylesheet sets
// them (the same as Ctrl-P in a browser). The browser gets the pages and their assets straight
// from memory, at an address that leads nowhere else: no server, no files, no other host.
import type { Browser } from 'playwright-core';
import { contentTypeOf, fileForUrl, pageUrlPath, type SiteOutput } from '../model/output.ts';
import { toolTimeLimit, withTimeLimit } from '../tools/time-limit.ts';
import { type PrintedPdf, readMetadata, withMetadata } from './pdf-metadata.ts';

const ORIGIN = 'http://bulletin.invalid';

class TimeLimitPassed extends Error {}

/** Pages printed at once: a browser tab each (the machines this runs on have two cores or more). */
const TABS = 2;

/** An issue's page loads and prints in a second or two; a minute and a half allows for a busy machine. */
const PAGE_LIMIT_MS = 90_000;

/** A page that was not printed: the browser crashed or was closed, the page took too long, or another error. */
export class PagePrintFailed extends Error {
  constructor(
    /** The page being printed (an output path), if the failure came while printing one. */
    readonly page: string | undefined,
    readonly how: 'crashed' | 'timeout' | 'failed',
    readonly limitMs: number,
    readonly error: unknown,
  ) {
    super(error instanceof Error ? error.message : String(error));
  }
}

/** Playwright's words for a browser or tab that went away under it. */
const GONE = /Target crashed|has been closed|Target closed|Browser closed|browser has disconnected|Connection closed/i;

/**
 * Prints each page (an output path such as "2019/09/index.html") to PDF, and hands each PDF to
 * printed as soon as it is made: what was printed is kept even if a later page fails.
 */
export async function printPages(
  browser: Browser,
  output: SiteOutput,
  pages: string[],
  printed: (page: string, pdf: PrintedPdf) => Promise<void>,
): Promise<void> {
  if (pages.length === 0) return;
  const limitMs = toolTimeLimit(PAGE_LIMIT_MS);
  const failed = (page: string | undefined, error: unknown) => {
    const how =
      error instanceof TimeLimitPassed || (error as Error)?.name === 'TimeoutError'
        ? 'timeout'
        : !browser.isConnected() || GONE.test(String((error as Error)?.message))
          ? 'crashed'
          : 'failed';
    return new PagePrintFailed(page, how, limitMs, error);
  };
  const context = await browser.newContext().catch((error: unknown) => {
    throw failed(undefined, error);
  });
  context.setDefaultTimeout(limitMs);
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== ORIGIN) return route.abort('blockedbyclient');
    const file = fileForUrl(url.pathname);
    const body = file === undefined ? undefined : output.get(file);
    if (body === undefined) return route.fulfill({ status: 404, body: '' });
    return route.fulfill({ status: 200, body: Buffer.from(body), contentType: contentTypeOf(file!) });
  });
  const queue = [...pages];
  const tab = async () => {
    const page = await context.newPage().catch((error: unknown) => {
      throw failed(queue[0], error);
    });
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      const print = async () => {
        await page.goto(`${ORIGIN}/${pageUrlPath(next)}`, { waitUntil: 'load' });
        await page.evaluate(() => document.fonts.ready);
        // The page's own print.js places the 版记 on the beforeprint event that printing fires.
        const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
        return withMetadata(pdf, await readMetadata(page));
      };
      const pdf = await withTimeLimit(print(), limitMs, () => new TimeLimitPassed()).catch((error: unknown) => {
        throw failed(next, error);
      });
      await printed(next, pdf);
    }
    await page.close();
  };
  try {
    await Promise.all(Array.from({ length: Math.min(TABS, pages.length) }, tab));
  } finally {
    // A browser that crashed has nothing left to close.
    await context.close().catch(() => undefined);
  }
}
