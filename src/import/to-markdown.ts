// An imported issue → the text of its content file: front matter as the editor guide shows it, then the body.
import { type FrontMatterField, formatFrontMatter } from '../text/front-matter.ts';
import type { ImportedIssue } from './recognise.ts';

export function importedIssueText(issue: ImportedIssue): string {
  const fields: FrontMatterField[] = [
    { key: 'issue', value: issue.issue ?? null },
    { key: 'total', value: issue.total ?? null, comment: issue.total ? undefined : '总期号：原件中没有找到，请补上' },
    { key: 'date', value: issue.date ?? null },
  ];
  if (issue.title) fields.push({ key: 'title', value: issue.title });
  if (issue.publisher) fields.push({ key: 'publisher', value: issue.publisher });
  fields.push(
    issue.distribution.length > 0
      ? { key: 'distribution', value: issue.distribution }
      : { key: 'distribution', value: null, comment: '送：原件中没有找到，请补上，每个单位组一行，以 "- " 开头' },
  );
  if (issue.editors) fields.push({ key: 'editors', value: issue.editors });
  if (issue.contact) fields.push({ key: 'contact', value: issue.contact });
  return `${formatFrontMatter(fields)}\n${issue.body.join('\n\n')}\n`;
}
