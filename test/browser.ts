// Debian's Chromium, driven by playwright-core: no browser download. The launcher lives in
// src/chromium.ts, which npm run pdf uses too.
export { CHROMIUM, hasChromium, launchChromium as launchBrowser } from '../src/pdf/chromium.ts';
