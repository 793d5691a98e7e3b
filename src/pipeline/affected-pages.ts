// Which pages a change to some issues reaches, so that a build after it re-renders only those:
// the edited issues' own pages, their neighbours' (whose previous/next links name them), and
// the pages that list issues (years, home, search, feeds), which are few. A change to the set
// of years touches every page (each names the latest year): then everything is re-rendered.
// That is the contract of the templates: an issue page is given the issue, its neighbours, the
// site and the latest year, and nothing else of the archive (pages/render-pages.ts).
// The dev server plans each save this way; `npm run build` plans from the record the last
// build left (writer.ts, RenderRecord), finding the edited issues by their prints.
import type { Issue } from '../model/issue.ts';
import { issuePage } from '../model/output.ts';

/** What planning needs of an issue: its source, its place in the site, its year. */
export type PlacedIssue = Pick<Issue, 'source' | 'path' | 'year'>;

export interface RenderPlan {
  /** Render only the output paths this accepts; undefined: render every page. */
  only?: (outputPath: string) => boolean;
  /** Whether a file of the last version stays in the new one as it is (not rendered anew, not gone). */
  keeps: (outputPath: string) => boolean;
}

/** Every page rendered anew; nothing of the last version kept. */
export const RENDER_ALL: RenderPlan = { keeps: () => false };

const ISSUE_PAGE = /^\d{4}\/[^/]+\/index\.html$/;

const pageOf = (issue: PlacedIssue) => issuePage(issue.path);

const yearsOf = (issues: readonly PlacedIssue[]) => [...new Set(issues.map((i) => i.year))].sort().join(',');

/** The sources of the edited issues and of their neighbours, before and after the edit. */
function affectedSources(issues: readonly PlacedIssue[], edited: ReadonlySet<string>): string[] {
  return issues.flatMap((issue, i) =>
    edited.has(issue.source) ? [issues[i - 1]?.source, issue.source, issues[i + 1]?.source].filter((s): s is string => !!s) : [],
  );
}

export function planRender(before: readonly PlacedIssue[], after: readonly PlacedIssue[], edited: ReadonlySet<string>): RenderPlan {
  if (yearsOf(before) !== yearsOf(after)) return RENDER_ALL;
  // The folders of the edited issues, before and after, and of those gone: made anew (page and PDF) or removed.
  const pathsAfter = new Set(after.map((issue) => issue.path));
  const remade = [...before, ...after].filter((issue) => edited.has(issue.source) || !pathsAfter.has(issue.path)).map((issue) => issue.path);
  const sources = new Set([...affectedSources(before, edited), ...affectedSources(after, edited)]);
  const pages = new Set(after.filter((issue) => sources.has(issue.source)).map(pageOf));
  return {
    only: (outputPath) => !ISSUE_PAGE.test(outputPath) || pages.has(outputPath),
    keeps: (outputPath) => !remade.some((folder) => outputPath.startsWith(folder)),
  };
}

/** The sources whose issue is new, gone, or shows something else: their prints differ. */
export function editedSources(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): Set<string> {
  const edited = new Set<string>();
  for (const [source, print] of after) if (before.get(source) !== print) edited.add(source);
  for (const source of before.keys()) if (!after.has(source)) edited.add(source);
  return edited;
}
