// The body of an issue is one or more articles, each opened by "# 标题".
// Right under the title an article may carry its byline and its date as the print sets
// them (省人大常委会联工委调研组 / (2019年4月15日)); its last paragraph may be the
// closing line ((调研组人员:…)). "# 【栏目】标题" names the article's column;
// "# 快讯" alone (a column name) opens an untitled item, printed run-in as "快讯：…".
import type { RootContent, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { isCalendarDate } from '../format/chinese.ts';
import { reportError, reportWarning } from '../messages.ts';
import type { Site } from '../model/site.ts';
import { headingLevel } from '../plugins/remark-bulletin-headings.ts';
import { likelyKey } from './validate-schema.ts';

export interface ArticleParts {
  column: string;
  title: string | null;
  byline?: string;
  date?: string;
  closing?: string;
  body: RootContent[];
}

const COLUMN_IN_TITLE = /^【([^】]*)】\s*(.*)$/s;
const ARTICLE_DATE = /^[(\uFF08]\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*[)\uFF09]$/;
const CLOSING_LINE = /^[(\uFF08][^()\uFF08\uFF09]+[:\uFF1A][^()\uFF08\uFF09]+[)\uFF09]$/;
const SENTENCE_MARKS = /[。,\uFF0C;\uFF1B:\uFF1A!\uFF01?\uFF1F、]/;
const MAX_BYLINE_LENGTH = 40;

const plainParagraph = (node: RootContent | undefined): string | undefined =>
  node?.type === 'paragraph' && node.children.every((c) => c.type === 'text') ? toString(node) : undefined;

function readArticleDate(node: RootContent | undefined, file: VFile): string | undefined {
  const text = plainParagraph(node);
  const m = text === undefined ? null : ARTICLE_DATE.exec(text.trim());
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  if (!isCalendarDate(iso)) {
    reportError(file, `文章日期 ${text!.trim()} 不存在：请核对年月日`, 'invalid-date', node!.position?.start);
  }
  return iso;
}

function isByline(text: string | undefined): text is string {
  return (
    text !== undefined &&
    text.trim() !== '' &&
    [...text.trim()].length <= MAX_BYLINE_LENGTH &&
    !SENTENCE_MARKS.test(text) &&
    !text.includes('\n') &&
    headingLevel(text) === undefined
  );
}

function readColumn(heading: string, site: Site, file: VFile, node: RootContent): { column: string; title: string | null } {
  const marked = COLUMN_IN_TITLE.exec(heading);
  if (!marked) {
    return site.columns.includes(heading) ? { column: heading, title: null } : { column: site.defaultColumn, title: heading };
  }
  const column = marked[1]!.trim();
  if (!site.columns.includes(column)) {
    const guess = likelyKey(column, site.columns);
    const hint = guess ? `，是不是要写【${guess}】？` : `；可用的栏目有：${site.columns.join('、')}（在 site.yml 的 columns 中增减）`;
    reportWarning(file, `栏目【${column}】不在 site.yml 的栏目表中${hint}`, 'unknown-column', node.position?.start);
  }
  return { column, title: marked[2]!.trim() || null };
}

function readArticle(heading: RootContent, nodes: RootContent[], site: Site, file: VFile): ArticleParts {
  const { column, title } = readColumn(toString(heading).trim(), site, file, heading);
  const parts: ArticleParts = { column, title, body: nodes };
  if (title !== null) {
    const first = plainParagraph(nodes[0]);
    const dateAfterByline = readArticleDate(nodes[1], file);
    const dateFirst = readArticleDate(nodes[0], file);
    if (dateFirst) {
      parts.date = dateFirst;
      nodes = nodes.slice(1);
    } else if (isByline(first)) {
      parts.byline = first.trim();
      parts.date = dateAfterByline;
      nodes = nodes.slice(dateAfterByline ? 2 : 1);
    }
  }
  const last = plainParagraph(nodes.at(-1));
  if (last !== undefined && CLOSING_LINE.test(last.trim()) && !ARTICLE_DATE.test(last.trim())) {
    parts.closing = last.trim();
    nodes = nodes.slice(0, -1);
  }
  if (nodes.length === 0) {
    reportError(file, `文章“${title ?? column}”没有正文：请在标题下写内容，或删去这个标题`, 'empty-article', heading.position?.start);
  }
  parts.body = nodes;
  return parts;
}

export function splitArticles(tree: Root, file: VFile, site: Site): ArticleParts[] {
  const articles: ArticleParts[] = [];
  let heading: RootContent | undefined;
  let nodes: RootContent[] = [];
  const flush = () => {
    if (heading) articles.push(readArticle(heading, nodes, site, file));
  };
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth === 1) {
      flush();
      heading = node;
      nodes = [];
    } else if (!heading) {
      if (node.type === 'html' && node.value.startsWith('<!--')) continue;
      reportError(file, '正文应以文章标题开头：请在第一篇文章前加一行 "# 标题"', 'no-article-title', node.position?.start);
      heading = { type: 'heading', depth: 1, children: [] } satisfies RootContent;
      nodes = [node];
    } else {
      nodes.push(node);
    }
  }
  flush();
  return articles;
}

