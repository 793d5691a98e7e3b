// The execution of a run: the search index started (stage 7, on the other core), the PDFs found
// or printed (stage 5), the site planned (plan.ts) and its files made or kept (stage 6), then the
// new version published (stage 8). Any failure drops the new version: the site stays as it was.
import type { Cache } from '../cache/cache.ts';
import { readBadge } from '../content/site-badge.ts';
import type { Issue } from '../model/issue.ts';
import { badgeSitePath, SEARCH_BUNDLE } from '../model/output.ts';
import type { Site } from '../model/site.ts';
import type { Templates } from '../pages/render-pages.ts';
import { type FoundPdfs, findPdfs, printMissingPdfs } from '../pdf/issue-pdfs.ts';
import { indexSearch } from '../search/index-search.ts';
import { diffPlan, keysOf, type PlanInput, planSite, printablePages, type SitePlan } from './plan.ts';
import type { RunOptions, RunResult } from './project.ts';
import type { Timings } from './timings.ts';
import type { Writer } from './writer.ts';

export interface Execution {
  site: Site;
  issues: Issue[];
  writer?: Writer;
  run: RunOptions;
  /** The keys of the files of the last version, when its record holds for the site as it is. */
  last?: Readonly<Record<string, string>>;
  /** The output paths of the site this process last published (the dev server's search files). */
  previous: ReadonlySet<string>;
  cache?: Cache;
  timings?: Timings;
  projectDir: string;
  templates: () => Promise<Templates>;
  toolVersion: string;
  /** The pictures and attachments of content/, at their paths in the site. */
  published?: ReadonlyMap<string, Uint8Array>;
}

export interface Executed {
  /** Every file of the new version. */
  paths: Set<string>;
  /** The key of each planned file, for the record. */
  keys: Record<string, string>;
  result: Pick<RunResult, 'changed' | 'full' | 'pdfs'>;
}

const isSearchFile = (file: string) => file.startsWith(`${SEARCH_BUNDLE}/`);

/** The badge image, read as it was checked when site.yml was loaded (content/site-badge.ts); changed since, it is not published. */
function badgeBytes(projectDir: string, badge: string): Uint8Array {
  const read = readBadge(projectDir, badge);
  if (!read.ok) throw new Error(`${badge}: ${read.why || 'missing'}`);
  return read.bytes;
}

/** Stage 5: the PDFs printed already, and with --pdf those still missing, printed from the planned pages. */
async function pdfsOf(x: Execution, input: Omit<PlanInput, 'pdfs'>): Promise<{ found?: FoundPdfs; printed: string[] }> {
  const { cache, run, site, issues } = x;
  if ((run.pdfs ?? 'cached') === 'none' || !cache) return { printed: [] };
  x.timings?.lap('pdfs');
  const found = await findPdfs({ site, issues, cache, templatesKey: input.templates.key, toolVersion: x.toolVersion });
  if (run.pdfs !== 'print') return { found, printed: [] };
  const unlinked = planSite(input);
  const renderForPrint = async (chosen: Issue[]) => printablePages(unlinked, chosen);
  const printed = await printMissingPdfs({ site, issues, cache, found, renderForPrint, printed: run.pdfPrinted });
  return { found, printed };
}

/** Stage 6: the planned files the last version lacks, made and put; the others kept. */
async function makeFiles(writer: Writer | undefined, plan: SitePlan, last: Execution['last']): Promise<{ full: boolean }> {
  const { make, keep } = diffPlan(plan, last);
  // The files kept are taken over while the others are made.
  const keeping = writer?.keepAll?.(keep);
  keeping?.catch(() => undefined);
  try {
    for (const file of make) await writer?.put(file, plan.get(file)!.make());
  } finally {
    // Nothing may write into the new version once it is dropped: the files under way end first.
    await keeping?.catch(() => undefined);
  }
  await keeping;
  return { full: !keep.some((file) => plan.get(file)!.kind === 'page') };
}

export async function execute(x: Execution): Promise<Executed> {
  const { writer, site, issues, run, timings } = x;
  const search = run.search ?? true;
  // 7. The search index, made beside stages 5 and 6; awaited after them (its failure kept until then).
  const searchPaths = new Set<string>();
  const stopSearch = new AbortController();
  const putSearchFile = async (file: string, content: string | Uint8Array) => {
    searchPaths.add(file);
    await writer?.put(file, content);
  };
  let underWay: () => void = () => undefined;
  const sent = new Promise<void>((resolve) => {
    underWay = resolve;
  });
  const searching = search
    ? indexSearch(issues, { cache: x.cache, toolVersion: x.toolVersion, put: putSearchFile, signal: stopSearch.signal, underWay })
    : undefined;
  searching?.catch(() => undefined);
  try {
    // The first part to index goes to its thread before the pages take the main thread.
    if (searching) await Promise.race([sent, searching]);
    const templates = await x.templates();
    const badge = site.badge ? { path: badgeSitePath(site.badge), bytes: badgeBytes(x.projectDir, site.badge) } : undefined;
    const input = { site, issues, templates, toolVersion: x.toolVersion, badge, published: x.published };
    const { found, printed } = await pdfsOf(x, input);
    timings?.lap('pages');
    const plan = planSite({ ...input, pdfs: found?.pdfs });
    const { full } = await makeFiles(writer, plan, x.last);
    const paths = new Set([...plan.keys(), ...(search ? [] : [...x.previous].filter(isSearchFile))]);
    if (searching) {
      timings?.lap('search');
      await searching;
      for (const file of searchPaths) paths.add(file);
    }
    // 8. Publish.
    timings?.lap('publish');
    const changed = (await writer?.commit(paths)) ?? [];
    return { paths, keys: keysOf(plan), result: { changed, full, pdfs: { published: [...(found?.pdfs.keys() ?? [])], printed } } };
  } catch (error) {
    // Nothing may write into the new version once it is dropped: the index stops, its parts under way end first.
    stopSearch.abort();
    await searching?.catch(() => undefined);
    await writer?.abort();
    throw error;
  }
}
