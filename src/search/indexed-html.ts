// What the indexer reads of an article's body, made from its hast tree when the article is rendered
// (markdown/render-markdown.ts), not picked out of its HTML afterwards. Two changes to the tree:
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
import { HAN } from '../text/han.ts';

const BETWEEN_HAN = new RegExp(`(?<=[${HAN}])(?=[${HAN}])`, 'gu');
export const ZERO_WIDTH_SPACE = '\u200B';

/** The blocks an excerpt must not join to the next one. */
const BLOCKS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'li', 'dt', 'dd', 'td', 'th', 'caption', 'figcaption', 'blockquote']);

/** A plain text with a zero-width space between adjacent Han characters. */
export const separateHan = (text: string): string => text.replace(BETWEEN_HAN, ZERO_WIDTH_SPACE);

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
