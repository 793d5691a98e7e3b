// Stage 3: checks that need the whole archive: the file's place agrees with its
// year and 期号, no 期号 repeats in a year, no 总期号 repeats, and 总期号 grows with the date
// (where they disagree, total-order.ts finds the issue out of place).

import { CONTENT } from '../messages/catalogue.ts';
import { report } from '../messages.ts';
import { chineseDate, todayInChina, yearOf } from '../text/chinese.ts';
import { noteGaps } from './note-gaps.ts';
import type { SourceIssue } from './parse-issue.ts';
import { issueFileName } from './resolve-issue.ts';
import { findOutOfPlace, type Placed } from './total-order.ts';

function checkPlace(source: SourceIssue): void {
  const { meta, pathYear, pathName, file } = source;
  const dateYear = yearOf(meta.date);
  if (dateYear !== pathYear) {
    report(file, CONTENT.dateOutsideYear, { date: meta.date, dateYear, pathYear }, source.placeOf('date'));
  }
  const expected = issueFileName(meta.issue);
  if (pathName !== expected) {
    report(file, CONTENT.issueNotFileName, { issue: meta.issue, name: pathName, expected }, source.placeOf('issue'));
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

/** Where the dates and 总期号 disagree: the issue out of place blamed at its date or 总期号 line (total-order.ts). */
function checkTotalOrder(sources: SourceIssue[]): void {
  const placed = (s: SourceIssue): Placed => ({ total: s.meta.total, date: s.meta.date, issue: s.meta.issue, year: s.pathYear });
  for (const finding of findOutOfPlace(sources, placed)) {
    const { subject, other } = finding;
    const about = { path: other.file.path, otherDate: chineseDate(other.meta.date), otherTotal: other.meta.total };
    if (finding.kind === 'date') {
      const entry = finding.relation === 'before' ? CONTENT.dateBeforeSmaller : CONTENT.dateAfterLarger;
      report(subject.file, entry, { date: chineseDate(subject.meta.date), ...about }, subject.placeOf('date'));
    } else if (finding.kind === 'total') {
      const entry = finding.relation === 'below' ? CONTENT.totalBelowEarlier : CONTENT.totalAboveLater;
      report(subject.file, entry, { total: subject.meta.total, ...about }, subject.placeOf('total'));
    } else {
      const earlier = { path: other.file.path, date: chineseDate(other.meta.date), previousTotal: other.meta.total };
      report(subject.file, CONTENT.totalOrder, { total: subject.meta.total, ownDate: chineseDate(subject.meta.date), ...earlier }, subject.placeOf('total'));
    }
  }
}

/** Bulletins are dated ahead, so a future date is published, with a word in case it is a slip. */
function checkFutureDate(source: SourceIssue, today: string): void {
  if (source.meta.date <= today || source.meta.draft) return;
  report(source.file, CONTENT.futureDate, { date: source.meta.date, today }, source.placeOf('date'));
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
    (s, first) => report(s.file, CONTENT.duplicateIssue, { year: yearOf(s.meta.date), issue: s.meta.issue, path: first.file.path }, s.placeOf('issue')),
  );
  checkRepeats(
    sources,
    (s) => String(s.meta.total),
    (s, first) =>
      report(
        s.file,
        CONTENT.duplicateTotal,
        { total: s.meta.total, path: first.file.path, issue: first.meta.issue, date: chineseDate(first.meta.date), free: nextFreeTotal(sources, s.meta.total) },
        s.placeOf('total'),
      ),
  );
  checkTotalOrder(sources);
  noteGaps(sources);
}
