// The files just imported, checked as the build would check them, among all the other issues:
// the same messages, for these files only.
import type { VFile } from 'vfile';
import { loadContent } from '../stages/load-content.ts';
import { loadSite } from '../stages/load-site.ts';
import { parseIssue, type SourceIssue } from '../stages/parse-issue.ts';
import { renderMarkdown } from '../stages/render-markdown.ts';
import { validateArchive } from '../stages/validate-archive.ts';

export async function checkImported(projectDir: string, targets: readonly string[]): Promise<VFile[]> {
  const { siteFile, issueFiles } = await loadContent(projectDir);
  const site = loadSite(siteFile);
  const sources = issueFiles.map(parseIssue).filter((s): s is SourceIssue => s !== undefined);
  validateArchive(sources);
  if (site) sources.filter((s) => targets.includes(s.file.path)).forEach((s) => renderMarkdown(s, site));
  return issueFiles.filter((f) => targets.includes(f.path));
}
