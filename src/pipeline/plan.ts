// The plan of a site: every file it holds, each with a key of exactly what it is made of, and how
// to make it. A page's key is the hash of the tool, the templates and the data its template is
// given (pages/page-list.ts), the same data it is rendered from: a template cannot show what its
// key does not cover. An asset's, the badge's, a picture's or attachment's of content/ and a PDF's key is the hash of its bytes. Compared
// with the keys of the last version published (record.ts), the plan says which files to make and
// which to keep: the build and the dev server plan the same way.
import { hashOf, hashOfContent, hashOfValue } from '../cache/cache.ts';
import { PublishedBytes } from '../content/published-files.ts';
import type { Issue } from '../model/issue.ts';
import { CITATIONS_FILE, issuePage, pdfPath, type SiteOutput } from '../model/output.ts';
import { listPages, type PageSource, type SiteInput } from '../pages/page-list.ts';
import { renderPage, type Templates } from '../pages/render-pages.ts';
import { citationsJson } from '../search/citations.ts';

export interface PlannedFile {
  key: string;
  /** A page rendered from the templates, or a file published as it is (an asset, the badge, a picture of content/, a PDF). */
  kind: 'page' | 'file';
  make(): string | Uint8Array;
}

/** Output path → the file planned there, in the order they are made (content/'s pictures, assets, pages, PDFs). */
export type SitePlan = Map<string, PlannedFile>;

export interface PlanInput extends SiteInput {
  templates: Templates;
  toolVersion: string;
  /** The badge image (site.yml badge), at its output path, when the site has one. */
  badge?: { path: string; bytes: Uint8Array };
  /** The pictures and attachments of content/, at their paths in the site (content/published-files.ts: their bytes read when made). */
  published?: ReadonlyMap<string, Uint8Array>;
}

/** The key of a file's bytes; made once for bytes kept from run to run (the assets, a PDF, a picture of content/). */
const bytesKey = (bytes: string | Uint8Array): string => `bytes ${hashOfContent(bytes)}`;

/**
 * The JSON of a page's data, with each value many pages share (an issue, the list of issues, the
 * years) as its hash, made once: a page's key costs little more than its own fields. An issue's
 * hash is that of what it is made of, when known (its file's key and the site's defaults:
 * content/resolve-issue.ts), which determines all of it, rather than of its JSON.
 */
function dataKey(data: unknown, shared: ReadonlyMap<object, string>): string {
  return JSON.stringify(data, (_, value: unknown) => {
    if (typeof value !== 'object' || value === null) return value;
    if (value instanceof Uint8Array) return bytesKey(value);
    return shared.get(value) ?? value;
  });
}

/**
 * The key of a page listed again as the same object (page-list.ts: its values are the objects they
 * were, and these are never changed), for the same tool and templates: made once.
 */
const pageKeys = new WeakMap<PageSource, { salt: string; key: string }>();

export function planSite(input: PlanInput): SitePlan {
  const { templates, toolVersion, badge } = input;
  const plan: SitePlan = new Map();
  // First, so that a file of the site's own (an asset, the badge, a page, a PDF) at the same path takes its place.
  const published = input.published;
  for (const file of published?.keys() ?? []) {
    // A picture of content/ is read only to be made: its hash is known (content/published-files.ts).
    const known = published instanceof PublishedBytes ? published.hashOf(file) : undefined;
    plan.set(file, { key: known === undefined ? bytesKey(published!.get(file)!) : `bytes ${known}`, kind: 'file', make: () => published!.get(file)! });
  }
  for (const [file, content] of templates.assets) plan.set(file, { key: bytesKey(content), kind: 'file', make: () => content });
  if (badge) plan.set(badge.path, { key: bytesKey(badge.bytes), kind: 'file', make: () => badge.bytes });
  const { pages, shared } = listPages(input);
  const known = new Map<object, string>(input.issues.map((issue: Issue) => [issue, `issue ${hashOfValue(issue)}`]));
  for (const value of shared) known.set(value, `shared ${hashOf(dataKey(value, known))}`);
  const salt = `${toolVersion} ${templates.key}`;
  for (const page of pages) {
    const kept = pageKeys.get(page);
    const key = kept?.salt === salt ? kept.key : hashOf(toolVersion, templates.key, page.template, page.root, dataKey(page.data, known));
    pageKeys.set(page, { salt, key });
    plan.set(page.path, { key, kind: 'page', make: () => renderPage(templates, page) });
  }
  const citations = citationsJson(input.issues);
  plan.set(CITATIONS_FILE, { key: bytesKey(citations), kind: 'file', make: () => citations });
  for (const [issuePath, pdf] of input.pdfs ?? []) {
    plan.set(pdfPath(issuePath, pdf.file), { key: bytesKey(pdf.bytes), kind: 'file', make: () => pdf.bytes });
  }
  return plan;
}

/** The plan's files as the record keeps them: output path → key. */
export const keysOf = (plan: SitePlan): Record<string, string> => Object.fromEntries([...plan].map(([file, { key }]) => [file, key]));

/** Which planned files to make, and which the last version holds already as planned (last: its keys). */
export function diffPlan(plan: SitePlan, last: Readonly<Record<string, string>> | undefined): { make: string[]; keep: string[] } {
  const make: string[] = [];
  const keep: string[] = [];
  for (const [file, { key }] of plan) (last?.[file] === key ? keep : make).push(file);
  return { make, keep };
}

/** The pages of these issues, made, with the files they load (assets, badge): what printing them needs. */
export function printablePages(plan: SitePlan, issues: readonly Issue[]): SiteOutput {
  const wanted = new Set(issues.map((issue) => issuePage(issue.path)));
  return new Map([...plan].filter(([file, planned]) => planned.kind === 'file' || wanted.has(file)).map(([file, planned]) => [file, planned.make()]));
}
