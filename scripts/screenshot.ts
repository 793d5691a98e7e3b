// Screenshots of built pages, as a reader sees them: serves dist/ on 127.0.0.1 and
// photographs each page at phone and desktop widths with Debian's Chromium.
// Usage: tsx scripts/screenshot.ts OUTDIR PAGE...   (PAGE like 2019/09/)
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { launchBrowser } from '../test/browser.ts';
import { serveDirectory } from '../test/serve.ts';

const [outDir = 'test/output/screens', ...pages] = process.argv.slice(2);
const server = await serveDirectory('dist');
const browser = await launchBrowser();
await mkdir(outDir, { recursive: true });
for (const page of pages.length ? pages : ['', '2019/', '2019/09/']) {
  for (const [name, width] of [['phone', 360], ['desktop', 1280]] as const) {
    const tab = await browser.newPage({ viewport: { width, height: 800 } });
    await tab.goto(`${server.url}${page}`);
    const file = path.join(outDir, `${page.replace(/\//g, '_') || 'home'}-${name}.png`);
    await tab.screenshot({ path: file, fullPage: true });
    console.log(file);
    await tab.close();
  }
}
await browser.close();
await server.close();
