// The body of a past issue → the Markdown of the editor guide: "# 【栏目】标题" for each article,
// its byline and date under it, "# 快讯" for a run-in column item, the closing line, and paragraphs.
// Each part is recognised by the bulletin's grammar that the renderer reads it by
// (grammar/article-parts.ts, grammar/headings.ts); what is the importer's own is where a part
// may stand in printed text, where titles carry no # and columns are seldom named.
// Text extracted from print also has page furniture (page numbers, the running header), which is
// dropped, and sentences broken where a page ended, which are joined again.

import { isByline, isClosingLine, parseArticleDate, parseColumnTitle, parseRunInColumn } from '../grammar/article-parts.ts';
import { headingLevel, isStandaloneHeading } from '../grammar/headings.ts';
import { IMPORT_NOTES } from '../messages/import.ts';
import type { Site } from '../model/site.ts';
import { chineseDate } from '../text/chinese.ts';
import { type Block, escapeMarkdownText } from './blocks.ts';
import { closeUpHan, compact, endsSentence, length, type Note } from './text-tools.ts';

export interface Body {
  /** The body's blocks, in order, each with what it was read as. */
  parts: BodyPart[];
  /** Lines whose text was joined onto the paragraph before them. */
  joined: number[];
  /** Lines of page furniture left out. */
  dropped: number[];
}

/**
 * What a block was read as: an article's title, the column of an untitled item (# 快讯), byline,
 * date, closing line, a numbered heading on its own, a paragraph, or other Markdown (tables, lists).
 */
export type Role = 'title' | 'column' | 'byline' | 'date' | 'closing' | 'heading' | 'text' | 'other';

export interface BodyPart {
  role: Role;
  markdown: string;
  /** Plain text, for deciding what may follow. */
  text: string;
  /** The column of an untitled item, or of a title when the source names it in 【】 (else its Markdown may name one by the title's last words). */
  column?: string;
}

const PAGE_NUMBER = /^[-—–－―\s\u3000]*\d{1,3}[-—–－―\s\u3000]*$|^第\s*\d+\s*页/;
/** The longest line taken for a title by its place alone: a reading of print, not a rule for editors. */
const MAX_TITLE = 100;
/** Shorter unfinished lines may be subheadings: they are not joined, but pointed out. */
const MIN_BROKEN_LINE = 20;
const MIN_INDENTED_PARAGRAPHS = 3;

const isArticleDate = (text: string) => parseArticleDate(text) !== undefined;

/** "（ 2019 年 4 月 15 日）" → "（2019年4月15日）": as the guide writes it, the brackets as they were. */
function articleDate(text: string): string {
  const line = text.trim();
  return `${line[0]}${chineseDate(parseArticleDate(line)!)}${line.at(-1)}`;
}

export function readBody(blocks: readonly Block[], site: Site, options: { rejoin: boolean }, warnings: Note[]): Body {
  return new BodyReader(site, options, warnings).read(blocks);
}

/** Reads an issue's body block by block, into parts whose roles later blocks may still settle. */
class BodyReader {
  private readonly body: Body = { parts: [], joined: [], dropped: [] };
  private readonly out = this.body.parts;
  /** The blocks without the page furniture, each marked when it stands first on a page. */
  private kept: Block[] = [];
  /** Text that indents its paragraphs wraps them over lines: there, only an indented line opens one. */
  private indentsParagraphs = false;

  constructor(
    private readonly site: Site,
    private readonly options: { rejoin: boolean },
    private readonly warnings: Note[],
  ) {}

  read(blocks: readonly Block[]): Body {
    this.kept = this.withoutFurniture(blocks);
    this.indentsParagraphs = this.kept.filter((b) => b.indented).length >= MIN_INDENTED_PARAGRAPHS;
    this.kept.forEach((block, k) => this.readBlock(block, k));
    if (this.out[0]?.role !== 'title' && this.out[0]?.role !== 'column') {
      this.out.unshift({ role: 'title', markdown: '# 在这里写标题', text: '' });
      this.warnings.push({
        line: this.kept[0]?.line ?? 1,
        message: IMPORT_NOTES.untitledFirstArticle,
      });
    }
    settleRoles(this.out);
    return this.body;
  }

  private push(role: Role, markdown: string, text = markdown): void {
    this.out.push({ role, markdown, text });
  }

  /** The column a title names by its last words (…的调研报告), other than the default one. */
  private columnOf(title: string): string | undefined {
    const { columns, defaultColumn } = this.site;
    return columns.find((c) => c !== defaultColumn && c !== title && title.endsWith(c));
  }

  private titleMarkdown(text: string, column = this.columnOf(text)): string {
    return `# ${column ? `【${column}】` : ''}${escapeMarkdownText(text)}`;
  }

  /** A title line: an article's title, maybe with its column in 【】, or a column's name alone for an untitled item. */
  private pushTitle(line: string): void {
    const named = parseColumnTitle(closeUpHan(line), this.site.columns);
    // An empty 【】 names no column.
    const column = named?.column || undefined;
    if (named?.title === null) {
      const item = column ?? this.site.defaultColumn;
      this.out.push({ role: 'column', markdown: `# ${item}`, text: line, column: item });
      return;
    }
    const title = named?.title ?? closeUpHan(line);
    this.out.push({ role: 'title', markdown: this.titleMarkdown(title, column), text: title, column });
  }

  private isFurniture(text: string): boolean {
    const t = compact(text);
    const title = compact(this.site.title);
    return PAGE_NUMBER.test(text.trim()) || t === title || (t.startsWith(title) && /第\d+期/.test(t) && t.length <= 24);
  }

  /** Page furniture ends a printed page as a form feed does: the line after it stands first on the next. */
  private withoutFurniture(blocks: readonly Block[]): Block[] {
    let broken = false;
    return blocks.flatMap((b) => {
      if (b.kind !== 'paragraph' || !this.isFurniture(b.text)) {
        const block = broken && !b.afterBreak ? { ...b, afterBreak: true } : b;
        broken = false;
        return [block];
      }
      this.body.dropped.push(b.line);
      broken = true;
      return [];
    });
  }

  /** "快讯：…": an untitled item of a column, its text run in. */
  private runInColumn(text: string) {
    return parseRunInColumn(text, this.site.columns);
  }

  /** "【栏目】标题", or a column's name alone: a title wherever it stands. */
  private namesColumn(text: string): boolean {
    return parseColumnTitle(closeUpHan(text), this.site.columns) !== undefined;
  }

  private looksLikeTitle(k: number): boolean {
    const text = this.kept[k]!.text;
    if (headingLevel(text) !== undefined || endsSentence(text) || text.includes('。') || length(compact(text)) > MAX_TITLE) return false;
    const [next, afterNext] = [this.kept[k + 1]?.text, this.kept[k + 2]?.text];
    if (!this.out.some((o) => o.role === 'title' || o.role === 'column')) return true;
    if (next !== undefined && isArticleDate(next)) return true;
    if (next !== undefined && afterNext !== undefined && isByline(next) && isArticleDate(afterNext)) return true;
    return this.out.at(-1)?.role === 'closing';
  }

  /** A title printed over two lines: its second line comes before the byline and the date. */
  private titleGoesOn(k: number): boolean {
    const [text, next, afterNext] = [this.kept[k]?.text ?? '', this.kept[k + 1]?.text, this.kept[k + 2]?.text];
    if (this.out.at(-1)?.role !== 'title' || endsSentence(text) || text.includes('。') || isArticleDate(text)) return false;
    return next !== undefined && afterNext !== undefined && isByline(next) && isArticleDate(afterNext);
  }

  /** The line opens a part of its own: a heading, a date, a closing line, a column's name. */
  private opensSomething(text: string): boolean {
    return headingLevel(text) !== undefined || isArticleDate(text) || isClosingLine(text) || this.namesColumn(text) || !!this.runInColumn(text);
  }

  /** The line goes on with the last paragraph: the print wrapped it, or a page ended inside it. */
  private continuesLast(block: Block): boolean {
    const last = this.out.at(-1);
    if (!this.options.rejoin || last?.role !== 'text' || block.indented) return false;
    if (this.opensSomething(block.text)) return false;
    if (this.indentsParagraphs) return true;
    return !endsSentence(last.text) && length(last.text) >= MIN_BROKEN_LINE && !isStandaloneHeading(last.text);
  }

  /**
   * Joins the block onto the last paragraph when it goes on with it (true); at a page's start,
   * a join after a sentence's end, or a split in mid-sentence, is a guess, named under 需要核对.
   */
  private joinAcrossLines(block: Block): boolean {
    const last = this.out.at(-1);
    const text = block.text;
    if (this.continuesLast(block)) {
      if (block.afterBreak && endsSentence(last!.text)) {
        this.warnings.push({ line: block.line, message: IMPORT_NOTES.joinedAcrossPages(last!.text, text) });
      }
      // Chinese text has no spaces between words: the halves meet as they are.
      last!.text += text;
      last!.markdown += escapeMarkdownText(text);
      this.body.joined.push(block.line);
      return true;
    }
    const unfinished = last?.role === 'text' && !endsSentence(last.text) && length(last.text) >= MIN_BROKEN_LINE;
    if (this.options.rejoin && block.afterBreak && unfinished) {
      this.warnings.push({ line: block.line, message: IMPORT_NOTES.splitAcrossPages(last.text, text) });
    }
    // A Word document's paragraphs are the author's: never joined, but one that stops in mid-sentence
    // before another that goes on (a page of the print pasted in) is named under 需要核对.
    if (!this.options.rejoin && unfinished && !isStandaloneHeading(last.text) && !this.opensSomething(text)) {
      this.warnings.push({ line: block.line, message: IMPORT_NOTES.unfinishedParagraph(last.text, text) });
    }
    return false;
  }

  private readBlock(block: Block, k: number) {
    const text = block.text;
    const last = this.out.at(-1);
    if (block.kind === 'table' || block.kind === 'list') {
      if (block.review) this.warnings.push({ line: block.line, message: block.review });
      return this.push('other', block.markdown, text);
    }
    if (block.kind === 'heading') {
      if (block.depth === 1 && headingLevel(text) === undefined) return this.pushTitle(text);
      return this.push('heading', `## ${block.markdown}`, text);
    }
    if (this.joinAcrossLines(block)) return;
    if (isArticleDate(text) && (last?.role === 'title' || last?.role === 'byline')) return this.push('date', articleDate(text));
    const runIn = this.runInColumn(text);
    if (runIn) {
      this.out.push({ role: 'column', markdown: `# ${runIn.column}`, text: runIn.column, column: runIn.column });
      if (runIn.text) this.push('text', escapeMarkdownText(runIn.text), runIn.text);
      return;
    }
    if (this.namesColumn(text)) return this.pushTitle(text);
    if (isClosingLine(text)) return this.push('closing', block.markdown, text);
    if (this.titleGoesOn(k)) {
      last!.text = closeUpHan(last!.text + text);
      last!.markdown = this.titleMarkdown(last!.text, last!.column);
      return;
    }
    if (last?.role === 'title' && isByline(text)) return this.push('byline', escapeMarkdownText(text), text);
    if (this.looksLikeTitle(k)) return this.pushTitle(text);
    this.push('text', block.markdown, text);
    if (!endsSentence(text) && length(text) < MIN_BROKEN_LINE && headingLevel(text) === undefined) {
      this.warnings.push({
        line: block.line,
        message: IMPORT_NOTES.shortLine(text),
      });
    }
  }
}

/**
 * Roles that only what follows decides, settled as the renderer will read the Markdown: a
 * numbered paragraph short enough and without a sentence break is a heading on its own; a
 * closing line is the last paragraph of its article, so one with more text after it was a note.
 */
function settleRoles(parts: BodyPart[]): void {
  parts.forEach((part, i) => {
    const next = parts[i + 1];
    if (part.role === 'text' && isStandaloneHeading(part.text)) part.role = 'heading';
    if (part.role === 'closing' && next && next.role !== 'title' && next.role !== 'column') part.role = 'text';
  });
}
