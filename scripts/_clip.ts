import { launchBrowser } from '/work/main/test/browser.ts';
import { serveDirectory } from '/work/main/test/serve.ts';
const [page, width, y, h, out] = process.argv.slice(2);
const server = await serveDirectory('/work/main/dist');
const browser = await launchBrowser();
const tab = await browser.newPage({ viewport: { width: Number(width), height: 800 } });
await tab.goto(`${server.url}${page}`);
await tab.screenshot({ path: out, fullPage: true, clip: { x: 0, y: Number(y), width: Number(width), height: Number(h) } });
await browser.close(); await server.close();
