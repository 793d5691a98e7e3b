// The 报头 of a past issue: 刊名, pinyin, 第N期, (总第N期), 编印单位 and the date,
// one or more to a line, at the top of the document.

import { IMPORT_NOTES } from '../messages/import.ts';
import type { Site } from '../model/site.ts';
import { CHINESE_NUMERALS, readNumber } from '../text/chinese.ts';
import type { Block } from './blocks.ts';
import { compact, type Note, readDate } from './text-tools.ts';

export interface Masthead {
  issue?: number;
  total?: number;
  date?: string;
  publisher?: string;
  /** Where the body starts. */
  end: number;
  /** The first lines read as the masthead (or, when none was, the document's first lines), to quote when an item is missing. */
  read: string[];
}

type Item = Partial<Omit<Masthead, 'end'>> & { known?: true };

const N = `[\\d${CHINESE_NUMERALS}]+`;
const NUMBER_LINE = new RegExp(`^(?:\\d{4}年)?第(${N})期(?:[(\uFF08]?总第(${N})期[)\uFF09]?)?$`);
const TOTAL_LINE = new RegExp(`^[(\uFF08]?总第(${N})期[)\uFF09]?$`);

/** What one piece of a masthead line is, if it is a masthead item. */
function readPiece(piece: string, site: Site): Item | undefined {
  const text = compact(piece);
  if (text === compact(site.title)) return { known: true };
  if (/^[A-Za-z]+$/.test(text)) return { known: true };
  const number = NUMBER_LINE.exec(text);
  if (number) return { issue: readNumber(number[1]!), total: number[2] ? readNumber(number[2]) : undefined };
  const total = TOTAL_LINE.exec(text);
  if (total) return { total: readNumber(total[1]!) };
  const date = readDate(text);
  if (date) return { date };
  if (text.length > 2 && text.endsWith('编') && !/[，。,.：:]/.test(text)) return { publisher: text.slice(0, -1) };
  return undefined;
}

/**
 * Where a masthead line splits into items: a tab (Word's tab stop before the date), two or more
 * spaces, a full-width space, or a table cell (Word's cells are read apart by a tab).
 */
const ITEM_GAP = /\t+|\s{2,}|\u3000+/;

/** The items of a line, when every piece of it (split at wide spaces, tabs or cells) is one. */
function readLine(block: Block, site: Site): Item | undefined {
  if (block.kind !== 'paragraph' && block.kind !== 'heading' && block.kind !== 'table') return undefined;
  const pieces = block.text.split(ITEM_GAP).filter((p) => p.trim() !== '');
  const items = pieces.map((p) => readPiece(p, site));
  if (pieces.length === 0 || items.some((i) => i === undefined)) return undefined;
  return Object.assign({}, ...items) as Item;
}

const LOOKAHEAD = 3;
/** Lines quoted in the message when an item of the masthead is missing. */
const QUOTED = 5;

export function readMasthead(blocks: readonly Block[], site: Site, warnings: Note[]): Masthead {
  const masthead: Masthead = { end: 0, read: [] };
  let i = 0;
  while (i < blocks.length) {
    const item = readLine(blocks[i]!, site);
    if (item) {
      for (const [key, value] of Object.entries(item)) {
        if (key !== 'known' && value !== undefined) (masthead as unknown as Record<string, unknown>)[key] = value;
      }
      i++;
      continue;
    }
    const moreToCome = !masthead.date && blocks.slice(i + 1, i + 1 + LOOKAHEAD).some((b) => readLine(b, site));
    if (!moreToCome) break;
    warnings.push({ line: blocks[i]!.line, message: IMPORT_NOTES.unknownMasthead(blocks[i]!.text) });
    i++;
  }
  masthead.end = i;
  masthead.read = blocks
    .slice(0, Math.max(i, QUOTED))
    .slice(0, QUOTED)
    .map((b) => b.text.replace(/\s+/g, ' ').trim());
  return masthead;
}
