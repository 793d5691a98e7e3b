// A text as a terminal line shows it: what would break the line or hide what it says is shown as
// an escape. Used by every message printed (report.ts, failure.ts).

/**
 * Characters that would break a message's line or hide what it says, shown as escapes: control
 * characters (a newline in a file name), line and paragraph separators, bidirectional overrides.
 */
const UNPRINTABLE = /[\p{Cc}\u2028\u2029\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;
const ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}
