// The site as output: paths relative to its root, what a path of the site serves, and the
// shape of an issue's PDF. Every part of the program that maps URLs to files uses this module.

/** Output path relative to the site root ("2019/09/index.html") → file contents. */
export type SiteOutput = Map<string, string | Uint8Array>;

/** Where the search index and Pagefind's scripts go in the site. */
export const SEARCH_BUNDLE = 'pagefind';

/**
 * Among a part of the index's files (search/split-chunks.ts), what each word's chunk weighs,
 * compressed ({ "代": 18211, … }): the bytes a search of the word downloads from the part. Read for
 * parts.json (search/index-search.ts), never published.
 */
export const WEIGHTS_FILE = 'word-weights.json';

/** An issue's folder in the site: 2019, 9 → "2019/09/". */
export const issuePath = (year: number, number: number): string => `${year}/${String(number).padStart(2, '0')}/`;

/** The page of an issue in the site, from its folder ("2019/09/" → "2019/09/index.html"). */
export const issuePage = (issuePath: string): string => `${issuePath}index.html`;

/** The page of a year's issues: 2019 → "2019/index.html". */
export const yearPage = (year: number): string => `${year}/index.html`;

/** An issue's PDF, beside its page: "2019/09/" and "lianluodongtai-2019-09.pdf". */
export const pdfPath = (issuePath: string, file: string): string => `${issuePath}${file}`;

/** The site's path of the badge image: templates/static/x.png and content/x.png are both published as x.png. */
export const badgeSitePath = (badge: string): string => badge.replace(/^(?:templates\/static|content)\//, '');

/**
 * Every issue as readers cite it (总期号, year, 期号, date, page), for the search page to find an
 * issue by its citation (search/citations.ts).
 */
export const CITATIONS_FILE = 'search/issues.json';

/** The site's other pages and files, each made from a template of its own. */
export const SITE_PAGES = {
  home: 'index.html',
  archive: 'archive/index.html',
  search: 'search/index.html',
  feed: 'feed.xml',
  sitemap: 'sitemap.xml',
  robots: 'robots.txt',
  notFound: '404.html',
} as const;

/** The year and 期号 of an issue's page, or the year of a year's page, from its output path. */
export function pageOfPath(outputPath: string): { year: number; number?: number } | undefined {
  const found = /^(\d{4})\/(?:(\d{2,})\/)?index\.html$/.exec(outputPath);
  if (!found) return undefined;
  return { year: Number(found[1]), number: found[2] === undefined ? undefined : Number(found[2]) };
}

/** A page's folder-style URL path: "2019/09/index.html" → "2019/09/", "index.html" → "". */
export const pageUrlPath = (outputPath: string): string => outputPath.replace(/(^|\/)index\.html$/, '$1');

/**
 * The output path a URL path asks for, inside a site served under basePath, as a static host
 * answers it: "/lldt/2019/09/" → "2019/09/index.html". undefined when the URL is outside the
 * site, cannot be decoded, or tries to climb out of it.
 */
export function fileForUrl(pathname: string, basePath = '/'): string | undefined {
  if (!pathname.startsWith(basePath)) return undefined;
  let file: string;
  try {
    file = decodeURIComponent(pathname.slice(basePath.length));
  } catch {
    return undefined;
  }
  if (file.split('/').some((part) => part === '..' || part === '.') || file.includes('\\') || file.includes('\0')) return undefined;
  return file === '' || file.endsWith('/') ? `${file}index.html` : file;
}

/**
 * Looks a URL path up in a site: the file itself, or, for a folder named without its slash, the
 * address to redirect to.
 */
export function lookUp(output: { has(path: string): boolean }, pathname: string, basePath = '/'): { file: string } | { redirect: string } | undefined {
  const file = fileForUrl(pathname, basePath);
  if (file === undefined) return undefined;
  if (output.has(file)) return { file };
  if (!file.endsWith('index.html') && output.has(`${file}/index.html`)) return { redirect: `${pathname}/` };
  return undefined;
}

/** Content types of the files a site holds, by extension. */
const CONTENT_TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  json: 'application/json',
  xml: 'application/xml; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  wasm: 'application/wasm',
  pdf: 'application/pdf',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  ico: 'image/x-icon',
  woff2: 'font/woff2',
};

export function contentTypeOf(file: string): string {
  const extension = /\.([a-z0-9]+)$/i.exec(file)?.[1]?.toLowerCase() ?? '';
  return CONTENT_TYPES[extension] ?? 'application/octet-stream';
}

/** What the issue page shows of its PDF, and the PDF itself. */
export interface IssuePdf {
  /** File name beside the page, ASCII: lianluodongtai-2019-09.pdf */
  file: string;
  /** Name the browser saves it under: 联络动态-2019-第09期.pdf */
  download: string;
  pages: number;
  /** Size for readers: 215 KB, 1.2 MB */
  size: string;
  bytes: Uint8Array;
}
