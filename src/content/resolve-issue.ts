// An issue's own values, with the site's defaults where the issue gives none.

import { setChinesePunctuation } from '../markdown/plugins/remark-chinese-punctuation.ts';
import type { Article, FrontMatter, Issue } from '../model/issue.ts';
import { issuePath } from '../model/output.ts';
import type { Site } from '../model/site.ts';
import { yearOf } from '../text/chinese.ts';
import type { SourceIssue } from './parse-issue.ts';

/** 期号 9 → "09": the name of its file (09.md). */
export function issueFileName(number: number): string {
  return String(number).padStart(2, '0');
}

/** The issue's folder in the site, from its date's year and its 期号. */
export function issuePathOf(meta: FrontMatter): string {
  return issuePath(yearOf(meta.date), meta.issue);
}

export function resolveIssue(source: SourceIssue, site: Site, articles: Article[]): Issue {
  const { meta } = source;
  const year = yearOf(meta.date);
  return {
    source: source.file.path,
    year,
    number: meta.issue,
    total: meta.total,
    date: meta.date,
    path: issuePathOf(meta),
    title: meta.title === undefined ? undefined : setChinesePunctuation(meta.title),
    draft: meta.draft ?? false,
    distribution: meta.distribution.map(setChinesePunctuation),
    editors: meta.editors ?? site.editors,
    contact: meta.contact ?? site.contact,
    publisher: meta.publisher ?? site.publisher,
    articles,
  };
}

/** Oldest first: by date, then by 总期号. */
export function byPublication(a: Issue, b: Issue): number {
  return a.date.localeCompare(b.date) || a.total - b.total;
}
