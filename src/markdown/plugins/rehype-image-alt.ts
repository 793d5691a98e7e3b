// Every image has a text alternative: an <img> without alt (written as HTML in an issue, or
// Markdown's ![](图.png) with nothing in the brackets) is invalid or unreadable to a screen reader.
// The editor is told at its line what to write; the page gets alt="", which marks the image as
// decoration, so that the page stays valid and a screen reader skips it rather than reading its
// file name.
import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { CONTENT } from '../../messages/catalogue.ts';
import { report } from '../../messages.ts';
import { eachElement } from './each-node.ts';

export default function rehypeImageAlt() {
  return (tree: Root, file: VFile) => {
    eachElement(tree, (node) => {
      if (node.tagName !== 'img') return;
      const alt = node.properties.alt;
      if (typeof alt === 'string' && alt.trim() !== '') return;
      node.properties.alt = '';
      report(file, CONTENT.imageAlt, { src: node.properties.src ? String(node.properties.src) : undefined }, node.position?.start);
    });
  };
}
