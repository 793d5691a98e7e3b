// Keeps pages from loading anything from another host: an image (or other embedded resource)
// whose address is absolute (https://…, //…) loses that address, and the editor is told where.
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { reportWarning } from '../messages.ts';

const ABSOLUTE = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;
const LOADED = ['src', 'srcSet', 'poster', 'data'];

export default function rehypeLocalResources() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'element', (node) => {
      for (const property of LOADED) {
        const value = node.properties[property];
        if (typeof value !== 'string' || !ABSOLUTE.test(value.trim())) continue;
        delete node.properties[property];
        reportWarning(
          file,
          `图片等内容的地址 ${value} 指向其他网站，读者打开本期时会连到外网，内网也打不开：已从页面中删去。请把图片存到本站，用站内地址`,
          'external-resource',
          node.position?.start,
        );
      }
    });
  };
}
