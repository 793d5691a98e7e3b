// Each imported issue against the issues before and after it by date, already in content/ or
// imported with it: within a year, 期号 and 总期号 go up together (two issues apart in 期号 are
// two apart in 总期号); across years 总期号 still goes up. What disagrees is for the editor to check.

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
  message: string;
}

const name = (p: Placed) => `${p.target}（${p.date.slice(0, 4)}年第${p.issue}期${p.total ? `，总第${p.total}期` : ''}）`;

/** What is wrong between two issues in date order, said of subject, one of them. */
function disagreement(before: Placed, after: Placed, subject: Placed): Omit<Disagreement, 'target'> | undefined {
  const other = name(subject === before ? after : before);
  const sameYear = before.date.slice(0, 4) === after.date.slice(0, 4);
  if (sameYear && after.issue <= before.issue) {
    return { field: 'issue', message: `期号 ${subject.issue} 与同年的 ${other}不合：日期在前的一期，期号应更小\uFF1A请核对原件的期号和日期` };
  }
  if (before.total === undefined || after.total === undefined) return undefined;
  if (after.total <= before.total) {
    return { field: 'total', message: `总期号 ${subject.total} 与 ${other}不合：日期在前的一期，总期号应更小\uFF1A请核对原件的总期号和日期` };
  }
  const issueStep = after.issue - before.issue;
  const totalStep = after.total - before.total;
  if (sameYear && issueStep !== totalStep) {
    return { field: 'total', message: `期号和总期号与 ${other}对不上：期号相差 ${issueStep}，总期号却相差 ${totalStep}\uFF1A请核对原件的期号和总期号` };
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
        message: `原件中没有找到总期号：按前一期 ${name(before)} 推算应为总第${before.total + issue.issue - before.issue}期，请核对后填上`,
      });
    }
    if (!before || !(issue.imported || before.imported)) return;
    const subject = issue.imported ? issue : before;
    const problem = disagreement(before, issue, subject);
    if (problem) found.push({ target: subject.target, ...problem });
  });
  return found;
}
