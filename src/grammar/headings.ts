// The heading levels of a bulletin, recognised by their numbering as the print sets them:
//   一、 (level 1, 黑体)  （一） (level 2, 楷体)  1. (level 3)  （1） (level 4)
// A numbered paragraph is either a heading on its own ("一、基本情况") or a paragraph whose
// opening sentence is its heading, run in ("（一）主要领导率先垂范。各地坚持抓好……").
// The renderer sets them (markdown/plugins/remark-bulletin-headings.ts); the importer keeps them as
// they are and only needs to know them, so as not to take one for a title, a byline or the
// second half of a sentence broken by a page end (import/body.ts).

const NUMERALS = '一二三四五六七八九十百';

/** The numbering of each level, at the start of a paragraph; half- or full-width brackets and stops. */
const NUMBERING: readonly RegExp[] = [
  new RegExp(`^[${NUMERALS}]+、`),
  new RegExp(`^[(\uFF08][${NUMERALS}]+[)\uFF09]`),
  /^\d{1,2}[.\uFF0E](?!\d)/,
  /^[(\uFF08]\d{1,2}[)\uFF09]/,
];

/** The longest numbered paragraph that may be a heading on its own, in characters. */
export const MAX_HEADING_LENGTH = 40;

/** A run-in heading ends at the first full stop within this many characters, else after its number. */
export const MAX_RUN_IN_LENGTH = 60;

/** Inside a heading there is no sentence break; a full stop at its end is allowed. */
const SENTENCE_BREAK = /[。;\uFF1B]/;
const FINAL_STOP = /[。.\uFF0E]$/;

/** Where a run-in heading's sentence ends. */
const RUN_IN_END = /[。!\uFF01?\uFF1F]/;

/** 1–4 for a paragraph that opens with a heading number ("（二）保障措施"), else undefined. */
export function headingLevel(text: string): number | undefined {
  const index = NUMBERING.findIndex((pattern) => pattern.test(text));
  return index < 0 ? undefined : index + 1;
}

/**
 * A numbered paragraph that is a heading on its own: at most MAX_HEADING_LENGTH characters,
 * without a sentence break inside.
 *
 * Decided once, for every level: a "一、" paragraph that goes on past its first sentence
 * ("一、加强领导。各地要……") is a run-in heading like the other levels, not a heading as a whole.
 * (The renderer used to take any short "一、" paragraph for a heading; the importer did not.)
 * The editor guide describes the run-in form by "（一）", and in print a heading on its own
 * holds no sentence break at any level.
 */
export function isStandaloneHeading(text: string): boolean {
  if (headingLevel(text) === undefined || [...text].length > MAX_HEADING_LENGTH) return false;
  return !SENTENCE_BREAK.test(text.replace(FINAL_STOP, ''));
}

/**
 * Where the run-in heading of a numbered paragraph ends, as an index into text: after its first
 * sentence when that ends within MAX_RUN_IN_LENGTH characters, else after its number.
 */
export function runInHeadingEnd(text: string): number {
  const stop = text.search(RUN_IN_END);
  if (stop >= 0 && stop < MAX_RUN_IN_LENGTH) return stop + 1;
  const level = headingLevel(text);
  return level === undefined ? 0 : NUMBERING[level - 1]!.exec(text)![0].length;
}
