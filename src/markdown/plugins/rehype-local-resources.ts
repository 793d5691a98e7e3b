// Keeps a page from making the reader's browser contact another host. Every address an element
// keeps after sanitising is read as a browser reads it (browser-url.ts), against the page's own
// address under baseUrl, and its origin compared with the page's:
// - what the browser loads by itself (an image's src, each srcset entry, a poster) must be on the
//   page's origin, or the address is removed;
// - a link (href, cite) may lead to another site when it says so (https://…, //host, mailto:),
//   but one that looks like an address on this site and leads elsewhere (/\evil.example), or
//   that is not a web or mail address at all, is removed.
// Each removal is a warning at its line. Style attributes, whose url() would load too, never pass
// the sanitising schema (bulletin-schema.ts).
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { CONTENT } from '../../messages/catalogue.ts';
import { type Point, report } from '../../messages.ts';
import { looksAbsolute, resolveAsBrowser, srcsetAddresses } from './browser-url.ts';

declare module 'vfile' {
  interface DataMap {
    /** The address of the page being rendered, under the site's baseUrl. */
    pageUrl: string;
  }
}

/** Properties whose addresses a browser loads as soon as the page is shown. */
const LOADED = ['src', 'srcSet', 'poster', 'data', 'background'];
/** Properties whose addresses a browser follows when the reader asks. */
const FOLLOWED = ['href', 'cite', 'longDesc'];
const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

function addressesOf(property: string, value: unknown): string[] {
  const values = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : [];
  return property === 'srcSet' ? values.flatMap(srcsetAddresses) : values;
}

/** A problem with an address: records its message on the file, at the element. */
type Problem = ((file: VFile, place?: Point) => void) | undefined;

/** Why a browser showing `page` would leave the site for this address, or undefined when it would not. */
function loadedElsewhere(address: string, page: URL): Problem {
  const url = resolveAsBrowser(address, page);
  if (url?.origin === page.origin) return undefined;
  const read = url && !looksAbsolute(address) ? url.href : undefined;
  return (file, place) => report(file, CONTENT.externalResource, { address, read }, place);
}

function followedElsewhere(address: string, page: URL): Problem {
  const url = resolveAsBrowser(address, page);
  if (url?.origin === page.origin) return undefined;
  if (!url || !LINK_PROTOCOLS.has(url.protocol)) return (file, place) => report(file, CONTENT.linkNotAddress, { address }, place);
  if (looksAbsolute(address)) return undefined;
  return (file, place) => report(file, CONTENT.linkElsewhere, { address, read: url.href }, place);
}

function check(node: Element, properties: string[], problemOf: (address: string, page: URL) => Problem, page: URL, file: VFile) {
  for (const property of properties) {
    for (const address of addressesOf(property, node.properties[property])) {
      const found = problemOf(address, page);
      if (found === undefined) continue;
      delete node.properties[property];
      found(file, node.position?.start);
      break;
    }
  }
}

export default function rehypeLocalResources() {
  return (tree: Root, file: VFile) => {
    const page = new URL(file.data.pageUrl!);
    visit(tree, 'element', (node) => {
      check(node, LOADED, loadedElsewhere, page, file);
      check(node, FOLLOWED, followedElsewhere, page, file);
    });
  };
}
