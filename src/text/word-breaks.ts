// Where a Chinese line may break: between words, as an editor breaks a title, never inside
// 代表小组, 干部 or a date. Words come from ICU's dictionary (Intl.Segmenter, in Node and in
// browsers alike); pages mark the breaks with <wbr> and set titles with `word-break: keep-all`,
// so that the browser breaks there and nowhere else.
//
// ICU cuts words it does not know into single characters (调/研, 湘/西, 快/讯) and sometimes cuts
// a suffix off (常委/会, 郴州/市), so a line never breaks beside a one-character word: a few
// breaks are lost, none falls inside a word. Nor before 的, nor after a number (2019年,
// 第三十五次, 4月29日 stay whole). ICU knows words, not the bulletin's terms made of several
// (代表/小组, 代表/联系群众): TERMS lists those, never broken either.
import { escapeHtml } from './html.ts';

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

const LETTER = /[\p{L}\p{N}]/u;
const HAN = /\p{Script=Han}/u;
const NUMBER = /^(?:[\p{N}.]+|第?[〇零一二三四五六七八九十百千万两]+)$/u;
/** Punctuation after which a clipped text may end: a clause is complete there. */
const CLAUSE_END = /[，。；：、！？,;:!?]$/u;
const SENTENCE_END = /[。！？!?]$/u;
/** Where a run of words ends: punctuation or a space. */
const PAUSE_MARKS = '[，。；：、！？,;:!?\\s]';
export const PAUSE = new RegExp(PAUSE_MARKS, 'u');
const PAUSES = new RegExp(PAUSE_MARKS, 'gu');

/** Terms of the bulletin made of several words, which a line never breaks: the house dictionary. */
const TERMS = [
  '人大代表',
  '代表小组',
  '代表之家',
  '代表工作室',
  '代表建议',
  '代表联系群众',
  '联系群众',
  '工作平台',
  '党政领导',
  '领导干部',
  '人大常委会',
  '常委会',
  '联工委',
  '主任会议',
  '民生实事',
];

/** Offsets strictly inside a term, where no break may fall. */
function insideTerms(text: string): Set<number> {
  const inside = new Set<number>();
  for (const term of TERMS) {
    for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
      for (let offset = at + 1; offset < at + term.length; offset++) inside.add(offset);
    }
  }
  return inside;
}

const isSingleHan = (word: string) => [...word].length === 1 && HAN.test(word);

/** Offsets found already: a title is shown on its page, its year page, the home page and the archive. */
const known = new Map<string, number[]>();

/** The offsets (in UTF-16 units) at which text may break between two words. */
export function wordBreakOffsets(text: string): number[] {
  let offsets = known.get(text);
  if (!offsets) {
    offsets = findWordBreaks(text);
    known.set(text, offsets);
  }
  return offsets;
}

function findWordBreaks(text: string): number[] {
  const words = [...segmenter.segment(text)];
  const inside = insideTerms(text);
  const offsets: number[] = [];
  for (let i = 1; i < words.length; i++) {
    const before = words[i - 1]!.segment;
    const after = words[i]!.segment;
    if (!LETTER.test(before.at(-1)!) || !LETTER.test(after[0]!)) continue; // punctuation, spaces: the browser's own rules
    if (NUMBER.test(before) || isSingleHan(before) || isSingleHan(after) || after.startsWith('的') || inside.has(words[i]!.index)) continue;
    offsets.push(words[i]!.index);
  }
  return offsets;
}

/** Text as HTML, escaped, with <wbr> where it may break: 党政<wbr>领导<wbr>干部 */
export function wordBreaks(text: string): string {
  let html = '';
  let from = 0;
  for (const offset of wordBreakOffsets(text)) {
    html += `${escapeHtml(text.slice(from, offset))}<wbr>`;
    from = offset;
  }
  return html + escapeHtml(text.slice(from));
}

/** Text with a zero-width space where it may break, for places that hold text, not HTML (the search index's metadata). */
export function zeroWidthBreaks(text: string): string {
  let out = '';
  let from = 0;
  for (const offset of wordBreakOffsets(text)) {
    out += `${text.slice(from, offset)}\u200B`;
    from = offset;
  }
  return out + text.slice(from);
}

/**
 * The start of a text, at most max characters, cut between words or after punctuation, never
 * inside a word, and ended with an ellipsis (……) when cut; a comma where it is cut gives way
 * to the ellipsis, a full stop stays and needs none.
 */
export function clipText(text: string, max: number): string {
  // Only the start is read: max characters are at most 2 × max UTF-16 units.
  const chars = [...text.slice(0, 4 * max)];
  if (chars.length <= max && text.length <= 4 * max) return text;
  const limit = chars.slice(0, max).join('').length; // in UTF-16 units
  // The words are found in the text up to the punctuation or space after the limit, not in all of
  // it (a 快讯's whole body): the words of a run of text do not depend on what follows its end.
  const end = PAUSE.exec(text.slice(limit))?.index;
  const head = end === undefined ? text : text.slice(0, limit + end + 1);
  const cuts = [...wordBreakOffsets(head), ...[...head.matchAll(PAUSES)].map((m) => m.index + m[0].length)].filter((offset) => offset <= limit && offset > 0);
  const cut = cuts.length > 0 ? Math.max(...cuts) : limit;
  const clipped = text.slice(0, cut).trimEnd();
  if (SENTENCE_END.test(clipped)) return clipped;
  return `${CLAUSE_END.test(clipped) ? clipped.slice(0, -1) : clipped}……`;
}
