// Each imported issue against the issues before and after it by date, already in content/ or
// imported with it: within a year, 期号 and 总期号 go up together (two issues apart in 期号 are
// two apart in 总期号); across years 总期号 still goes up. What disagrees is for the editor to check:
// a warning of IMPORT_NEIGHBOURS (messages/catalogue.ts) on the imported issue's file.
import { type ContentEntry, given, IMPORT_NEIGHBOURS } from '../messages/catalogue.ts';

export interface Placed {
  /** content/<year>/<NN>.md */
  target: string;
  issue: number;
  total?: number;
  date: string;
  /** Imported now, rather than already in content/. */
  imported: boolean;
}

export interface Disagreement {
  /** The imported issue to check. */
  target: string;
  /** Which of its fields: the 总期号 mostly. */
  field: 'issue' | 'total';
  /** What to check, with its values. */
  check: ContentEntry<void>;
}

/** What is wrong between two issues in date order, said of subject, one of them. */
function disagreement(before: Placed, after: Placed, subject: Placed): Omit<Disagreement, 'target'> | undefined {
  const other = subject === before ? after : before;
  const sameYear = before.date.slice(0, 4) === after.date.slice(0, 4);
  if (sameYear && after.issue <= before.issue) {
    return { field: 'issue', check: given(IMPORT_NEIGHBOURS.issueOrder, { issue: subject.issue, other }) };
  }
  if (before.total === undefined || after.total === undefined) return undefined;
  if (after.total <= before.total) {
    return { field: 'total', check: given(IMPORT_NEIGHBOURS.totalOrder, { total: subject.total!, other }) };
  }
  const issueStep = after.issue - before.issue;
  const totalStep = after.total - before.total;
  if (sameYear && issueStep !== totalStep) {
    return { field: 'total', check: given(IMPORT_NEIGHBOURS.steps, { other, issueStep, totalStep }) };
  }
  return undefined;
}

/** What to check in the imported issues, at the imported one of two neighbours (each pair once). */
export function checkNeighbours(issues: readonly Placed[]): Disagreement[] {
  const byDate = [...issues].sort((a, b) => a.date.localeCompare(b.date) || a.issue - b.issue);
  const found: Disagreement[] = [];
  byDate.forEach((issue, i) => {
    const before = byDate[i - 1];
    if (issue.imported && issue.total === undefined && before?.total !== undefined && before.date.slice(0, 4) === issue.date.slice(0, 4)) {
      found.push({
        target: issue.target,
        field: 'total',
        check: given(IMPORT_NEIGHBOURS.noTotal, { before, total: before.total + issue.issue - before.issue }),
      });
    }
    if (!before || !(issue.imported || before.imported)) return;
    const subject = issue.imported ? issue : before;
    const problem = disagreement(before, issue, subject);
    if (problem) found.push({ target: subject.target, ...problem });
  });
  return found;
}
