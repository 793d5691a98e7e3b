// Limits on content files that no editor reaches (the sample issue is 13 KB in 64 lines, its
// lists and quotes nest 2 deep, a paragraph has a few bold phrases), so that a damaged or hostile file is refused with a message in
// a moment instead of hanging the build or overflowing the stack. Each is checked before the
// work it protects; docs/architecture.md ("Input limits") gives what each costs at its limit,
// measured by bench/limits.ts.

/** Bytes of one file in content/: about 43,000 Chinese characters, some 40 printed pages. */
export const MAX_FILE_BYTES = 128 * 1024;

/** Lines of one file: the Markdown parser's time grows with the number of lines and blocks. */
export const MAX_LINES = 2000;

/** Lists and block quotes inside each other; also emphasis, links and the like inside each other. */
export const MAX_NESTING = 32;

/** List items, quote lines and footnotes in one file: the parser's time grows with their square inside an open quote or list. */
export const MAX_CONTAINERS = 2000;

/** Marks of emphasis, code and links (a run of * _ ~ or `, a [ or ]) in one paragraph: the parser's time grows with their square. */
export const MAX_INLINE_MARKS = 1000;

/** HTML elements inside each other, in HTML written into an issue. */
export const MAX_HTML_NESTING = 64;

/** Aliases (*name) expanded in front matter or site.yml: the YAML library's own default. */
export const MAX_YAML_ALIASES = 100;

/**
 * Cells of the tables in one file, counted as the parser makes them: every row padded to its
 * header's width. A header thousands of cells wide over many short rows made the build run for
 * minutes; a real table is a few columns by a few dozen rows.
 */
export const MAX_TABLE_CELLS = 10_000;

/** The most rows or columns one merged cell of an HTML table spans: beyond, it is cut to this. */
export const MAX_SPAN = 100;

/**
 * Bytes of one picture or attachment published from content/ (content/published-files.ts): a
 * photo from a phone is a few MB, a scanned attachment some more; past this, it is not published.
 */
export const MAX_PUBLISHED_BYTES = 20 * 1024 * 1024;
