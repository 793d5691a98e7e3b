// What an imported document is made of, whatever it came from: blocks in reading order,
// each with its plain text (to recognise the parts of an issue) and its Markdown.

export interface Block {
  kind: 'paragraph' | 'heading' | 'list' | 'table';
  /** Plain text, one line; the masthead's and 版记's items are read from it. */
  text: string;
  /** The block as Markdown, with Word's bold, lists and tables kept. */
  markdown: string;
  /** Heading level of a Word heading (Heading 1 → 1). */
  depth?: number;
  /** Where it is in the source: a line of a text file, a paragraph of a Word document. */
  line: number;
  /** The line was indented in the source, so it opens a paragraph. */
  indented?: boolean;
  /** The line was set in the middle of the page (a PDF's masthead items, an issue's own title). */
  centred?: boolean;
  /** The line stands first on a printed page: after a form feed in a text file. */
  afterBreak?: boolean;
  /** What the importer is not sure of in this block, for 需要核对 (a table it could not rebuild). */
  review?: string;
}

/** Backslash-escapes what Markdown would read as markup in plain text. */
export function escapeMarkdownText(text: string): string {
  return text.replace(/[\\`*_[\]<]/g, (c) => `\\${c}`);
}

/** Escapes what would make a paragraph's first line a heading, list, quote or code block. */
export function escapeLineStart(markdown: string): string {
  return markdown.replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2').replace(/^([#>+\-|=~]|\s{4})/, '\\$1');
}

export function paragraphBlock(text: string, line: number): Block {
  return { kind: 'paragraph', text, markdown: escapeLineStart(escapeMarkdownText(text)), line };
}
