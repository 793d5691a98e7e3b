// Stage 2, its second half: an issue's Markdown body → its articles, each with its parts and its HTML.
import type { Root as HastRoot } from 'hast';
import type { Paragraph, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { VFile } from 'vfile';
import type { SourceIssue } from '../content/parse-issue.ts';
import { issuePathOf } from '../content/resolve-issue.ts';
import { columnLabel } from '../grammar/article-parts.ts';
import { reportError } from '../messages.ts';
import type { Article } from '../model/issue.ts';
import type { Site } from '../model/site.ts';
import { indexedHtmlFromHtml, keepIndexedHtml } from '../search/indexed-html.ts';
import { clipText, PAUSE } from '../text/word-breaks.ts';
import { checkBeforeParsing, type PastLimit, PastLimitError, remarkTreeLimits } from './markdown-limits.ts';
import { bulletinSchema } from './plugins/bulletin-schema.ts';
import rehypeAddressSchemes from './plugins/rehype-address-schemes.ts';
import rehypeArticleIds from './plugins/rehype-article-ids.ts';
import rehypeImageAlt from './plugins/rehype-image-alt.ts';
import rehypeLocalResources from './plugins/rehype-local-resources.ts';
import rehypeRawWhenPresent from './plugins/rehype-raw-when-present.ts';
import rehypeTableSpans from './plugins/rehype-table-spans.ts';
import rehypeXmlCharacters from './plugins/rehype-xml-characters.ts';
import remarkAutolinksWhenPresent from './plugins/remark-autolinks-when-present.ts';
import remarkBulletinHeadings from './plugins/remark-bulletin-headings.ts';
import remarkChinesePunctuation from './plugins/remark-chinese-punctuation.ts';
import { type ArticleParts, splitArticles } from './split-articles.ts';

const parser = unified().use(remarkParse).use(remarkTreeLimits).use(remarkGfm).use(remarkAutolinksWhenPresent).use(remarkChinesePunctuation).freeze();
const toHtml = unified()
  .use(remarkBulletinHeadings)
  .use(remarkRehype, {
    allowDangerousHtml: true,
    footnoteLabel: '注释',
    footnoteBackLabel: (index: number) => `回到正文第 ${index + 1} 处`,
  })
  .use(rehypeRawWhenPresent)
  .use(rehypeAddressSchemes)
  .use(rehypeSanitize, bulletinSchema)
  .use(rehypeTableSpans)
  .use(rehypeXmlCharacters)
  .use(rehypeLocalResources)
  .use(rehypeImageAlt)
  .use(rehypeArticleIds)
  .use(rehypeStringify)
  .freeze();

const LABEL_LENGTH = 34;

/** 快讯 and other untitled column items open with their column's name, run in. */
function prependColumnLabel(parts: ArticleParts): void {
  const first = parts.body[0];
  if (parts.title !== null || first?.type !== 'paragraph') return;
  (first as Paragraph).children.unshift({
    type: 'strong',
    children: [{ type: 'text', value: columnLabel(parts.column) }],
    data: { hName: 'span', hProperties: { className: ['column-label'] } },
  });
}

/** 快讯：2019年3月11日，郴州市五届人大……: cut between words, never inside one. */
function labelOf(parts: ArticleParts): string {
  if (parts.title !== null) return parts.title;
  // The text of the first blocks, enough to clip (clipText reads up to the pause after its limit):
  // not the whole of a long item's body.
  let text = '';
  for (const block of parts.body) {
    if (PAUSE.test(text.slice(2 * LABEL_LENGTH))) break;
    text += toString(block).replace(/\s+/g, '');
  }
  return clipText(`${columnLabel(parts.column)}${text}`, LABEL_LENGTH);
}

function renderArticle(parts: ArticleParts, index: number, file: VFile): Article {
  const id = `article-${index + 1}`;
  const label = labelOf(parts);
  prependColumnLabel(parts);
  const body: Root = { type: 'root', children: parts.body };
  const tree = toHtml.runSync(body, withArticleId(file, id)) as HastRoot;
  if (parts.closing) {
    tree.children.push(
      { type: 'text', value: '\n' },
      { type: 'element', tagName: 'p', properties: { className: ['closing'] }, children: [{ type: 'text', value: parts.closing }] },
    );
  }
  const article: Article = { id, column: parts.column, title: parts.title, label, byline: parts.byline, date: parts.date, html: toHtml.stringify(tree) };
  keepIndexedHtml(article, indexedHtmlFromHtml(article.html));
  return article;
}

/** The issue's file, told which article is being rendered (plugins report on the file itself). */
function withArticleId(file: VFile, id: string): VFile {
  file.data.articleId = id;
  return file;
}

export function renderMarkdown(source: SourceIssue, site: Site): Article[] {
  const { file } = source;
  const refuse = (problem: PastLimit) => {
    reportError(file, problem.reason, problem.rule, problem.place);
    return [];
  };
  const scanned = checkBeforeParsing(source.body, source.bodyLine);
  if (scanned) return refuse(scanned);
  // Blank lines in place of the front matter keep positions on the file's own lines.
  const text = '\n'.repeat(source.bodyLine - 1) + source.body;
  let parsed: Root;
  try {
    parsed = parser.parse(text);
  } catch (error) {
    if (error instanceof PastLimitError) return refuse(error.problem);
    throw error;
  }
  const tree = parser.runSync(parsed, file) as Root;
  file.data.pageUrl = new URL(issuePathOf(source.meta), site.baseUrl).href;
  return splitArticles(tree, file, site, source.meta.date).map((parts, index) => renderArticle(parts, index, file));
}
