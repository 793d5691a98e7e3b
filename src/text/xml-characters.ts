// Characters that XML 1.0 forbids (its Char production): C0 controls other than tab, LF and CR,
// U+FFFE and U+FFFF, and surrogates that are not part of a pair. One of them in feed.xml or
// sitemap.xml makes the whole file unreadable to every feed reader, so none may reach a page:
// they are removed where the text comes in (the file, a YAML escape, an HTML character
// reference), with a warning at their place. Invisible in an editor, they come with text
// pasted from Word or a web page (a form feed for a page break).

import type { VFile } from 'vfile';
import { CONTENT, HARDENED } from '../messages/catalogue.ts';
import { INVISIBLE_CHARACTERS } from '../messages/parts.ts';
import { type Point, report } from '../messages.ts';

const FORBIDDEN = /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function hasXmlForbidden(text: string): boolean {
  return new RegExp(FORBIDDEN.source).test(text);
}

export function withoutXmlForbidden(text: string): string {
  return text.replace(FORBIDDEN, '');
}

function warn(file: VFile, first: string, count: number, place: Point | undefined, todo: string): void {
  report(file, CONTENT.controlCharacter, { what: INVISIBLE_CHARACTERS.what(first.charCodeAt(0), count), todo }, place);
}

/**
 * The bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): valid XML,
 * but one in a title turns the text after it around ("Trojan Source"), in the page, the feed and
 * the search results. They are removed where the text comes in, like the characters above, with
 * a warning of their own. (The marks U+200E and U+200F change no text's order and are kept.)
 */
const BIDI = /[\u202A-\u202E\u2066-\u2069]/g;

function withoutBidi(file: VFile, text: string, place: (index: number) => Point | undefined, where: string): string {
  const found = [...text.matchAll(BIDI)];
  if (found.length === 0) return text;
  report(file, HARDENED.bidiCharacter, { where }, place(found[0]!.index));
  return text.replace(BIDI, '');
}

/** The file's text without forbidden characters and bidirectional controls, each line that had any warned at its first. */
export function removeFromFile(file: VFile, read: string): string {
  const text = new RegExp(BIDI.source).test(read)
    ? read
        .split('\n')
        .map((line, i) => withoutBidi(file, line, (column) => ({ line: i + 1, column: column + 1 }), INVISIBLE_CHARACTERS.bidiInLine))
        .join('\n')
    : read;
  if (!hasXmlForbidden(text)) return text;
  return text
    .split('\n')
    .map((line, i) => {
      const found = [...line.matchAll(FORBIDDEN)];
      if (found.length > 0) warn(file, found[0]![0], found.length, { line: i + 1, column: found[0]!.index + 1 }, INVISIBLE_CHARACTERS.todoInFile);
      return found.length > 0 ? withoutXmlForbidden(line) : line;
    })
    .join('\n');
}

/** A value that an escape made (YAML "\f", HTML &#1;) without forbidden characters, warned at its place. */
export function removeFromValue(file: VFile, escaped: string, place: Point | undefined): string {
  const value = withoutBidi(file, escaped, () => place, INVISIBLE_CHARACTERS.bidiInEscape);
  const found = [...value.matchAll(FORBIDDEN)];
  if (found.length === 0) return value;
  warn(file, found[0]![0], found.length, place, INVISIBLE_CHARACTERS.todoInEscape);
  return withoutXmlForbidden(value);
}
