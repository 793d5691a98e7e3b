// A number is never broken across lines: 0731—85309270, hnrddt@163.com and 43010202000123 each
// stay on one line, while the text around them wraps as it may (a footer on a phone, in 大字模式).
import { escapeHtml } from './html.ts';

/**
 * A run of characters that holds a digit (or the @ of an address), without spaces, Han characters or Chinese punctuation,
 * with the 号 that ends a record number and the site's number after it (12345678号-1).
 */
const PART = String.raw`[^\s\p{Script=Han}\u3000-\u303F\uFF0C\uFF1A\uFF1B\uFF08\uFF09]*`;
const NUMBER_RUN = new RegExp(String.raw`${PART}[\d@]${PART}(?:号(?:-\d+)?)?`, 'gu');

/** The text as HTML, each number and address in a span that a line never breaks (`.nowrap`). */
export function keepNumbersWhole(text: string): string {
  let html = '';
  let last = 0;
  for (const match of text.matchAll(NUMBER_RUN)) {
    html += `${escapeHtml(text.slice(last, match.index))}<span class="nowrap">${escapeHtml(match[0])}</span>`;
    last = match.index + match[0].length;
  }
  return html + escapeHtml(text.slice(last));
}
