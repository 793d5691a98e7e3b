// The stages' own modules, loaded when a run first needs them: a build that finds the site up
// to date reads its sources and stops, without loading the parsers, templates or indexer.

export { loadSite } from '../content/load-site.ts';
export type { SourceIssue } from '../content/parse-issue.ts';
export { byPublication, resolveIssue } from '../content/resolve-issue.ts';
export { validateArchive } from '../content/validate-archive.ts';
export { loadTemplates } from '../pages/render-pages.ts';
export { TemplateError } from '../pages/template-errors.ts';
export { type FoundPdfs, findPdfs, printMissingPdfs } from '../pdf/issue-pdfs.ts';
export { indexSearch } from '../search/index-search.ts';
export { startWorkers, withWorkers } from '../workers/pool.ts';
export { workerCount } from '../workers/worker-count.ts';
export { execute } from './execute.ts';
export { parseAndRender, WORKERS_FROM } from './parse-and-render.ts';
