// What the search page needs to find an issue by the way readers cite it (2019年第9期, 第9期,
// 总第583期, 总第五百八十三期, 2019年4月29日, 2019-04-29): every issue's 总期号, year, 期号, date and
// page, newest first, in a small file it fetches only for a query that reads as a citation
// (templates/assets/search-core.js, parseCitation and citedIssues).
import type { Issue } from '../model/issue.ts';

/** [总期号, year, 期号, date, page folder]: [583, 2019, 9, "2019-04-29", "2019/09/"] */
export type Citation = [total: number, year: number, number: number, date: string, path: string];

export function citationsOf(issues: readonly Issue[]): Citation[] {
  return issues.map((issue): Citation => [issue.total, issue.year, issue.number, issue.date, issue.path]).sort((a, b) => b[0] - a[0]);
}

/** The file's text: one issue a line, so that it stays readable and diffs small. */
export function citationsJson(issues: readonly Issue[]): string {
  return `[\n${citationsOf(issues)
    .map((c) => JSON.stringify(c))
    .join(',\n')}\n]\n`;
}
