// What the indexer reads of an article's body, made from its HTML as the page has it (written by
// hast-util-to-html, so that every '<' of a text is escaped and every attribute value is in double
// quotes: between its tags is text). Made when the article is rendered (markdown/render-markdown.ts),
// and kept beside the article in memory, not in it: stored in the build's cache it would double the
// entries every build reads (17 → 39 MB at 1000 issues, half a second more for a build after one
// edit). Two changes to the texts:
//
// - Chinese text is indexed a character a word: a zero-width space stands between adjacent Han
//   characters of a text. Pagefind's own segmenter cuts the same phrase differently by its context
//   (益阳/市代表/工作室 but 湘西市/代表/工作室), so a quoted search for 代表工作室 missed most pages
//   holding it; on single characters, a quoted search finds exactly the pages holding the phrase.
//   The search page spaces the reader's query the same way (search-core.js). The zero-width space
//   is invisible in excerpts.
// - Excerpts read like the page: Pagefind joins a block that ends without punctuation (a heading,
//   the byline) to the next with ". ", so every block ends with a space instead, which the search
//   page shows as an ideographic space.
import type { Article } from '../model/issue.ts';
import { HAN } from '../text/han.ts';

/** A Han character followed by another (not a lookbehind: five times slower on Chinese text). */
const HAN_BEFORE_HAN = new RegExp(`([${HAN}])(?=[${HAN}])`, 'gu');
export const ZERO_WIDTH_SPACE = '\u200B';

/** The ends of the blocks an excerpt must not join to the next one. */
const BLOCK_ENDS = new Set(
  ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'li', 'dt', 'dd', 'td', 'th', 'caption', 'figcaption', 'blockquote'].map((name) => `</${name}>`),
);

/** A plain text with a zero-width space between adjacent Han characters. */
export const separateHan = (text: string): string => text.replace(HAN_BEFORE_HAN, `$1${ZERO_WIDTH_SPACE}`);

/**
 * A tag as the page's HTML is written (hast-util-to-html): attribute values in double quotes. The
 * page keeps no comment, script or style (markdown/plugins/bulletin-schema.ts), whose text could
 * hold a quote or a '<' (tested).
 */
const TAG = /<(?:[^>"]|"[^"]*")*>/g;

/**
 * The body as the indexer reads it, made from the article's HTML as written: its texts with Han
 * characters apart, and a space before the end of each block. The HTML is not parsed: between its
 * tags is text, and no attribute is touched. (Made from the article's tree before, it was the same
 * for every article of a generated archive of 1000 issues, at twice the cost, and an article read
 * from the cache was parsed again, 1 ms an article. Where the page's schema drops a tag and leaves
 * its text beside another, 重<u>建</u>, the tree had two texts, not spaced apart, and the
 * article read from the cache one: now both are spaced.)
 */
export function indexedHtmlFromHtml(html: string): string {
  let out = '';
  let last = 0;
  for (const { 0: tag, index } of html.matchAll(TAG)) {
    out += separateHan(html.slice(last, index));
    if (BLOCK_ENDS.has(tag)) out += ' ';
    out += tag;
    last = index + tag.length;
  }
  return out + separateHan(html.slice(last));
}

/** The body as the indexer reads it, of each article rendered or read: made once. */
const indexedBodies = new WeakMap<Article, string>();

/** Keeps an article's body as the indexer reads it, made when it was rendered. */
export function keepIndexedHtml(article: Article, html: string): void {
  indexedBodies.set(article, html);
}

/** An article's body as the indexer reads it: as kept, or made from its HTML. */
export function indexedHtml(article: Article): string {
  let html = indexedBodies.get(article);
  if (html === undefined) {
    html = indexedHtmlFromHtml(article.html);
    indexedBodies.set(article, html);
  }
  return html;
}

/** The bodies kept for these articles, to send with them from a worker thread. */
export const keptIndexedHtml = (articles: readonly Article[]): (string | undefined)[] => articles.map((a) => indexedBodies.get(a));
