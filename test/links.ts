// A link checker over a built site in memory: every internal link, image, script and stylesheet
// must point to a file of the site, and every #anchor to an id on its page.
import { lookUp, pageUrlPath, type SiteOutput } from '../src/model/output.ts';

export interface BrokenLink {
  page: string;
  target: string;
  reason: string;
}

const REFERENCE = /\s(?:href|src)="([^"]*)"/g;
const CSS_URL = /url\(\s*['"]?([^'")]+)['"]?\s*\)/g;
const ID = /\sid="([^"]*)"/g;
const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

const decodeEntities = (text: string) =>
  text
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");

function idsOf(html: string): Set<string> {
  return new Set([...html.matchAll(ID)].map((m) => decodeEntities(m[1]!)));
}

const ORIGIN = 'http://site.invalid';

/** The file a reference leads to, resolved as a browser would from the page, or undefined. */
function resolveTarget(page: string, reference: string, basePath: string, output: SiteOutput): string | undefined {
  const url = new URL(reference, `${ORIGIN}${basePath}${pageUrlPath(page)}`);
  const found = url.origin === ORIGIN ? lookUp(output, url.pathname, basePath) : undefined;
  if (found === undefined) return undefined;
  return 'file' in found ? found.file : `${found.redirect.slice(basePath.length)}index.html`;
}

/**
 * Checks every HTML and CSS file of the site. basePath is where the site is served (from
 * baseUrl), for the few absolute references (404.html's).
 */
export function findBrokenLinks(output: SiteOutput, basePath = '/'): BrokenLink[] {
  const broken: BrokenLink[] = [];
  const ids = new Map<string, Set<string>>();
  const idsFor = (file: string) => {
    if (!ids.has(file)) ids.set(file, idsOf(String(output.get(file))));
    return ids.get(file)!;
  };
  for (const [page, content] of output) {
    const pattern = page.endsWith('.html') ? REFERENCE : page.endsWith('.css') ? CSS_URL : undefined;
    if (!pattern) continue;
    for (const match of String(content).matchAll(pattern)) {
      const reference = decodeEntities(match[1]!);
      if (EXTERNAL.test(reference) || reference.startsWith('data:')) continue;
      const [address = '', anchor] = reference.split('#', 2);
      const pathPart = address.split('?')[0]!;
      const file = pathPart === '' ? page : resolveTarget(page, pathPart, basePath, output);
      if (!file) {
        broken.push({ page, target: reference, reason: 'no such file' });
      } else if (anchor && file.endsWith('.html') && !idsFor(file).has(decodeURIComponent(anchor))) {
        broken.push({ page, target: reference, reason: `no id "${anchor}" on ${file}` });
      }
    }
  }
  return broken;
}
