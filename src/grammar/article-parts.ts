// The parts of an article around its text, as the print sets them and the editor guide
// asks them to be written:
//
//   # 【调研报告】关于……的调研报告        title, its column in 【】
//   省人大常委会联工委调研组              byline
//   （2019年4月15日）                     article date
//   ……
//   （调研组人员：符乔荫 段成钢）          closing line
//
//   # 快讯                                an untitled item of a column, printed run in: "快讯：……"
//
// The renderer reads them from Markdown (markdown/split-articles.ts), the importer from text
// extracted from print or from Word (import/body.ts); both read them here, so that an imported
// issue renders as the printed one reads. Full- and half-width brackets, colons and the spaces
// that extraction from print leaves inside them are all accepted: editors type both, and the
// renderer sets half-width punctuation full-width beside Chinese text anyway.
import { headingLevel } from './headings.ts';

export interface ColumnAndTitle {
  /** The column named; '' for an empty 【】. */
  column: string;
  /** null for an untitled item of the column ("# 快讯", "# 【快讯】"). */
  title: string | null;
}

const COLUMN_MARK = /^【([^】]*)】\s*(.*)$/s;

/**
 * The column that an article's title names: "【调研报告】关于……" → 调研报告 and its title;
 * "快讯" or "【快讯】" alone → an untitled item of that column. Undefined when the title names
 * no column (the article goes to the site's default column).
 *
 * Decided once: an empty 【】 ("【】关于……") is a column mark that names no column, returned as
 * column ''. The renderer warns and uses the default column; the importer leaves the 【】 out.
 * (The renderer used to take '' for the column's name, the importer to keep "【】" in the title.)
 * 【】 is how the guide says a column is written, and a printed title never holds one.
 */
export function parseColumnTitle(text: string, columns: readonly string[]): ColumnAndTitle | undefined {
  const marked = COLUMN_MARK.exec(text.trim());
  if (marked) return { column: marked[1]!.trim(), title: marked[2]!.trim() || null };
  return columns.includes(text.trim()) ? { column: text.trim(), title: null } : undefined;
}

/** "快讯" → "快讯：", how an untitled item of a column opens in print and on the page. */
export function columnLabel(column: string): string {
  return `${column}\uFF1A`;
}

const RUN_IN_COLUMN = /^([^\s:\uFF1A]+)\s*[:\uFF1A]\s*(.*)$/s;

/** "快讯：3月11日，……" → the column and the item's text, when it opens with a column's label. */
export function parseRunInColumn(text: string, columns: readonly string[]): { column: string; text: string } | undefined {
  const m = RUN_IN_COLUMN.exec(text.trim());
  return m && columns.includes(m[1]!) ? { column: m[1]!, text: m[2]! } : undefined;
}

const OPEN = '[(\uFF08]';
const CLOSE = '[)\uFF09]';
const OPENS_BRACKET = new RegExp(`^${OPEN}`);
const ARTICLE_DATE = new RegExp(`^${OPEN}\\s*(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日\\s*${CLOSE}$`);

/**
 * "（2019年4月15日）", "(2019 年 4 月 15 日)" → 2019-04-15: an article's date, in brackets.
 * The date is not checked against the calendar: "（2019年2月30日）" gives 2019-02-30, for the
 * caller to report (isCalendarDate), since the line is meant as a date all the same.
 */
export function parseArticleDate(text: string): string | undefined {
  const m = ARTICLE_DATE.exec(text.trim());
  if (!m) return undefined;
  return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
}

const CLOSING_LINE = new RegExp(`^${OPEN}[^()\uFF08\uFF09]+[:\uFF1A][^()\uFF08\uFF09]+${CLOSE}$`);

/** "（调研组人员：符乔荫 段成钢）": in brackets, with a colon. It ends an article: its last paragraph. */
export function isClosingLine(text: string): boolean {
  return CLOSING_LINE.test(text.trim());
}

/** The longest byline, in characters. */
export const MAX_BYLINE_LENGTH = 40;

/** Marks that a sentence has and a byline has not. */
const SENTENCE_MARKS = /[。,\uFF0C;\uFF1B:\uFF1A!\uFF01?\uFF1F、]/;

/**
 * A byline: one short line naming who wrote the article ("省人大常委会联工委调研组"), right
 * under the title. Not a sentence (no punctuation), not a numbered heading, and not in brackets:
 * a bracketed line is a date or a note. (Only the last is new: a malformed date such as
 * "（2019年4月15）" was taken for a byline by both sides.)
 */
export function isByline(text: string): boolean {
  const line = text.trim();
  return (
    line !== '' &&
    [...line].length <= MAX_BYLINE_LENGTH &&
    !line.includes('\n') &&
    !SENTENCE_MARKS.test(line) &&
    !OPENS_BRACKET.test(line) &&
    headingLevel(line) === undefined
  );
}
