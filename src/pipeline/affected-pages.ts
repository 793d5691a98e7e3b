// Which pages an edit to some issues changes, so that the dev server re-renders only those:
// the edited issues' own pages, their neighbours' (whose previous/next links name them), and
// the pages that list issues (years, home, search, feeds), which are few. A change to the set
// of years touches every page (each names the latest year): then everything is re-rendered.
import type { Issue } from '../model/issue.ts';
import { issuePage } from '../model/output.ts';

export interface RenderPlan {
  /** Render only the output paths this accepts; undefined: render every page. */
  only?: (outputPath: string) => boolean;
  /** Issue pages to take out of the site: their issue is gone or has moved. */
  removed: string[];
}

const ISSUE_PAGE = /^\d{4}\/[^/]+\/index\.html$/;

const pageOf = (issue: Issue) => issuePage(issue.path);

const yearsOf = (issues: readonly Issue[]) => [...new Set(issues.map((i) => i.year))].sort().join(',');

/** The sources of the edited issues and of their neighbours, before and after the edit. */
function affectedSources(issues: readonly Issue[], edited: ReadonlySet<string>): string[] {
  return issues.flatMap((issue, i) =>
    edited.has(issue.source) ? [issues[i - 1]?.source, issue.source, issues[i + 1]?.source].filter((s): s is string => !!s) : [],
  );
}

export function planRender(before: readonly Issue[], after: readonly Issue[], edited: ReadonlySet<string>): RenderPlan {
  const pagesAfter = new Set(after.map(pageOf));
  const removed = before.map(pageOf).filter((page) => !pagesAfter.has(page));
  if (yearsOf(before) !== yearsOf(after)) return { removed };
  const sources = new Set([...affectedSources(before, edited), ...affectedSources(after, edited)]);
  const pages = new Set(after.filter((issue) => sources.has(issue.source)).map(pageOf));
  return { only: (outputPath) => !ISSUE_PAGE.test(outputPath) || pages.has(outputPath), removed };
}
