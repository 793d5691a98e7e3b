// Slips of a Chinese input method in a YAML block: a full-width colon (期号：9, date：2019-04-29),
// full-width spaces, the Chinese name of a key, no space after the colon. Each slip is an error that
// shows the line as it should be written; the block is handed on to the YAML parser with the slips
// mended, so that the parser's own messages about the rest still point at the right lines.
import type { VFile } from 'vfile';
import { CONTENT } from '../messages/catalogue.ts';
import { TYPING_SLIPS } from '../messages/parts.ts';
import { report } from '../messages.ts';

const FULL_COLON = '\uFF1A';
const FULL_SPACE = '\u3000';

/** A top-level "key: value" line, with whatever colon and spaces were typed. */
const KEY_LINE = new RegExp(`^([^\\s:#\\-${FULL_COLON}${FULL_SPACE}][^:${FULL_COLON}]*?)([ \\t${FULL_SPACE}]*)([:${FULL_COLON}])([ \\t${FULL_SPACE}]*)(.*)$`);

interface Mended {
  line: string;
  reasons: string[];
  column: number;
}

function mendLine(line: string, keyOf: Map<string, string>, known: Set<string>): Mended | undefined {
  const reasons: string[] = [];
  let column = 0;
  const note = (reason: string, at: number) => {
    reasons.push(reason);
    column = column || at + 1;
  };
  const indent = /^[ \t\u3000]*/.exec(line)![0];
  if (indent.includes(FULL_SPACE)) note(TYPING_SLIPS.fullWidthIndent, 0);
  const rest = line.slice(indent.length);
  const mendedIndent = indent.replaceAll(FULL_SPACE, '  ');
  const m = indent === '' ? KEY_LINE.exec(rest) : null;
  if (!m) return reasons.length ? { line: mendedIndent + rest, reasons, column } : undefined;

  const [, typedKey = '', gap = '', colon, spaceAfter = '', value = ''] = m;
  const englishKey = keyOf.get(typedKey.trim());
  if (!englishKey && !known.has(typedKey)) {
    // Not one of ours: leave it to the parser and the schema (unknown key, did you mean …).
    return reasons.length ? { line: mendedIndent + rest, reasons, column } : undefined;
  }
  if (englishKey) note(TYPING_SLIPS.chineseKey(englishKey, typedKey.trim()), 0);
  const colonAt = typedKey.length + gap.length;
  if (gap !== '') note(TYPING_SLIPS.spaceBeforeColon, typedKey.length);
  if (colon === FULL_COLON) note(TYPING_SLIPS.fullWidthColon, colonAt);
  if (spaceAfter.includes(FULL_SPACE)) note(TYPING_SLIPS.fullWidthSpaceAfterColon, colonAt + 1);
  else if (colon === ':' && spaceAfter === '' && value !== '') note(TYPING_SLIPS.noSpaceAfterColon, colonAt + 1);
  if (reasons.length === 0) return undefined;
  return { line: `${englishKey ?? typedKey}:${value === '' ? '' : ` ${value}`}`, reasons, column };
}

/**
 * Reports each slip on `file` at its line (line 1 of `yaml` is line `firstLine` of the file)
 * and returns the block with the slips mended, line for line.
 */
export function mendTypingSlips(file: VFile, yaml: string, fieldNames: Record<string, string>, firstLine = 1): string {
  const keyOf = new Map(Object.entries(fieldNames).map(([key, name]) => [name, key]));
  const known = new Set(Object.keys(fieldNames));
  return yaml
    .split('\n')
    .map((line, i) => {
      const mended = mendLine(line, keyOf, known);
      if (!mended) return line;
      report(file, CONTENT.typingSlip, { line: mended.line.trim(), reasons: mended.reasons }, { line: firstLine + i, column: mended.column });
      return mended.line;
    })
    .join('\n');
}
