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
import { reportWarning } from '../../messages.ts';
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

/** Why a browser showing `page` would leave the site for this address, or undefined when it would not. */
function loadedElsewhere(address: string, page: URL): string | undefined {
  const url = resolveAsBrowser(address, page);
  if (url?.origin === page.origin) return undefined;
  const read = url && !looksAbsolute(address) ? `（浏览器会把它读作 ${url.href}）` : '';
  return `图片等内容的地址 ${address}${read} 指向其他网站，读者打开本期时会连到外网，内网也打不开：已从页面中删去。请把图片存到本站，用站内地址`;
}

function followedElsewhere(address: string, page: URL): string | undefined {
  const url = resolveAsBrowser(address, page);
  if (url?.origin === page.origin) return undefined;
  if (!url || !LINK_PROTOCOLS.has(url.protocol)) {
    return `链接地址 ${address} 不是网址或邮件地址：已从页面中删去。请写 https:// 开头的完整网址，或本站的相对地址`;
  }
  if (looksAbsolute(address)) return undefined;
  return `链接地址 ${address} 看起来是本站的地址，浏览器却会把它读作其他网站的 ${url.href}：已从页面中删去。请写本站的相对地址，或写完整的 https:// 网址`;
}

function check(node: Element, properties: string[], problem: (address: string, page: URL) => string | undefined, page: URL, file: VFile, rule: string) {
  for (const property of properties) {
    for (const address of addressesOf(property, node.properties[property])) {
      const reason = problem(address, page);
      if (reason === undefined) continue;
      delete node.properties[property];
      reportWarning(file, reason, rule, node.position?.start);
      break;
    }
  }
}

export default function rehypeLocalResources() {
  return (tree: Root, file: VFile) => {
    const page = new URL(file.data.pageUrl!);
    visit(tree, 'element', (node) => {
      check(node, LOADED, loadedElsewhere, page, file, 'external-resource');
      check(node, FOLLOWED, followedElsewhere, page, file, 'external-link');
    });
  };
}
