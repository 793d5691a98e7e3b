// Every page of the site as what it is made of: its output path, its template and the data the
// template is given, whole. Nothing is rendered here; the plan (pipeline/plan.ts) keys each page
// on exactly this data, and the renderer (render-pages.ts) renders exactly this data, so that a
// page can show nothing its key does not cover.

import type { Issue } from '../model/issue.ts';
import type { IssuePdf } from '../model/output.ts';
import { issuePage, SITE_PAGES, yearPage } from '../model/output.ts';
import type { Site } from '../model/site.ts';
import { type SiteIdentity, siteIdentity } from '../model/site-identity.ts';
import { archiveView, missingInYears } from './archive-view.ts';

export interface YearView {
  year: number;
  issues: Issue[];
  issuesNewestFirst: Issue[];
  firstTotal: number;
  lastTotal: number;
  /** The 期号 missing in the year ("第5、6期"), if any. */
  missing?: string;
}

/** What the pages that list the years show of each (the years' navigation, the sitemap). */
export interface YearSummary {
  year: number;
  /** How many issues it has. */
  count: number;
  /** The date of its latest issue. */
  latestDate: string;
}

export interface PageMeta {
  title: string;
  description: string;
  /** issue, year, archive, home, search, not-found, or a file that is not a page (feed, sitemap, robots) */
  kind: string;
  /** The page's address for search engines, for the pages that have one. */
  canonical?: string;
}

/** A page of the site before it is rendered. */
export interface PageSource {
  /** Output path: 2019/09/index.html */
  path: string;
  template: string;
  /** What the template is given besides root and asset(): the site, the page's meta, its own data. */
  data: Record<string, unknown>;
  /** The root of the site as links from this page write it ("../../"); the 404 page's is the base path. */
  root: string;
}

export interface SiteInput {
  site: Site;
  /** Published issues, oldest first. */
  issues: Issue[];
  /** Issue path (2019/09/) → its PDF, for the issues that have one: their pages link it. */
  pdfs?: ReadonlyMap<string, IssuePdf>;
}

const RECENT_ISSUES = 10;
const FEED_ISSUES = 20;

/** "2019/09/index.html" → "../../": links are relative, so the site works under any path. */
export function rootFrom(page: string): string {
  const depth = page.split('/').length - 1;
  return depth === 0 ? './' : '../'.repeat(depth);
}

function groupByYear(issues: Issue[]): YearView[] {
  const missing = missingInYears(issues);
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

/** The columns that published articles use: those of site.yml in its order, then any other. */
function columnsOf(issues: Issue[], site: Site): string[] {
  const used = new Set(issues.flatMap((issue) => issue.articles.map((article) => article.column)));
  return [...site.columns.filter((c) => used.has(c)), ...[...used].filter((c) => !site.columns.includes(c)).sort()];
}

export interface PageList {
  pages: PageSource[];
  /** The values many pages are given (the issues, the years): keyed once (plan.ts). */
  shared: object[];
}

/**
 * The identity of each site.yml as read, and each issue's page as last listed with what it was
 * made from: an issue page whose values are the very objects they were (issues and the site are
 * never changed once made) is the same page, and the plan keys it once (plan.ts).
 */
const identities = new WeakMap<Site, SiteIdentity>();
const issuePages = new WeakMap<Issue, { made: readonly unknown[]; page: PageSource }>();

const sameValues = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((value, i) => value === b[i]);

/** An issue's page as last listed, when made of the very same values; else made anew. */
function issuePageOf(issue: Issue, values: readonly unknown[], make: () => PageSource): PageSource {
  const listed = issuePages.get(issue);
  if (listed && sameValues(listed.made, values)) return listed.page;
  const page = make();
  issuePages.set(issue, { made: values, page });
  return page;
}

type PageOf = (path: string, template: string, page: PageMeta, data: object) => PageSource;

/** An issue's page: itself, its neighbours and its PDF. */
function issuePageSource(
  site: Site,
  issue: Issue,
  previous: Issue | undefined,
  next: Issue | undefined,
  pdf: IssuePdf | undefined,
  pageOf: PageOf,
): PageSource {
  const title = `${site.title} ${issue.year}年第${issue.number}期（总第${issue.total}期）`;
  const description = `${site.title}${issue.year}年第${issue.number}期：${issue.articles.map((a) => a.label).join('；')}`;
  return pageOf(issuePage(issue.path), 'issue.njk', { title, description, kind: 'issue' }, { issue, previous, next, pdf });
}

/** Every page of the site, in the order they are rendered: issues, years, then the others. */
export function listPages({ site, issues, pdfs }: SiteInput): PageList {
  const years = groupByYear(issues);
  const summaries: YearSummary[] = years.map((y) => ({ year: y.year, count: y.issues.length, latestDate: y.issuesNewestFirst[0]!.date }));
  const latest = issues.at(-1);
  const identity = identities.get(site) ?? siteIdentity(site);
  identities.set(site, identity);
  const pages: PageSource[] = [];
  const pageOf = (path: string, template: string, page: PageMeta, data: object, root = rootFrom(path)): PageSource => {
    const canonical = path.endsWith('.html') && page.kind !== 'not-found' ? site.baseUrl + path.replace(/index\.html$/, '') : undefined;
    // An issue page is given itself and its neighbours; the others what they show of each year as well.
    const listing = page.kind === 'issue' ? {} : { years: summaries };
    return { path, template, root, data: { site, identity, page: { ...page, canonical }, ...listing, latestYear: latest?.year, ...data } };
  };
  const add = (...args: Parameters<typeof pageOf>) => pages.push(pageOf(...args));
  for (const [i, issue] of issues.entries()) {
    const [previous, next, pdf] = [issues[i - 1], issues[i + 1], pdfs?.get(issue.path)];
    const values = [site, identity, latest?.year, previous, next, pdf];
    pages.push(issuePageOf(issue, values, () => issuePageSource(site, issue, previous, next, pdf, pageOf)));
  }
  for (const year of years) {
    const title = `${site.title} · ${year.year}年各期`;
    add(yearPage(year.year), 'year.njk', { title, description: `${site.title}${year.year}年共${year.issues.length}期`, kind: 'year' }, { year });
  }
  const columns = columnsOf(issues, site);
  const count = issues.length;
  add(
    SITE_PAGES.archive,
    'archive.njk',
    { title: `往期总目录 · ${site.title}`, description: `${site.title}全部 ${count} 期的目录，按年份排列`, kind: 'archive' },
    { archive: archiveView(issues, columns) },
  );
  const home = { title: site.title, description: `${site.title}：${site.publisher}编印的工作简报，共 ${count} 期`, kind: 'home' };
  add(SITE_PAGES.home, 'home.njk', home, { latest, recent: [...issues].reverse().slice(1, RECENT_ISSUES + 1) });
  const search = { title: `搜索往期 · ${site.title}`, description: `在${site.title}的全部 ${count} 期中搜索`, kind: 'search' };
  add(SITE_PAGES.search, 'search.njk', search, { columns });
  // Feeds and files for search engines: absolute addresses, from baseUrl.
  add(SITE_PAGES.feed, 'feed.njk', { title: site.title, description: '', kind: 'feed' }, { latest, feedIssues: [...issues].reverse().slice(0, FEED_ISSUES) });
  add(SITE_PAGES.sitemap, 'sitemap.njk', { title: site.title, description: '', kind: 'sitemap' }, { latest, issues });
  add(SITE_PAGES.robots, 'robots.njk', { title: site.title, description: '', kind: 'robots' }, {});
  const notFound = { title: `找不到页面 · ${site.title}`, description: '找不到页面', kind: 'not-found' };
  add(SITE_PAGES.notFound, '404.njk', notFound, {}, new URL(site.baseUrl).pathname);
  return { pages, shared: [site, identity, issues, summaries] };
}
