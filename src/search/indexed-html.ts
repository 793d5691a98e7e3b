// What the indexer reads of an article's body, made from its hast tree, not picked out of its HTML
// with patterns. Made when the article is rendered (markdown/render-markdown.ts), and kept beside
// the article in memory, not in it: stored in the build's cache it would double the entries every
// build reads (17 → 39 MB at 1000 issues, half a second more for a build after one edit). An
// article read from the cache has its HTML parsed into a tree again when its part of the index is
// made anew (about 1 ms an article). Two changes to the tree:
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
import type { Element, ElementContent, Root, RootContent, Text } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import type { Article } from '../model/issue.ts';
import { HAN } from '../text/han.ts';

/** A Han character followed by another (not a lookbehind: five times slower on Chinese text). */
const HAN_BEFORE_HAN = new RegExp(`([${HAN}])(?=[${HAN}])`, 'gu');
export const ZERO_WIDTH_SPACE = '\u200B';

/** The blocks an excerpt must not join to the next one. */
const BLOCKS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'li', 'dt', 'dd', 'td', 'th', 'caption', 'figcaption', 'blockquote']);

/** A plain text with a zero-width space between adjacent Han characters. */
export const separateHan = (text: string): string => text.replace(HAN_BEFORE_HAN, `$1${ZERO_WIDTH_SPACE}`);

function forIndex<T extends RootContent | ElementContent>(node: T): T {
  if (node.type === 'text') return { ...node, value: separateHan(node.value) } as Text as T;
  if (node.type !== 'element') return node;
  const children = node.children.map(forIndex);
  if (BLOCKS.has(node.tagName)) children.push({ type: 'text', value: ' ' });
  return { ...node, children } as Element as T;
}

/** A copy of an article's tree as the indexer reads it: Han characters apart, every block ended by a space. */
export function treeForIndex(tree: Root): Root {
  return { ...tree, children: tree.children.map(forIndex) };
}

const toHtml = unified().use(rehypeStringify).freeze();

/** The body as the indexer reads it, of an article rendered into this tree. */
export const indexedHtmlOf = (tree: Root): string => toHtml.stringify(treeForIndex(tree));

/** The body as the indexer reads it, of each article rendered or read: made once. */
const indexedBodies = new WeakMap<Article, string>();

/** Keeps an article's body as the indexer reads it, made when it was rendered. */
export function keepIndexedHtml(article: Article, html: string): void {
  indexedBodies.set(article, html);
}

/** An article's body as the indexer reads it: as kept, or made from its HTML parsed again. */
export function indexedHtml(article: Article): string {
  let html = indexedBodies.get(article);
  if (html === undefined) {
    html = indexedHtmlOf(fromHtml(article.html, { fragment: true }));
    indexedBodies.set(article, html);
  }
  return html;
}

/** The bodies kept for these articles, to send with them from a worker thread. */
export const keptIndexedHtml = (articles: readonly Article[]): (string | undefined)[] => articles.map((a) => indexedBodies.get(a));
