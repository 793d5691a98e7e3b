// What the next issue is: 期号 counts on within a year and restarts at 1 in a new one,
// 总期号 counts on for ever, and 送 and 责任编辑 are carried over from the latest issue.

import type { SourceIssue } from '../content/parse-issue.ts';
import { issueFileName } from '../content/resolve-issue.ts';
import { NEW_COMMAND } from '../messages/commands.ts';
import { chineseDate, yearOf } from '../text/chinese.ts';

export interface NextIssue {
  year: number;
  issue: number;
  total: number;
  date: string;
  /** content/<year>/<NN>.md */
  path: string;
  distribution: string[];
  /** Those of the latest issue, when it names its own. */
  editors?: string[];
  /** The issue the numbers and lists were taken from; none in an empty archive. */
  latest?: SourceIssue;
  /**
   * The issues of the same date already there (the last npm run new's, when it was run twice):
   * the new one is still made, with the next numbers, since two issues may come out on one day.
   */
  sameDate: SourceIssue[];
}

export type Plan = { ok: true; next: NextIssue } | { ok: false; problem: string };

const byPublication = (a: SourceIssue, b: SourceIssue) => a.meta.date.localeCompare(b.meta.date) || a.meta.total - b.meta.total;

export function planNextIssue(sources: readonly SourceIssue[], date: string): Plan {
  const year = yearOf(date);
  const latest = [...sources].sort(byPublication).at(-1);
  if (latest && date < latest.meta.date) {
    return {
      ok: false,
      problem: NEW_COMMAND.beforeLatest(chineseDate(date), latest.file.path, chineseDate(latest.meta.date)),
    };
  }
  const sameYear = sources.filter((s) => yearOf(s.meta.date) === year);
  const issue = Math.max(0, ...sameYear.map((s) => s.meta.issue)) + 1;
  const total = Math.max(0, ...sources.map((s) => s.meta.total)) + 1;
  return {
    ok: true,
    next: {
      year,
      issue,
      total,
      date,
      path: `content/${year}/${issueFileName(issue)}.md`,
      distribution: latest?.meta.distribution ?? [],
      editors: latest?.meta.editors,
      latest,
      sameDate: sources.filter((s) => s.meta.date === date).sort(byPublication),
    },
  };
}
