// The stages' own modules, loaded when a run first needs them: a build that finds the site up
// to date reads its sources and stops, without loading the parsers, templates or indexer.
export { findPdfs, type FoundPdfs, printMissingPdfs } from '../pdf/issue-pdfs.ts';
export { indexSearch } from '../stages/index-search.ts';
export { loadSite } from '../stages/load-site.ts';
export { parseIssue, type SourceIssue } from '../stages/parse-issue.ts';
export { renderArticles } from '../stages/render-articles.ts';
export { renderPages, TemplateError } from '../stages/render-pages.ts';
export { byPublication, resolveIssue } from '../stages/resolve-issue.ts';
export { validateArchive } from '../stages/validate-archive.ts';
export { planRender, type RenderPlan } from './affected-pages.ts';
