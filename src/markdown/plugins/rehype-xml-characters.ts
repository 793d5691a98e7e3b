// HTML written in an issue can make, with a character reference (&#1;, &#12;), a character that
// XML forbids, which the Markdown parser never makes; it is removed from text and attribute
// values alike, with a warning at its line (text/xml-characters.ts).
import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { removeFromValue } from '../../text/xml-characters.ts';
import { eachNode } from './each-node.ts';

export default function rehypeXmlCharacters() {
  return (tree: Root, file: VFile) => {
    eachNode(tree, (node) => {
      const place = node.position?.start;
      if (node.type === 'text') node.value = removeFromValue(file, node.value, place);
      if (node.type !== 'element') return;
      for (const [name, value] of Object.entries(node.properties)) {
        if (typeof value === 'string') node.properties[name] = removeFromValue(file, value, place);
        else if (Array.isArray(value)) node.properties[name] = value.map((v) => (typeof v === 'string' ? removeFromValue(file, v, place) : v));
      }
    });
  };
}
