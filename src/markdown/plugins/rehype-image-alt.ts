// Every image has a text alternative: an <img> without alt (written as HTML in an issue, or
// Markdown's ![](图.png) with nothing in the brackets) is invalid or unreadable to a screen reader.
// The editor is told at its line what to write; the page gets alt="", which marks the image as
// decoration, so that the page stays valid and a screen reader skips it rather than reading its
// file name.
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { reportWarning } from '../../messages.ts';

export default function rehypeImageAlt() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'img') return;
      const alt = node.properties.alt;
      if (typeof alt === 'string' && alt.trim() !== '') return;
      node.properties.alt = '';
      reportWarning(
        file,
        `图片${node.properties.src ? ` ${String(node.properties.src)} ` : ''}没有说明文字：读屏软件的读者不知道图上是什么。请写明图片内容，如 ![代表在联络站接待群众](图片.jpg) 或 <img src="图片.jpg" alt="代表在联络站接待群众">`,
        'image-alt',
        node.position?.start,
      );
    });
  };
}
