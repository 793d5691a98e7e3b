// Screenshots of the built site, as a reader sees it: serves dist/ on 127.0.0.1 and photographs
// each page at phone (390 px) and desktop (1280 px) widths with Debian's Chromium; then renders
// every page of each PDF in dist/ with pdftoppm (60 dpi), to look at the print too.
// Usage: tsx scripts/screenshot.ts [OUTDIR [PAGE...]]   (PAGE like 2019/09/ or search/?q=危桥)
// Build first: npx tsx src/cli.ts build (or pdf, for the PDF pages).
import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { launchBrowser } from '../test/browser.ts';
import { serveDirectory } from '../test/serve.ts';

const PAGES = ['', '2019/', '2019/09/', '2019/09/?highlight=危桥#article-1-s2', 'search/?q=代表小组', 'search/?q=危桥', 'search/?q=疫情防控', '2030/99/'];
const WIDTHS = [
  ['phone', 390],
  ['desktop', 1280],
] as const;

const [outDir = 'test/output/screens', ...pages] = process.argv.slice(2);
await mkdir(outDir, { recursive: true });

/** A file name for a page: 2019/09/ → 2019_09, search/?q=危桥 → search_q=危桥, '' → home */
const nameOf = (page: string) => page.replace(/[/?#]+/g, '_').replace(/_$/, '') || 'home';

// Served under the site's own path (baseUrl in site.yml), where the 404 page finds its styles.
const { baseUrl } = parse(await readFile('content/site.yml', 'utf8')) as { baseUrl: string };
const server = await serveDirectory('dist', new URL(baseUrl).pathname);
const browser = await launchBrowser();
for (const page of pages.length ? pages : PAGES) {
  for (const [name, width] of WIDTHS) {
    const tab = await browser.newPage({ viewport: { width, height: 800 } });
    await tab.goto(`${server.url}${page}`);
    if (page.startsWith('search/')) await tab.waitForSelector('#search-results[aria-busy="false"]', { state: 'attached' });
    const file = path.join(outDir, `${nameOf(page)}-${name}.png`);
    // A page opened at a section (#…) is photographed as it lands, the others whole.
    if (page.includes('highlight=')) await tab.waitForSelector('mark.search-highlight');
    await tab.screenshot({ path: file, fullPage: !page.includes('#') });
    console.log(file);
    await tab.close();
  }
}
await browser.close();
await server.close();

const pdfs = (await readdir('dist', { recursive: true })).filter((file) => file.endsWith('.pdf'));
for (const pdf of pdfs) {
  const prefix = path.join(outDir, path.basename(pdf, '.pdf'));
  await promisify(execFile)('pdftoppm', ['-png', '-r', '60', path.join('dist', pdf), prefix]);
  console.log(`${prefix}-*.png`);
}
