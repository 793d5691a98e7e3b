// The cache's kinds of entry, each a folder of .cache/build/, and the stage of the pipeline that
// looks it up (for npm run build -- --timings, which counts each stage's hits).
export const NAMESPACES = {
  /** The files of the published folder as written (pipeline/disk-writer.ts): looked up on reading. */
  output: 'read',
  /** The hash of each picture and attachment of content/, by its path, size and times (content/published-files.ts). */
  pictures: 'read',
  /** The record of the last run: its key, its summary, the keys of its files (pipeline/record.ts). */
  record: 'read',
  /** The templates compiled, for each version of templates/ (pages/render-pages.ts). */
  templates: 'pages',
  /** Each issue file parsed, with its articles (pipeline/parse-and-render.ts). */
  issues: 'parse',
  /** Each issue's PDF (pdf/issue-pdfs.ts). */
  pdf: 'pdfs',
  /** Each part of the search index (search/index-search.ts). */
  search: 'search',
} as const;

export type Namespace = keyof typeof NAMESPACES;
