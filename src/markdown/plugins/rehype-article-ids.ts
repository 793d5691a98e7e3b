// Ids inside an article, unique on its issue page. Each heading of the article's own levels
// (h3–h6) gets an id under the article's (article-1-s1, article-1-s2, …), so that a search hit
// can link to its section. Every other id in the article (footnotes: user-content-fn-1, or an
// editor's own) is put under the article's id too, with the links and references to it.
import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { eachElement } from './each-node.ts';

declare module 'vfile' {
  interface DataMap {
    /** The id of the article being rendered, e.g. article-1. */
    articleId: string;
  }
}

function namespace(node: Element, prefix: string): void {
  const { properties } = node;
  const under = (id: string) => `${prefix}-${id}`;
  if (typeof properties.id === 'string') properties.id = under(properties.id);
  if (typeof properties.href === 'string' && properties.href.startsWith('#')) {
    properties.href = `#${under(properties.href.slice(1))}`;
  }
  for (const reference of ['ariaDescribedBy', 'ariaLabelledBy'] as const) {
    const ids = properties[reference];
    if (Array.isArray(ids)) properties[reference] = ids.map((id) => under(String(id)));
  }
}

export default function rehypeArticleIds() {
  return (tree: Root, file: VFile) => {
    const prefix = file.data.articleId;
    if (!prefix) return;
    let section = 0;
    eachElement(tree, (node) => {
      namespace(node, prefix);
      if (/^h[3-6]$/.test(node.tagName)) node.properties.id = `${prefix}-s${++section}`;
    });
  };
}
