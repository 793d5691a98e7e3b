// The body of an issue is one or more articles, each opened by "# 标题", with its column,
// byline, date and closing line as the bulletin's grammar reads them (grammar/article-parts.ts,
// shared with the importer): the byline and the date right under the title, the closing line
// as the last paragraph; "# 快讯" alone opens an untitled item of that column.
import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { likelyKey } from '../content/validate-schema.ts';
import { isByline, isClosingLine, parseArticleDate, parseColumnTitle } from '../grammar/article-parts.ts';
import { CONTENT } from '../messages/catalogue.ts';
import { report } from '../messages.ts';
import { FIELD_NAMES } from '../model/issue.ts';
import type { Site } from '../model/site.ts';
import { chineseDate, isCalendarDate } from '../text/chinese.ts';

export interface ArticleParts {
  column: string;
  title: string | null;
  byline?: string;
  date?: string;
  closing?: string;
  body: RootContent[];
}

const plainParagraph = (node: RootContent | undefined): string | undefined =>
  node?.type === 'paragraph' && node.children.every((c) => c.type === 'text') ? toString(node) : undefined;

/** An article's own date a year or more before its issue's is likely a slip of the year. */
const daysBefore = (iso: string, days: number) => new Date(Date.parse(iso) - days * 86_400_000).toISOString().slice(0, 10);

function readArticleDate(node: RootContent | undefined, file: VFile, issueDate?: string): string | undefined {
  const text = plainParagraph(node);
  const iso = text === undefined ? undefined : parseArticleDate(text);
  if (iso && !isCalendarDate(iso)) {
    report(file, CONTENT.articleDate, { date: text!.trim() }, node!.position?.start);
  } else if (iso && issueDate && isCalendarDate(issueDate) && (iso > issueDate || iso < daysBefore(issueDate, 366))) {
    report(file, CONTENT.articleDateOff, { date: chineseDate(iso), issueDate: chineseDate(issueDate), later: iso > issueDate }, node!.position?.start);
  }
  return iso;
}

function readColumn(heading: string, site: Site, file: VFile, node: RootContent): { column: string; title: string | null } {
  const named = parseColumnTitle(heading, site.columns);
  if (!named) return { column: site.defaultColumn, title: heading };
  const { column, title } = named;
  const where = node.position?.start;
  if (column === '') {
    report(file, CONTENT.noColumn, { fallback: site.defaultColumn, columns: site.columns }, where);
    return { column: site.defaultColumn, title };
  }
  if (!site.columns.includes(column)) {
    report(file, CONTENT.unknownColumn, { column, guess: likelyKey(column, site.columns), columns: site.columns }, where);
  }
  return named;
}

function readArticle(heading: RootContent, nodes: RootContent[], site: Site, file: VFile, issueDate?: string): ArticleParts {
  const { column, title } = readColumn(toString(heading).trim(), site, file, heading);
  const parts: ArticleParts = { column, title, body: nodes };
  if (title !== null) {
    const first = plainParagraph(nodes[0]);
    const dateFirst = readArticleDate(nodes[0], file, issueDate);
    if (dateFirst) {
      parts.date = dateFirst;
      nodes = nodes.slice(1);
    } else if (first !== undefined && isByline(first)) {
      parts.byline = first.trim();
      parts.date = readArticleDate(nodes[1], file, issueDate);
      nodes = nodes.slice(parts.date ? 2 : 1);
    }
  }
  const last = plainParagraph(nodes.at(-1));
  if (last !== undefined && isClosingLine(last)) {
    parts.closing = last.trim();
    nodes = nodes.slice(0, -1);
  }
  // Text before the first title has its error already (no-article-title): no second one for its missing body.
  if (nodes.length === 0 && !untitled.has(heading)) {
    report(file, CONTENT.emptyArticle, { title: title ?? column }, heading.position?.start);
  }
  parts.body = nodes;
  return parts;
}

/** The titles made up for text before the first title, which has its error already. */
const untitled = new WeakSet<RootContent>();

/** The longest line taken for a title typed without its space: a longer one is a paragraph. */
const MAX_SLIPPED_TITLE = 60;

/**
 * A paragraph that an editor meant as a title: one short line opening with # and no space after it
 * ("#快讯"), or with a full-width ＃ ("＃ 快讯"), which Markdown reads as text. A tag written
 * between two # ("#两会# …") is not one.
 */
function slippedTitle(node: RootContent): { title: string; fullWidth: boolean } | undefined {
  const text = plainParagraph(node);
  const match = text === undefined ? null : /^([#\uFF03]+)[ \t\u3000]*(\S.*)$/.exec(text.trim());
  if (!match || /[#\uFF03]/.test(match[2]!) || [...match[2]!].length > MAX_SLIPPED_TITLE) return undefined;
  return { title: match[2]!.trim(), fullWidth: match[1]!.includes('\uFF03') };
}

/** A line of settings: one of the issue's keys (FIELD_NAMES), then a colon. */
const SETTING_LINE = new RegExp(`^\\s*(?:${Object.keys(FIELD_NAMES).join('|')})\\s*[:\\uFF1A]`);

/** A paragraph of two lines or more, each a setting: front matter pasted into the body (another issue's). */
const isSettings = (node: RootContent) => {
  const lines = node.type === 'paragraph' ? toString(node).split('\n') : [];
  return lines.length >= 2 && lines.every((line) => SETTING_LINE.test(line));
};

/** The articles of an issue's body; issueDate: the issue's own, which its articles' dates should not pass. */
export function splitArticles(tree: Root, file: VFile, site: Site, issueDate?: string): ArticleParts[] {
  const articles: ArticleParts[] = [];
  let heading: RootContent | undefined;
  let nodes: RootContent[] = [];
  const flush = () => {
    if (heading) articles.push(readArticle(heading, nodes, site, file, issueDate));
  };
  for (const node of tree.children) {
    if (isSettings(node)) report(file, CONTENT.settingsInBody, undefined, node.position?.start);
    const slipped = slippedTitle(node);
    if (slipped) {
      // An error, so the issue is not published; read as the title it was meant to be, so that
      // nothing else is said of the articles around it.
      report(file, CONTENT.titleSlip, { line: `# ${slipped.title}`, fullWidth: slipped.fullWidth }, node.position?.start);
      flush();
      heading = { type: 'heading', depth: 1, children: [{ type: 'text', value: slipped.title }], position: node.position };
      nodes = [];
    } else if (node.type === 'heading' && node.depth === 1) {
      flush();
      heading = node;
      nodes = [];
    } else if (!heading) {
      if (node.type === 'html' && node.value.startsWith('<!--')) continue;
      report(file, CONTENT.noArticleTitle, undefined, node.position?.start);
      heading = { type: 'heading', depth: 1, children: [] } satisfies RootContent;
      untitled.add(heading);
      nodes = [node];
    } else {
      nodes.push(node);
    }
  }
  flush();
  return articles;
}
