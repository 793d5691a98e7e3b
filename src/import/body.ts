// The body of a past issue → the Markdown of the editor guide: "# 【栏目】标题" for each article,
// its byline and date under it, "# 快讯" for a run-in column item, the closing line, and paragraphs.
// Text extracted from print also has page furniture (page numbers, the running header), which is
// dropped, and sentences broken where a page ended, which are joined again.
import type { Site } from '../model/site.ts';
import { headingLevel } from '../plugins/remark-bulletin-headings.ts';
import { escapeMarkdownText, type Block } from './blocks.ts';
import { closeUpHan, compact, endsSentence, length, type Note } from './text-tools.ts';

export interface Body {
  /** Markdown blocks, in order. */
  markdown: string[];
  /** Lines whose text was joined onto the paragraph before them. */
  joined: number[];
  /** Lines of page furniture left out. */
  dropped: number[];
}

type Role = 'title' | 'column' | 'byline' | 'date' | 'closing' | 'text' | 'other';

interface Out {
  role: Role;
  markdown: string;
  /** Plain text, for deciding what may follow. */
  text: string;
  /** A title's column, when the source named it (【栏目】). */
  column?: string;
}

const ARTICLE_DATE = /^([(\uFF08])[\s\u3000]*(\d{4})[\s\u3000]*年[\s\u3000]*(\d{1,2})[\s\u3000]*月[\s\u3000]*(\d{1,2})[\s\u3000]*日[\s\u3000]*([)\uFF09])$/;
const CLOSING_LINE = /^[(\uFF08][^()\uFF08\uFF09]+[:\uFF1A][^()\uFF08\uFF09]+[)\uFF09]$/;
const COLUMN_IN_TITLE = /^【([^】]+)】[\s\u3000]*(.+)$/;
const RUN_IN_COLUMN = /^([^\s:\uFF1A]{2,6})[\s\u3000]*[:\uFF1A][\s\u3000]*(.*)$/;
const SENTENCE_MARKS = /[。,\uFF0C;\uFF1B:\uFF1A!\uFF01?\uFF1F、]/;
const PAGE_NUMBER = /^[-—–－―\s\u3000]*\d{1,3}[-—–－―\s\u3000]*$|^第\s*\d+\s*页/;
const MAX_BYLINE = 40;
const MAX_TITLE = 100;
const MAX_STANDALONE_HEADING = 40;
/** Shorter unfinished lines may be subheadings: they are not joined, but pointed out. */
const MIN_BROKEN_LINE = 20;
const MIN_INDENTED_PARAGRAPHS = 3;

const isArticleDate = (text: string) => ARTICLE_DATE.test(text.trim());
const isClosing = (text: string) => CLOSING_LINE.test(text.trim()) && !isArticleDate(text);
const isByline = (text: string) =>
  length(text) <= MAX_BYLINE && !SENTENCE_MARKS.test(text) && headingLevel(text) === undefined && !isArticleDate(text);

/** A numbered heading that stands alone ("一、基本情况"), not a paragraph opening with its number. */
const isStandaloneHeading = (text: string) =>
  headingLevel(text) !== undefined && length(text) <= MAX_STANDALONE_HEADING && !/[。；;]/.test(text.replace(/[。.]$/, ''));

function articleDate(text: string): string {
  const [, open, y, m, d, close] = ARTICLE_DATE.exec(text.trim())!;
  return `${open}${y}年${Number(m)}月${Number(d)}日${close}`;
}

export function readBody(blocks: readonly Block[], site: Site, options: { rejoin: boolean }, warnings: Note[]): Body {
  const body: Body = { markdown: [], joined: [], dropped: [] };
  const out: Out[] = [];
  const push = (role: Role, markdown: string, text = markdown) => out.push({ role, markdown, text });
  /** The column a title names by its last words (…的调研报告), other than the default one. */
  const columnOf = (title: string) =>
    site.columns.find((c) => c !== site.defaultColumn && c !== title && title.endsWith(c));
  const titleMarkdown = (text: string, column = columnOf(text)) => `# ${column ? `【${column}】` : ''}${escapeMarkdownText(text)}`;
  const pushTitle = (text: string, column?: string) => out.push({ role: 'title', markdown: titleMarkdown(text, column), text, column });

  const isFurniture = (text: string) => {
    const t = compact(text);
    return PAGE_NUMBER.test(text.trim()) || t === compact(site.title) || (t.startsWith(compact(site.title)) && /第\d+期/.test(t) && t.length <= 24);
  };
  const kept = blocks.filter((b) => {
    if (b.kind !== 'paragraph' || !isFurniture(b.text)) return true;
    body.dropped.push(b.line);
    return false;
  });

  /** "快讯：…": an untitled item of a column, its text run in. */
  const runInColumn = (text: string) => {
    const m = RUN_IN_COLUMN.exec(text.trim());
    return m && site.columns.includes(m[1]!) ? { column: m[1]!, rest: m[2]! } : undefined;
  };

  const looksLikeTitle = (k: number): boolean => {
    const text = kept[k]!.text;
    if (headingLevel(text) !== undefined || endsSentence(text) || text.includes('。') || length(compact(text)) > MAX_TITLE) return false;
    const [next, afterNext] = [kept[k + 1]?.text, kept[k + 2]?.text];
    if (!out.some((o) => o.role === 'title' || o.role === 'column')) return true;
    if (next !== undefined && isArticleDate(next)) return true;
    if (next !== undefined && afterNext !== undefined && isByline(next) && isArticleDate(afterNext)) return true;
    return out.at(-1)?.role === 'closing';
  };

  /** A title printed over two lines: its second line comes before the byline and the date. */
  const titleGoesOn = (k: number): boolean => {
    const [text, next, afterNext] = [kept[k]?.text ?? '', kept[k + 1]?.text, kept[k + 2]?.text];
    if (out.at(-1)?.role !== 'title' || endsSentence(text) || text.includes('。') || isArticleDate(text)) return false;
    return next !== undefined && afterNext !== undefined && isByline(next) && isArticleDate(afterNext);
  };

  // Text that indents its paragraphs wraps them over lines: there, only an indented line opens one.
  const indentsParagraphs = kept.filter((b) => b.indented).length >= MIN_INDENTED_PARAGRAPHS;

  /** The line goes on with the last paragraph: the print wrapped it, or a page ended inside it. */
  const continuesLast = (block: Block): boolean => {
    const last = out.at(-1);
    if (!options.rejoin || last?.role !== 'text' || block.indented) return false;
    const text = block.text;
    const opensSomething = headingLevel(text) !== undefined || isArticleDate(text) || isClosing(text) || COLUMN_IN_TITLE.test(text) || !!runInColumn(text);
    if (opensSomething) return false;
    if (indentsParagraphs) return true;
    return !endsSentence(last.text) && length(last.text) >= MIN_BROKEN_LINE && !isStandaloneHeading(last.text);
  };

  kept.forEach((block, k) => {
    const text = block.text;
    const last = out.at(-1);
    if (block.kind === 'table' || block.kind === 'list') return push('other', block.markdown, text);
    if (block.kind === 'heading') {
      if (block.depth === 1 && headingLevel(text) === undefined) return pushTitle(closeUpHan(text));
      return push('other', `## ${block.markdown}`, text);
    }
    if (continuesLast(block)) {
      // Chinese text has no spaces between words: the halves meet as they are.
      last!.text += text;
      last!.markdown += escapeMarkdownText(text);
      body.joined.push(block.line);
      return;
    }
    if (isArticleDate(text) && (last?.role === 'title' || last?.role === 'byline')) return push('date', articleDate(text));
    const runIn = runInColumn(text);
    if (runIn) {
      push('column', `# ${runIn.column}`);
      if (runIn.rest) push('text', escapeMarkdownText(runIn.rest), runIn.rest);
      return;
    }
    const marked = COLUMN_IN_TITLE.exec(text.trim());
    if (marked) return pushTitle(closeUpHan(marked[2]!), marked[1]!);
    if (isClosing(text)) return push('closing', block.markdown, text);
    if (titleGoesOn(k)) {
      last!.text = closeUpHan(last!.text + text);
      last!.markdown = titleMarkdown(last!.text, last!.column);
      return;
    }
    if (last?.role === 'title' && isByline(text)) return push('byline', escapeMarkdownText(text), text);
    if (looksLikeTitle(k)) return pushTitle(closeUpHan(text));
    push('text', block.markdown, text);
    if (!endsSentence(text) && length(text) < MIN_BROKEN_LINE && headingLevel(text) === undefined) {
      warnings.push({
        line: block.line,
        message: `“${text}”没有结束标点，像是小标题，也可能是被分页断开的半句，已作为一段导入\uFF1A请对照原件核对`,
      });
    }
  });

  if (out[0]?.role !== 'title' && out[0]?.role !== 'column') {
    out.unshift({ role: 'title', markdown: '# 在这里写标题', text: '' });
    warnings.push({
      line: kept[0]?.line ?? 1,
      message: '没有认出第一篇文章的标题，已在正文前加上“# 在这里写标题”\uFF1A请改成这篇文章的标题',
    });
  }
  body.markdown = out.map((o) => o.markdown);
  return body;
}
