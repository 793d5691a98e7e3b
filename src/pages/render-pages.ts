// Stage 6: the site's pages, rendered from the Nunjucks templates into memory.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import nunjucks from 'nunjucks';
import { readBadge } from '../content/site-badge.ts';
import type { Issue } from '../model/issue.ts';
import type { IssuePdf, SiteOutput } from '../model/output.ts';
import type { Site } from '../model/site.ts';
import { badgeSitePath, siteIdentity } from '../model/site-identity.ts';
import { chineseDate, chineseNumber, padName } from '../text/chinese.ts';
import { keepNumbersWhole } from '../text/keep-numbers.ts';
import { wordBreaks } from '../text/word-breaks.ts';
import { archiveView, missingInYears } from './archive-view.ts';
import { nameFilterErrors, TemplateError } from './template-errors.ts';

export interface YearView {
  year: number;
  issues: Issue[];
  issuesNewestFirst: Issue[];
  firstTotal: number;
  lastTotal: number;
  /** The 期号 missing in the year ("第5、6期"), if any. */
  missing?: string;
}

const RECENT_ISSUES = 10;
const FEED_ISSUES = 20;

interface PageMeta {
  title: string;
  description: string;
  /** issue, year, archive, home, search, not-found, or a file that is not a page (feed, sitemap, robots) */
  kind: string;
}

/** "2019/09/index.html" → "../../": links are relative, so the site works under any path. */
export function rootFrom(page: string): string {
  const depth = page.split('/').length - 1;
  return depth === 0 ? './' : '../'.repeat(depth);
}

function groupByYear(issues: Issue[], missing = missingInYears(issues)): YearView[] {
  const years = new Map<number, Issue[]>();
  for (const issue of issues) years.set(issue.year, [...(years.get(issue.year) ?? []), issue]);
  return [...years.entries()]
    .sort(([a], [b]) => b - a)
    .map(([year, list]) => ({
      year,
      issues: list,
      issuesNewestFirst: [...list].reverse(),
      firstTotal: list[0]!.total,
      lastTotal: list.at(-1)!.total,
      missing: missing.get(year),
    }));
}

function createEnvironment(templatesDir: string): nunjucks.Environment {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(templatesDir, { noCache: false }), {
    autoescape: true,
    throwOnUndefined: false,
    trimBlocks: true,
    lstripBlocks: true,
  });
  env.addFilter('chineseDate', chineseDate);
  env.addFilter('chineseNumber', chineseNumber);
  env.addFilter('padName', padName);
  // Titles break between words only: <wbr> where they may, with word-break: keep-all in the styles.
  env.addFilter('wordBreaks', (text: string) => new nunjucks.runtime.SafeString(wordBreaks(String(text ?? ''))));
  env.addFilter('keepNumbers', (text: string) => new nunjucks.runtime.SafeString(keepNumbersWhole(String(text ?? ''))));
  nameFilterErrors(env);
  return env;
}

/**
 * Compiles every template before any page is rendered, so that a syntax error, even in a partial,
 * is reported at its own file and line: nunjucks throws an included template's error later, from
 * its own queue, where no try can catch it.
 */
async function compileTemplates(env: nunjucks.Environment, templatesDir: string, projectDir: string): Promise<void> {
  const names = (await readdir(templatesDir, { recursive: true })).filter((name) => name.endsWith('.njk')).sort();
  for (const name of names) {
    try {
      env.getTemplate(name.split(path.sep).join('/'), true);
    } catch (error) {
      throw TemplateError.from(error, templatesDir, projectDir);
    }
  }
}

/** Every file under dir, as output paths under prefix (dotfiles such as .htaccess included). */
async function readFolder(dir: string, prefix: string): Promise<SiteOutput> {
  const files: SiteOutput = new Map();
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const names = entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
  for (const name of names.sort()) files.set(`${prefix}${name}`, await readFile(path.join(dir, name)));
  return files;
}

/**
 * templates/assets/ (styles, scripts, icons) goes to assets/; templates/static/, if there is one,
 * to the site's root as it is: files a host wants beside the pages (.htaccess, a verification file).
 */
async function readAssets(templatesDir: string): Promise<SiteOutput> {
  return new Map([...(await readFolder(path.join(templatesDir, 'static'), '')), ...(await readFolder(path.join(templatesDir, 'assets'), 'assets/'))]);
}

/** The columns that published articles use: those of site.yml in its order, then any other. */
function columnsOf(issues: Issue[], site: Site): string[] {
  const used = new Set(issues.flatMap((issue) => issue.articles.map((article) => article.column)));
  return [...site.columns.filter((c) => used.has(c)), ...[...used].filter((c) => !site.columns.includes(c)).sort()];
}

const shortHash = (content: string | Uint8Array) => createHash('sha256').update(content).digest('hex').slice(0, 10);

export interface RenderInput {
  site: Site;
  /** Published issues, oldest first. */
  issues: Issue[];
  templatesDir: string;
  /** The project folder, to name templates in messages. */
  projectDir: string;
  /** Issue path (2019/09/) → its PDF, for the issues that have one: their pages link it. */
  pdfs?: ReadonlyMap<string, IssuePdf>;
  /** Render only the pages this accepts (the dev server re-renders what a change affects); all by default. */
  only?: (outputPath: string) => boolean;
}

/**
 * The site's files, one at a time as each is rendered (the assets first), so that the caller
 * writes each before the next is made and the site is never held in memory whole.
 */
export async function* renderPages({
  site,
  issues,
  templatesDir,
  projectDir,
  pdfs,
  only,
}: RenderInput): AsyncGenerator<[path: string, content: string | Uint8Array]> {
  const env = createEnvironment(templatesDir);
  await compileTemplates(env, templatesDir, projectDir);
  const assets = await readAssets(templatesDir);
  if (site.badge) {
    // Read as checked when site.yml was loaded (content/site-badge.ts); changed since, it is not published.
    const badge = readBadge(projectDir, site.badge);
    if (!badge.ok) throw new Error(`${site.badge}: ${badge.why || 'missing'}`);
    assets.set(badgeSitePath(site.badge), badge.bytes);
  }
  yield* assets;
  const years = groupByYear(issues);
  const latest = issues.at(-1);
  const basePath = new URL(site.baseUrl).pathname;
  const identity = siteIdentity(site);

  function* render(outputPath: string, template: string, page: PageMeta, data: object, root = rootFrom(outputPath)): Generator<[string, string]> {
    if (only && !only(outputPath)) return;
    const asset = (name: string) => `${root}${name}?v=${shortHash(assets.get(name) ?? '')}`;
    const canonical = outputPath.endsWith('.html') && page.kind !== 'not-found' ? site.baseUrl + outputPath.replace(/index\.html$/, '') : undefined;
    try {
      // An issue page is given what a change that re-renders it alone may change (affected-pages.ts):
      // itself, its neighbours, the site, the latest year; not the list of years and their issues.
      const listing = page.kind === 'issue' ? {} : { years };
      yield [outputPath, env.render(template, { site, identity, page: { ...page, canonical }, root, asset, ...listing, latestYear: latest?.year, ...data })];
    } catch (error) {
      throw TemplateError.from(error, templatesDir, projectDir, outputPath);
    }
  }

  for (const [i, issue] of issues.entries()) {
    const previous = issues[i - 1];
    const next = issues[i + 1];
    yield* render(
      `${issue.path}index.html`,
      'issue.njk',
      {
        title: `${site.title} ${issue.year}年第${issue.number}期（总第${issue.total}期）`,
        description: `${site.title}${issue.year}年第${issue.number}期：${issue.articles.map((a) => a.label).join('；')}`,
        kind: 'issue',
      },
      { issue, previous, next, pdf: pdfs?.get(issue.path) },
    );
  }
  for (const year of years) {
    yield* render(
      `${year.year}/index.html`,
      'year.njk',
      {
        title: `${site.title} · ${year.year}年各期`,
        description: `${site.title}${year.year}年共${year.issues.length}期`,
        kind: 'year',
      },
      { year },
    );
  }
  yield* render(
    'archive/index.html',
    'archive.njk',
    {
      title: `往期总目录 · ${site.title}`,
      description: `${site.title}全部 ${issues.length} 期的目录，按年份排列`,
      kind: 'archive',
    },
    { archive: archiveView(issues, columnsOf(issues, site)) },
  );
  yield* render(
    'index.html',
    'home.njk',
    {
      title: site.title,
      description: `${site.title}：${site.publisher}编印的工作简报，共 ${issues.length} 期`,
      kind: 'home',
    },
    { latest, recent: [...issues].reverse().slice(1, RECENT_ISSUES + 1) },
  );
  yield* render(
    'search/index.html',
    'search.njk',
    {
      title: `搜索往期 · ${site.title}`,
      description: `在${site.title}的全部 ${issues.length} 期中搜索`,
      kind: 'search',
    },
    { columns: columnsOf(issues, site) },
  );
  // Feeds and files for search engines: absolute addresses, from baseUrl.
  const data = { latest, issues, feedIssues: [...issues].reverse().slice(0, FEED_ISSUES) };
  yield* render('feed.xml', 'feed.njk', { title: site.title, description: '', kind: 'feed' }, data);
  yield* render('sitemap.xml', 'sitemap.njk', { title: site.title, description: '', kind: 'sitemap' }, data);
  yield* render('robots.txt', 'robots.njk', { title: site.title, description: '', kind: 'robots' }, data);
  yield* render('404.html', '404.njk', { title: `找不到页面 · ${site.title}`, description: '找不到页面', kind: 'not-found' }, {}, basePath);
}
