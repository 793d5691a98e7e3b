// Keeps a page from making the reader's browser contact another host. Every address an element
// keeps after sanitising is read as a browser reads it (browser-url.ts), against the page's own
// address under baseUrl, and its origin compared with the page's:
// - what the browser loads by itself (an image's src, each srcset entry, a poster) must be on the
//   page's origin, or the address is removed;
// - a link (href, cite) may lead to another site when it says so (https://…, //host, mailto:),
//   but one that looks like an address on this site and leads elsewhere (/\evil.example), or
//   that is not a web or mail address at all, is removed.
// The page is judged as served from every place it may be: over https and over http (an
// intranet copy, the preview), and from a mirror under another host name. "http:evil.example"
// is a path on an http page and another host on an https one; "https://<the site>/x.png" loads
// the production host from a mirror. An address kept must read the same way from all of them.
// Each removal is a warning at its line. Style attributes, whose url() would load too, never pass
// the sanitising schema (bulletin-schema.ts). Each address kept that stays on the site is noted with
// its place (file.data.localAddresses): whether the site has the file it names is known only when
// the site is planned, so it is checked then (pipeline/archive.ts checkAddresses), outside the cache.
import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { CONTENT } from '../../messages/catalogue.ts';
import { type Point, report } from '../../messages.ts';
import type { LocalAddress } from '../rendered-file.ts';
import { looksAbsolute, resolveAsBrowser, srcsetAddresses } from './browser-url.ts';
import { eachElement } from './each-node.ts';

declare module 'vfile' {
  interface DataMap {
    /** The address of the page being rendered, under the site's baseUrl. */
    pageUrl: string;
    /** The addresses kept that stay on the site, with their places, of every article rendered so far. */
    localAddresses: LocalAddress[];
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

/** A host name no site has (RFC 2606): the page as a mirror serves it. */
const MIRROR_HOST = 'mirror.invalid';

/** The page as each place that may serve it: the https and http sites, and a mirror of each. */
export function servedAs(page: URL): URL[] {
  return ['https:', 'http:'].flatMap((protocol) => [page.host, MIRROR_HOST].map((host) => new URL(`${protocol}//${host}${page.pathname}${page.search}`)));
}

/** How the browser reads the address from each place the page is served from, and whether it stays there. */
function readings(address: string, pages: URL[]): { url: URL | undefined; home: boolean }[] {
  return pages.map((page) => {
    const url = resolveAsBrowser(address, page);
    return { url, home: url?.origin === page.origin };
  });
}

/** Why a browser showing the page would leave the site for this address, or undefined when it would not. */
function loadedElsewhere(address: string, pages: URL[]): Problem {
  const read = readings(address, pages);
  if (read.every((r) => r.home)) return undefined;
  const away = read.find((r) => !r.home)?.url;
  const shown = away && !looksAbsolute(address) ? away.href : undefined;
  return (file, place) => report(file, CONTENT.externalResource, { address, read: shown }, place);
}

function followedElsewhere(address: string, pages: URL[]): Problem {
  const read = readings(address, pages);
  if (read.every((r) => r.home)) return undefined;
  const url = read[0]!.url;
  if (!url || !LINK_PROTOCOLS.has(url.protocol)) return (file, place) => report(file, CONTENT.linkNotAddress, { address }, place);
  // A link that says where it leads, and leads there from every place (//host takes the page's scheme).
  const where = (u: URL | undefined) => u && `${u.protocol === 'mailto:' ? u.href : ''}${u.host}${u.pathname}${u.search}`;
  if (looksAbsolute(address) && read.every((r) => where(r.url) === where(url))) return undefined;
  const away = read.find((r) => !r.home)!.url!;
  return (file, place) => report(file, CONTENT.linkElsewhere, { address, read: away.href }, place);
}

/** An address as the editor wrote it: Markdown's addresses come percent-encoded (现场照片.png as %E7%8E%B0…). */
function asWritten(address: string): string {
  try {
    return decodeURI(address);
  } catch {
    return address;
  }
}

function check(node: Element, properties: string[], problemOf: (address: string, pages: URL[]) => Problem, page: URL[], file: VFile) {
  const kind = properties === LOADED ? 'image' : 'link';
  for (const property of properties) {
    const kept: LocalAddress[] = [];
    for (const address of addressesOf(property, node.properties[property])) {
      const found = problemOf(address, page);
      if (found === undefined) {
        // Only an address that stays on the site wherever the page is served from names a file of it:
        // a link the editor meant to another site (https://www.npc.gov.cn/…) is not looked for here.
        if (readings(address, page).every((reading) => reading.home)) {
          const { pathname } = resolveAsBrowser(address, page[0]!)!;
          const { line = 1, column = 1 } = node.position?.start ?? {};
          kept.push({ address: asWritten(address), pathname, kind, line, column });
        }
        continue;
      }
      delete node.properties[property];
      found(file, node.position?.start);
      kept.length = 0;
      break;
    }
    file.data.localAddresses = [...(file.data.localAddresses ?? []), ...kept];
  }
}

export default function rehypeLocalResources() {
  return (tree: Root, file: VFile) => {
    const page = servedAs(new URL(file.data.pageUrl!));
    eachElement(tree, (node) => {
      check(node, LOADED, loadedElsewhere, page, file);
      check(node, FOLLOWED, followedElsewhere, page, file);
    });
  };
}
