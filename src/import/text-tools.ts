// Small readings of printed text shared by the importer's recognisers.

import { CHINESE_NUMERALS, readNumber } from '../text/chinese.ts';
import { CHINESE_PUNCTUATION, HAN } from '../text/han.ts';

export interface Note {
  /** Line of a text file, or paragraph of a Word document. */
  line: number;
  message: string;
}

/** Without any space, half- or full-width: how printed items are compared. */
export const compact = (text: string) => text.replace(/[\s\u3000]+/g, '');

const SPACE_IN_CHINESE = new RegExp(`(?<=[${HAN}${CHINESE_PUNCTUATION}])\\s+(?=[${HAN}${CHINESE_PUNCTUATION}])`, 'gu');

/** Spaces the print layout left inside Chinese text (a title broken over lines) go; others stay. */
export const closeUpHan = (text: string) => text.replace(SPACE_IN_CHINESE, '');

const YEAR_DIGITS = '〇一二三四五六七八九';

/** 二〇一九 → 2019: years are read digit by digit. */
function readYear(text: string): number | undefined {
  if (/^\d{4}$/.test(text)) return Number(text);
  const digits = [...text.replace(/零/g, '〇')].map((c) => YEAR_DIGITS.indexOf(c));
  return digits.length === 4 && digits.every((d) => d >= 0) ? Number(digits.join('')) : undefined;
}

const DATE = new RegExp(`^([\\d${CHINESE_NUMERALS}]{4})年([\\d${CHINESE_NUMERALS}]{1,3})月([\\d${CHINESE_NUMERALS}]{1,3})日$`);

/** 2019.4.29, 2019-04-29, 2019/4/29, 2019．4．29: the date as some mastheads print it in digits. */
const NUMERIC_DATE = /^(\d{4})[.\-/\uFF0E\uFF0F](\d{1,2})[.\-/\uFF0E\uFF0F](\d{1,2})$/;

/**
 * "2019 年 4 月 29 日", 二〇一九年四月二十九日, 2019年4月29日 in full-width digits or 2019.4.29
 * → 2019-04-29 (not checked against the calendar).
 */
export function readDate(text: string): string | undefined {
  const plain = compact(text).replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  const numeric = NUMERIC_DATE.exec(plain);
  if (numeric) return `${numeric[1]}-${numeric[2]!.padStart(2, '0')}-${numeric[3]!.padStart(2, '0')}`;
  const m = DATE.exec(plain);
  if (!m) return undefined;
  const [year, month, day] = [readYear(m[1]!), readNumber(m[2]!), readNumber(m[3]!)];
  if (!year || !month || !day) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Ends a sentence: a full stop, question, exclamation, semicolon or colon, maybe inside closing quotes or brackets. */
export function endsSentence(text: string): boolean {
  return /[。！？!?；;：:…](?:[”’」』)）\]】]*)$/.test(text.trim());
}

export const length = (text: string) => [...text].length;
