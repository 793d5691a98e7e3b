// Chinese numerals and dates as the printed bulletin sets them.
import nzh from 'nzh/cn';

/** 583 → 五百八十三 (the 总期号 line of the masthead). */
export function chineseNumber(n: number): string {
  return nzh.encodeS(n);
}

/** "2019-04-29" → 2019年4月29日 */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** "2019-04-29" → 4月29日: a date within its year's list */
export function chineseMonthDay(iso: string): string {
  const [, m, d] = iso.split('-').map(Number);
  return `${m}月${d}日`;
}

/** 1, 2, 3, 5, 7, 8 → [1, 3], [5, 5], [7, 7], [8, 8]: three or more numbers in a row make a range ("第1—3期"). */
export function numberRuns(numbers: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const n of [...new Set(numbers)].sort((a, b) => a - b)) {
    const last = runs.at(-1);
    if (last && n === last[1] + 1) last[1] = n;
    else runs.push([n, n]);
  }
  return runs.flatMap(([a, b]): [number, number][] =>
    b - a === 1
      ? [
          [a, a],
          [b, b],
        ]
      : [[a, b]],
  );
}

/** Two-character names are padded to the width of three (石韧 → 石　韧), as in print. */
export function padName(name: string): string {
  const chars = [...name];
  return chars.length === 2 ? `${chars[0]}\u3000${chars[1]}` : name;
}

/** "2019-04-29" → 2019 */
export function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}

/** True when the string is a real calendar date written YYYY-MM-DD. */
export function isCalendarDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export const CHINESE_NUMERALS = '〇零一二三四五六七八九十百千两';

/** 583, "583" or 五百八十三 → 583. */
export function readNumber(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  if (!new RegExp(`^[${CHINESE_NUMERALS}]+$`).test(text)) return undefined;
  const n = Number(nzh.decodeS(text.replace(/两/g, '二')));
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/**
 * A whole number as an editor may have typed it where a number belongs: full-width digits (１０),
 * with its 第 and 期 (第10期), or in Chinese numerals (五百八十四); undefined for anything else.
 */
export function meantNumber(written: unknown): number | undefined {
  if (typeof written !== 'string') return undefined;
  const bare = /^第?\s*(\S+?)\s*期?$/.exec(written.normalize('NFKC').trim())?.[1];
  return bare === undefined ? undefined : readNumber(bare);
}

/** Without any space, half- or full-width: how printed items are compared. */
export const compact = (text: string) => text.replace(/[\s\u3000]+/g, '');

const YEAR_DIGITS = '〇一二三四五六七八九';

/** 二〇一九 → 2019: years are read digit by digit. */
function readYear(text: string): number | undefined {
  if (/^\d{4}$/.test(text)) return Number(text);
  const digits = [...text.replace(/零/g, '〇')].map((c) => YEAR_DIGITS.indexOf(c));
  return digits.length === 4 && digits.every((d) => d >= 0) ? Number(digits.join('')) : undefined;
}

const DATE = new RegExp(`^([\\d${CHINESE_NUMERALS}]{4})年([\\d${CHINESE_NUMERALS}]{1,3})月([\\d${CHINESE_NUMERALS}]{1,3})日$`);

/** 2019.4.29, 2019-04-29, 2019/4/29, 2019．4．29, 2019－4－29: the date as some mastheads print it in digits. */
const NUMERIC_DATE = /^(\d{4})[.\-/\uFF0D\uFF0E\uFF0F](\d{1,2})[.\-/\uFF0D\uFF0E\uFF0F](\d{1,2})$/;

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

/** A date as an editor may have typed it in the settings (readDate's forms), as YYYY-MM-DD when it is a real day. */
export function meantDate(written: string): string | undefined {
  const iso = readDate(written);
  return iso && isCalendarDate(iso) ? iso : undefined;
}

/** Today in China, where the bulletin is dated, YYYY-MM-DD. */
export function todayInChina(now = Date.now()): string {
  return new Date(now + 8 * 3600_000).toISOString().slice(0, 10);
}
