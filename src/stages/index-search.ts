// Stage 7: the search index. Each article is indexed on its own, as a small document made
// for the indexer (the page's chrome, masthead and 版记 never reach the index), and its hit
// links to the article's anchor in its issue page. Filters (年份, 栏目), the date to sort by
// and the issue line shown with a hit travel in <meta> tags, which stay out of excerpts.
//
// Chinese text is indexed a character a word: a zero-width space stands between adjacent
// Han characters. Pagefind's own segmenter cuts the same phrase differently by its context
// (益阳/市代表/工作室 but 湘西市/代表/工作室), so a quoted search for 代表工作室 missed most pages
// holding it; on single characters, a quoted search finds exactly the pages holding the phrase.
// The search page spaces the reader's query the same way (search-core.js). The zero-width
// space is invisible in excerpts.
import * as pagefind from 'pagefind';
import { chineseDate } from '../format/chinese.ts';
import type { Article, Issue } from '../model/issue.ts';
import type { SiteOutput } from './render-pages.ts';

/** Where the index and Pagefind's scripts go in the site. */
export const SEARCH_BUNDLE = 'pagefind';

/** Pagefind's own UIs and its highlighter: the site has a search page of its own. */
const UNUSED_FILES = /^pagefind-(ui|modular-ui|component-ui|highlight)\./;

export class SearchIndexError extends Error {}

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const HAN = '\\u3400-\\u9fff\\uf900-\\ufaff';
const BETWEEN_HAN = new RegExp(`(?<=[${HAN}])(?=[${HAN}])`, 'g');
const ZERO_WIDTH_SPACE = '\u200B';

/** Puts a zero-width space between adjacent Han characters in the text of an HTML string. */
export function separateHan(html: string): string {
  return html.replace(/>([^<]+)</g, (_, text: string) => `>${text.replace(BETWEEN_HAN, ZERO_WIDTH_SPACE)}<`);
}

/** The issue line shown with each hit: 第9期 · 总第583期 · 2019年4月29日 */
export function issueLine(issue: Issue): string {
  return `第${issue.number}期 · 总第${issue.total}期 · ${chineseDate(issue.date)}`;
}

/** The document the indexer reads for one article. */
export function articleDocument(issue: Issue, article: Article, hanAsWords = true): string {
  const meta = (attribute: string, name: string, value: string) =>
    `<meta data-pagefind-${attribute}="${name}[content]" content="${escape(value)}">`;
  return [
    '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">',
    `<title>${escape(article.label)}</title>`,
    meta('meta', 'title', article.label),
    meta('meta', 'issue', issueLine(issue)),
    meta('filter', 'year', String(issue.year)),
    meta('filter', 'column', article.column),
    meta('sort', 'date', article.date ?? issue.date),
    '</head>',
    (hanAsWords ? separateHan : (html: string) => html)(
      [
        '<body>',
        // A 快讯 has no title: its text opens with the column's name already.
        article.title ? `<h1>${escape(article.title)}</h1>` : '',
        article.byline ? `<p>${escape(article.byline)}</p>` : '',
        article.html,
        '</body>',
      ].join('\n'),
    ),
    '</html>',
  ].join('\n');
}

/** The URL of an article inside the site, from the site root: /2019/09/#article-1 */
export function articleUrl(issue: Issue, article: Article): string {
  return `/${issue.path}#${article.id}`;
}

/**
 * Indexes every article of the published issues; returns Pagefind's files, to add to the site.
 * hanAsWords: false indexes with Pagefind's own segmentation, for the benchmark's baseline.
 */
export async function indexSearch(issues: Issue[], { hanAsWords = true } = {}): Promise<SiteOutput> {
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new SearchIndexError(errors.join('\n'));
    const added = await Promise.all(
      issues.flatMap((issue) =>
        issue.articles.map((article) => index.addHTMLFile({ url: articleUrl(issue, article), content: articleDocument(issue, article, hanAsWords) })),
      ),
    );
    const addErrors = added.flatMap((result) => result.errors);
    if (addErrors.length > 0) throw new SearchIndexError(addErrors.join('\n'));
    const { files, errors: fileErrors } = await index.getFiles();
    if (fileErrors.length > 0) throw new SearchIndexError(fileErrors.join('\n'));
    return new Map(
      files
        .filter((file) => !UNUSED_FILES.test(file.path))
        .map((file) => [`${SEARCH_BUNDLE}/${file.path}`, file.content]),
    );
  } finally {
    await pagefind.close();
  }
}
