// Pages of the site in memory → PDFs, printed by Debian's Chromium as the print stylesheet sets
// them (the same as Ctrl-P in a browser). The browser gets the pages and their assets straight
// from memory, at an address that leads nowhere else: no server, no files, no other host.
import type { Browser } from 'playwright-core';
import { contentTypeOf, fileForUrl, pageUrlPath, type SiteOutput } from '../model/output.ts';
import { readMetadata, withMetadata } from './pdf-metadata.ts';

const ORIGIN = 'http://bulletin.invalid';

/** Pages printed at once: a browser tab each (the machines this runs on have two cores or more). */
const TABS = 2;

/**
 * Prints each page (an output path such as "2019/09/index.html") to PDF, and hands each PDF to
 * printed as soon as it is made: what was printed is kept even if a later page fails.
 */
export async function printPages(
  browser: Browser,
  output: SiteOutput,
  pages: string[],
  printed: (page: string, pdf: Uint8Array) => Promise<void>,
): Promise<void> {
  if (pages.length === 0) return;
  const context = await browser.newContext();
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
    const page = await context.newPage();
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      await page.goto(`${ORIGIN}/${pageUrlPath(next)}`, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready);
      // The page's own print.js places the 版记 on the beforeprint event that printing fires.
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
      await printed(next, await withMetadata(pdf, await readMetadata(page)));
    }
    await page.close();
  };
  try {
    await Promise.all(Array.from({ length: Math.min(TABS, pages.length) }, tab));
  } finally {
    await context.close();
  }
}
