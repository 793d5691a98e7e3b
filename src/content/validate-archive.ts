// Stage 3: checks that need the whole archive: the file's place agrees with its
// year and 期号, no 期号 repeats in a year, no 总期号 repeats, and 总期号 grows with the date.
import { reportError, reportWarning } from '../messages.ts';
import { chineseDate, todayInChina, yearOf } from '../text/chinese.ts';
import { noteGaps } from './note-gaps.ts';
import type { SourceIssue } from './parse-issue.ts';
import { issueFileName } from './resolve-issue.ts';

function checkPlace(source: SourceIssue): void {
  const { meta, pathYear, pathName, file } = source;
  const dateYear = yearOf(meta.date);
  if (dateYear !== pathYear) {
    reportError(
      file,
      `日期 ${meta.date} 在 ${dateYear} 年，文件却在 content/${pathYear}/ 下：请改正日期，或把文件移到 content/${dateYear}/`,
      'path-mismatch',
      source.placeOf('date'),
    );
  }
  const expected = issueFileName(meta.issue);
  if (pathName !== expected) {
    reportError(file, `期号是 ${meta.issue}，文件名却是 ${pathName}.md：请改正期号，或把文件改名为 ${expected}.md`, 'path-mismatch', source.placeOf('issue'));
  }
}

function checkRepeats(sources: SourceIssue[], keyOf: (s: SourceIssue) => string, report: (s: SourceIssue, first: SourceIssue) => void): void {
  const seen = new Map<string, SourceIssue>();
  for (const source of sources) {
    const key = keyOf(source);
    const first = seen.get(key);
    if (first) report(source, first);
    else seen.set(key, source);
  }
}

function checkTotalOrder(sources: SourceIssue[]): void {
  const byDate = [...sources].sort((a, b) => a.meta.date.localeCompare(b.meta.date) || a.meta.total - b.meta.total);
  for (let i = 1; i < byDate.length; i++) {
    const previous = byDate[i - 1]!;
    const current = byDate[i]!;
    if (current.meta.total < previous.meta.total) {
      reportError(
        current.file,
        `总期号 ${current.meta.total} 比更早一期 ${previous.file.path}（${chineseDate(previous.meta.date)}，总期号 ${previous.meta.total}）还小：总期号应随日期递增，请核对总期号和日期`,
        'total-order',
        current.placeOf('total'),
      );
    }
  }
}

/** Bulletins are dated ahead, so a future date is published, with a word in case it is a slip. */
function checkFutureDate(source: SourceIssue, today: string): void {
  if (source.meta.date <= today || source.meta.draft) return;
  reportWarning(source.file, `日期 ${source.meta.date} 在今天（${today}）之后：这一期照常发布。如果日期写错了，请改正`, 'future-date', source.placeOf('date'));
}

/** The first 总期号 after `total` that no issue uses: what a duplicate most likely should be. */
function nextFreeTotal(sources: SourceIssue[], total: number): number {
  const used = new Set(sources.map((s) => s.meta.total));
  let next = total + 1;
  while (used.has(next)) next += 1;
  return next;
}

export function validateArchive(sources: SourceIssue[]): void {
  sources.forEach(checkPlace);
  const today = todayInChina();
  for (const source of sources) checkFutureDate(source, today);
  checkRepeats(
    sources,
    (s) => `${yearOf(s.meta.date)}/${s.meta.issue}`,
    (s, first) =>
      reportError(
        s.file,
        `${yearOf(s.meta.date)}年第${s.meta.issue}期已由 ${first.file.path} 使用：同一年的期号不能重复`,
        'duplicate-issue',
        s.placeOf('issue'),
      ),
  );
  checkRepeats(
    sources,
    (s) => String(s.meta.total),
    (s, first) =>
      reportError(
        s.file,
        `总期号 ${s.meta.total} 已由 ${first.file.path} 使用（第${first.meta.issue}期，${chineseDate(first.meta.date)}）：总期号不能重复，请核对；下一个未用的总期号是 ${nextFreeTotal(sources, s.meta.total)}`,
        'duplicate-total',
        s.placeOf('total'),
      ),
  );
  checkTotalOrder(sources);
  noteGaps(sources);
}
