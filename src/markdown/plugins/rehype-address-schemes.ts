// Before sanitising: the scheme of each address read as a browser reads it. The sanitiser compares
// schemes as written, so it would drop "HTTPS://example.org/" and "MAILTO:" (which a browser
// follows) and "javascript:" or "ftp:" without a word. Here a scheme a browser reads in another
// case is written in lower case, and an address of any scheme a page may not hold is removed with
// a warning at its line. What is kept is then judged by rehype-local-resources.
import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { CONTENT, HARDENED } from '../../messages/catalogue.ts';
import { report } from '../../messages.ts';
import { eachElement } from './each-node.ts';

/** The schemes the sanitising schema keeps, by property: links, and what a browser loads. */
const KEPT: Record<string, readonly string[]> = {
  href: ['http', 'https', 'mailto'],
  cite: ['http', 'https'],
  longDesc: ['http', 'https'],
  src: ['http', 'https'],
};

/** The scheme of an address as the URL parser reads it (tabs and newlines dropped, leading spaces trimmed), and where it ends. */
function schemeOf(address: string): { scheme: string; rest: string } | undefined {
  const read = address.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');
  const match = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(read);
  return match ? { scheme: match[1]!, rest: read.slice(match[0].length) } : undefined;
}

export default function rehypeAddressSchemes() {
  return (tree: Root, file: VFile) => {
    eachElement(tree, (node: Element) => {
      for (const [property, schemes] of Object.entries(KEPT)) {
        const value = node.properties[property];
        if (typeof value !== 'string') continue;
        const found = schemeOf(value);
        if (!found) continue;
        const scheme = found.scheme.toLowerCase();
        if (schemes.includes(scheme)) {
          node.properties[property] = `${scheme}:${found.rest}`;
          continue;
        }
        delete node.properties[property];
        const place = node.position?.start;
        if (property === 'src') report(file, CONTENT.externalResource, { address: value }, place);
        else report(file, HARDENED.linkScheme, { address: value, scheme: `${found.scheme}:` }, place);
      }
    });
  };
}
