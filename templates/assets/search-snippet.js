// A search hit's snippet, set like a sentence of the page: Pagefind's excerpt is a window of
// words (here a character a word) cut anywhere, with every matched character marked. The
// snippet starts and ends between words or at punctuation, shows "……" where the text goes on,
// and marks the reader's words whole: the query's words in a hit holding them, runs of two
// characters or more of them in a hit holding only parts (never 桥 of 人行桥 alone).
import { spaced } from './search-core.js';

/**
 * Made by prepareSnippets while a search waits for the index, or at the first snippet, never when
 * the page loads: making it loads ICU's dictionary of Chinese words, a long task on a slow phone.
 */
let segmenter;

/** Makes what snippets need ahead of time: called while the first search waits for the network. */
export function prepareSnippets() {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
}

/** Punctuation that ends a clause, and that a snippet may start after or end on. */
const _CLAUSE_END = /[，。；：、！？]/u;
/** Punctuation that ends a sentence: a snippet ending on it needs no ellipsis. */
const SENTENCE_END = /[。！？]/u;
/** How far into the excerpt a snippet looks for punctuation to start after or end on. */
const REACH = 10;

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" };

/** Text as it reads: Pagefind's marks, entities and zero-width spaces gone, spaces single. */
export function plainText(html) {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, name) => ENTITIES[name])
    .replace(/\u200B/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function escapeHtml(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const singleHan = (segment) => segment !== undefined && [...segment].length === 1 && /\p{Script=Han}/u.test(segment);

/**
 * Offsets from 0 to length at which a word starts, for a text standing at `at` in whole. ICU cuts
 * words it does not know into single characters (灌/区): a start beside one is not trusted, as in
 * src/text/word-breaks.ts.
 */
function wordStarts(whole, at, length) {
  prepareSnippets();
  const segments = [...segmenter.segment(whole)];
  return segments
    .filter(({ segment }, i) => !singleHan(segment) && !singleHan(segments[i - 1]?.segment))
    .map(({ index }) => index - at)
    .filter((offset) => offset >= 0 && offset <= length);
}

/** Where a clause or a block may start in text: after clause-ending punctuation, or after the space between blocks. */
function clauseStarts(text) {
  return [...text.matchAll(/[，。；：、！？\s]/gu)].map((match) => match.index + 1);
}

/** Where a clause or a block may end in text: after clause-ending punctuation, or before the space between blocks. */
function clauseEnds(text) {
  return [...text.matchAll(/[，。；：、！？]|\s/gu)].map((match) => match.index + (/\s/u.test(match[0]) ? 0 : 1));
}

/**
 * The excerpt, trimmed where it was cut inside a sentence: after punctuation or a block's end near
 * its start, or else at its first whole word; at punctuation or a block's end near its end, or else
 * after its last whole word. Where it then starts or ends a sentence or a block, no ellipsis.
 * @param {string} excerptHtml Pagefind's excerpt
 * @param {string} content the whole text of the hit, to know where the excerpt was cut
 * @returns {{ text: string, before: boolean, after: boolean }} the text, and whether it is cut inside a sentence before and after
 */
export function trimExcerpt(excerptHtml, content) {
  const text = plainText(excerptHtml);
  const whole = plainText(content);
  const found = whole.indexOf(text);
  // Where the excerpt starts a sentence or a block (a heading), or ends one, it is whole there.
  const startsWhole = found === 0 || (found > 0 && /[。！？\s]/u.test(whole[found - 1]));
  const endsWhole = found >= 0 && (found + text.length === whole.length || /\s/u.test(whole[found + text.length]) || SENTENCE_END.test(text.at(-1)));
  // Words are read in the text around the excerpt, so that a word cut at its edge is seen as cut.
  const from = Math.max(0, found - REACH);
  const starts = found < 0 ? wordStarts(text, 0, text.length) : wordStarts(whole.slice(from, found + text.length + REACH), found - from, text.length);
  const near = (offset, edge) => Math.abs(offset - edge) <= REACH;
  const start = startsWhole ? 0 : (clauseStarts(text).find((o) => near(o, 0)) ?? starts.find((o) => near(o, 0)) ?? 0);
  const later = (o) => o > start && near(o, text.length);
  const end = endsWhole ? text.length : (clauseEnds(text).filter(later).at(-1) ?? starts.filter(later).at(-1) ?? text.length);
  const trimmed = text.slice(start, end).trim();
  return {
    // Blocks (a heading, the byline) are joined by a space in the index: an ideographic space between Chinese.
    text: trimmed.replace(/(?<=[^\x00-\x7f]) (?=[^\x00-\x7f])/g, '\u3000'),
    before: !startsWhole && !/[。！？\s]/u.test(text[start - 1] ?? ''),
    after: !endsWhole && !SENTENCE_END.test(trimmed.at(-1) ?? '') && !/\s/u.test(text[end] ?? ''),
  };
}

/** Every place where one of the strings stands in text, as [start, end), overlapping ones merged. */
function rangesOf(text, strings) {
  const lower = (s) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
  const haystack = lower(text);
  const ranges = [];
  for (const string of new Set(strings.map(lower))) {
    for (let i = haystack.indexOf(string); string && i >= 0; i = haystack.indexOf(string, i + 1)) ranges.push([i, i + string.length]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

/** The runs of a word that a hit may share with it: its pieces in a row, two characters or more. */
function runsOf(word) {
  const pieces = spaced(word).split(' ');
  const runs = [];
  for (let i = 0; i < pieces.length; i++) {
    for (let j = i + 1; j <= pieces.length; j++) {
      const run = pieces.slice(i, j).join('');
      if ([...run].length >= 2) runs.push(run);
    }
  }
  return runs;
}

/**
 * What to mark in a snippet, as [start, end) ranges of its text: the query's words in an exact
 * hit; in another, the runs of two characters or more of them that it holds.
 */
export function marks(text, words, exact) {
  return rangesOf(text, exact ? words : words.flatMap(runsOf));
}

/** The snippet as HTML: escaped text, <mark> around the ranges, …… where the text goes on. */
export function snippetHtml({ text, before, after }, ranges) {
  let html = '';
  let from = 0;
  for (const [start, end] of ranges) {
    html += `${escapeHtml(text.slice(from, start))}<mark>${escapeHtml(text.slice(start, end))}</mark>`;
    from = end;
  }
  html += escapeHtml(text.slice(from));
  const ending = after ? html.replace(/[，；：、]$/u, '') : html;
  return `${before ? '……' : ''}${ending}${after ? '……' : ''}`;
}
