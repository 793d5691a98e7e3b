// Gives each heading inside an article an id under the article's own (article-1-s1, article-1-s2, …),
// so that a search hit can link to the section it was found in.
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

declare module 'vfile' {
  interface DataMap {
    /** The id of the article being rendered, e.g. article-1. */
    articleId: string;
  }
}

export default function rehypeSectionIds() {
  return (tree: Root, file: VFile) => {
    const prefix = file.data.articleId;
    if (!prefix) return;
    let n = 0;
    visit(tree, 'element', (node) => {
      if (/^h[1-6]$/.test(node.tagName)) node.properties.id = `${prefix}-s${++n}`;
    });
  };
}
