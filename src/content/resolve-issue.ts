// An issue's own values, with the site's defaults where the issue gives none.

import { madeFrom } from '../cache/cache.ts';
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

/**
 * The issue of a file, with the site's defaults. fileKey, when given, is the key of all the file
 * gives it (its path, its text and the site's settings for articles, which its front matter and
 * articles are made from: pipeline/parse-and-render.ts): the issue's hash is made of it and of the
 * defaults, not of the issue's JSON.
 */
export function resolveIssue(source: SourceIssue, site: Site, articles: Article[], fileKey?: string): Issue {
  const { meta } = source;
  const year = yearOf(meta.date);
  const defaults = { editors: site.editors, contact: site.contact, publisher: site.publisher };
  const issue: Issue = {
    source: source.file.path,
    year,
    number: meta.issue,
    total: meta.total,
    date: meta.date,
    path: issuePathOf(meta),
    title: meta.title === undefined ? undefined : setChinesePunctuation(meta.title),
    draft: meta.draft ?? false,
    distribution: meta.distribution.map(setChinesePunctuation),
    editors: meta.editors ?? defaults.editors,
    contact: meta.contact ?? defaults.contact,
    publisher: meta.publisher ?? defaults.publisher,
    articles,
  };
  if (fileKey !== undefined) madeFrom(issue, fileKey, JSON.stringify(defaults));
  return issue;
}

/** Oldest first: by date, then by 总期号. */
export function byPublication(a: Issue, b: Issue): number {
  return a.date.localeCompare(b.date) || a.total - b.total;
}
