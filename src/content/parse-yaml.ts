// YAML with positions: the data, and where each value stands in the file,
// so that every later message can point at the editor's line.

import type { VFile } from 'vfile';
import { type Document, isMap, isNode, LineCounter, type Node, parseDocument, visit, type YAMLError } from 'yaml';
import { MAX_YAML_ALIASES } from '../limits.ts';
import { CONTENT } from '../messages/catalogue.ts';
import { COLON_IN_VALUE, YAML_PROBLEMS } from '../messages/reading.ts';
import { type Point, report } from '../messages.ts';
import { removeFromValue } from '../text/xml-characters.ts';

export interface ParsedYaml {
  data: unknown;
  /** Where the value at a key path stands; the document's start when it is absent. */
  placeOf(path: readonly PropertyKey[]): Point;
  /** Where a key itself stands. */
  keyPlaceOf(key: string): Point | undefined;
}

/** What the editor is told of a parser's error. */
const problemOf = (error: YAMLError) => YAML_PROBLEMS[error.code as keyof typeof YAML_PROBLEMS] ?? YAML_PROBLEMS.other;

/** A key, then a value that holds ": " itself: the value, split. */
const COLON_IN_VALUE_LINE = /^(\s*(?:-\s+)?[^\s:#][^:#]*:\s+)(\S[^#]*?):\s+(.*)$/;

/** A parser's error at its line, said as the editor is told it; a colon in a value, with the line mended. */
function reportYamlError(file: VFile, error: YAMLError, line: string, place: Point): void {
  const colon = error.code === 'BLOCK_AS_IMPLICIT_KEY' ? COLON_IN_VALUE_LINE.exec(line) : null;
  if (colon) report(file, COLON_IN_VALUE, { line: `${colon[1]}${colon[2]}\uFF1A${colon[3]}`.trim() }, place);
  else report(file, problemOf(error), undefined, place);
}

/**
 * Parses YAML text that starts at `firstLine` of `file`. Syntax errors are
 * reported on the file with their real line; the result is undefined then.
 */
export function parseYaml(file: VFile, text: string, firstLine = 1): ParsedYaml | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number): Point => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line + firstLine - 1, column: pos.col };
  };
  if (doc.errors.length > 0) {
    // One message a line: the parser's later errors on a line mostly follow from its first.
    const lines = new Set<number>();
    for (const error of doc.errors) {
      const place = at(error.pos[0]);
      if (!lines.has(place.line)) reportYamlError(file, error, text.split('\n')[place.line - firstLine] ?? '', place);
      lines.add(place.line);
    }
    return undefined;
  }
  cleanScalars(file, doc, at);
  const data = toData(file, doc, at);
  if (data === TOO_MANY_ALIASES) return undefined;
  const start = at(doc.contents?.range[0] ?? 0);
  const nodeAt = (path: readonly PropertyKey[]): Node | undefined => {
    const node = doc.getIn(path as unknown[], true);
    return isNode(node) ? node : undefined;
  };
  return {
    data,
    placeOf(path) {
      for (let depth = path.length; depth > 0; depth--) {
        const node = nodeAt(path.slice(0, depth));
        if (node?.range) return at(node.range[0]);
      }
      return start;
    },
    keyPlaceOf(key) {
      if (!isMap(doc.contents)) return undefined;
      const pair = doc.contents.items.find((item) => isNode(item.key) && (item.key as { value?: unknown }).value === key);
      const keyNode = pair?.key;
      return isNode(keyNode) && keyNode.range ? at(keyNode.range[0]) : undefined;
    },
  };
}

/** Strings made by escapes ("\f", "\uFFFF") may hold characters XML forbids: removed, with a warning. */
function cleanScalars(file: VFile, doc: Document, at: (offset: number) => Point): void {
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value === 'string') node.value = removeFromValue(file, node.value, node.range ? at(node.range[0]) : undefined);
    },
  });
}

const TOO_MANY_ALIASES = Symbol('too many aliases');

/**
 * The document's data. An alias bomb (a few lines that expand to millions of values) or an alias
 * without its anchor is an error at the first alias, not an exception.
 */
function toData(file: VFile, doc: Document, at: (offset: number) => Point): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    let first: number | undefined;
    visit(doc, {
      Alias(_, node) {
        first ??= node.range?.[0];
      },
    });
    report(file, CONTENT.yamlAliases, { limit: MAX_YAML_ALIASES }, first === undefined ? undefined : at(first));
    return TOO_MANY_ALIASES;
  }
}

export function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
