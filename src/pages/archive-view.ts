// What the year pages and the page of all past issues (/archive/, 往期总目录) show besides the
// issues themselves: the 期号 missing in each year, and counts of issues and articles by year and
// by column.

import { findGaps, formatNumbers, missingByYear } from '../content/gaps.ts';
import type { Issue } from '../model/issue.ts';

export interface ArchiveYear {
  year: number;
  /** Oldest first. */
  issues: Issue[];
  articles: number;
  /** Articles in each column of ArchiveView.columns, in that order. */
  byColumn: number[];
  /** "第5、6期", or undefined when the year has no gap. */
  missing?: string;
}

export interface ArchiveView {
  /** Newest year first. */
  years: ArchiveYear[];
  columns: string[];
  issues: number;
  articles: number;
  byColumn: number[];
}

const numbered = (issue: Issue) => ({ year: issue.year, number: issue.number, total: issue.total, date: issue.date });

/** Year → "第5、6期": the 期号 missing in it. */
export function missingInYears(issues: readonly Issue[]): Map<number, string> {
  return new Map([...missingByYear(findGaps(issues.map(numbered)))].map(([year, numbers]) => [year, formatNumbers(numbers)]));
}

/** issues: published, oldest first; columns: those the site's pages list, in their order. */
export function archiveView(issues: readonly Issue[], columns: readonly string[]): ArchiveView {
  const missing = missingInYears(issues);
  const count = (list: readonly Issue[]) => columns.map((c) => list.reduce((n, i) => n + i.articles.filter((a) => a.column === c).length, 0));
  const years = [...new Set(issues.map((i) => i.year))]
    .sort((a, b) => b - a)
    .map((year): ArchiveYear => {
      const list = issues.filter((i) => i.year === year);
      return { year, issues: list, articles: list.reduce((n, i) => n + i.articles.length, 0), byColumn: count(list), missing: missing.get(year) };
    });
  return { years, columns: [...columns], issues: issues.length, articles: years.reduce((n, y) => n + y.articles, 0), byColumn: count(issues) };
}
