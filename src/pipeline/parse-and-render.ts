// Stage 2 for the issue files, with their cache: an issue file whose bytes, the site's
// settings for articles and the tool are as they were comes from .cache/build/ whole (its front
// matter, the places of its fields, its rendered articles, and the messages of decoding, parsing
// and rendering it), without being decoded, so that a build after a change to one issue parses
// and renders that one only; the files are kept in packs of many (issue-packs.ts). Otherwise the
// file is decoded, parsed and its Markdown rendered (markdown/render-issue-file.ts), in worker
// threads when there are many (markdown/render-in-workers.ts).
import { VFile } from 'vfile';
import { type Cache, hashOf } from '../cache/cache.ts';
import { decodeSource, type RawSource } from '../content/load-content.ts';
import { parseIssue, type SourceIssue } from '../content/parse-issue.ts';
import type { IssueText } from '../markdown/render-issue-file.ts';
import type { LocalAddress, RenderedFile } from '../markdown/rendered-file.ts';
import { FILE_START, keepMessage, replayMessage } from '../messages.ts';
import type { Article } from '../model/issue.ts';
import type { Site } from '../model/site.ts';
import { keepIndexedHtml } from '../search/indexed-html.ts';
import { startWorkers } from '../workers/pool.ts';
import { workerCount } from '../workers/worker-count.ts';
import { openIssuePacks } from './issue-packs.ts';

/** An issue file parsed, with its articles when it was rendered. */
export interface ParsedIssue {
  /** The file with its messages; its text only when it was decoded now (not when it came from the cache). */
  file: VFile;
  source?: SourceIssue;
  articles?: Article[];
  /** The addresses on its page that stay on the site, when it was rendered. */
  addresses?: LocalAddress[];
  /** The key of everything it was parsed and rendered from (the file's path and bytes, the site's settings for articles, the tool). */
  key?: string;
}

/** The source of an issue file parsed, with the text it was parsed from (its body: decoded when asked for). */
function sourceOf(file: VFile, parsed: NonNullable<RenderedFile['parsed']>, text: () => string): SourceIssue {
  const { meta, pathYear, pathName, bodyStart, bodyLine, places } = parsed;
  return {
    file,
    meta,
    pathYear,
    pathName,
    bodyLine,
    placeOf: (key: string) => places[key] ?? FILE_START,
    get body() {
      return text().slice(bodyStart);
    },
  };
}

export interface IssueParsing {
  /** The site's settings: without them (site.yml has errors) files are parsed only, not rendered. */
  site?: Site;
  /** Parse only, render nothing (npm run new and import need the numbers). */
  articles?: boolean;
  cache?: Cache;
  /** The tool's version (currentToolVersion()), part of every key. */
  toolVersion: string;
  /** Remove the entries of files not read now (when these are all the files). */
  prune?: boolean;
  /** Render in worker threads from this many files to render (WORKERS_FROM). */
  workersFrom?: number;
  /** Issues kept in one cache entry at most (issue-packs.ts: PACK_SIZE). */
  packSize?: number;
}

/**
 * Files rendered at once from which worker threads pay: starting them and loading the Markdown
 * pipeline in each costs about what rendering 150 issues in one thread does.
 */
export const WORKERS_FROM = 150;

/** Renders the files in this thread, or in worker threads when there are many. */
async function renderFiles(files: IssueText[], site: Site, workersFrom: number): Promise<RenderedFile[]> {
  // The Markdown pipeline takes a third of a second to load: only when something is to render.
  if (files.length === 0) return [];
  if (files.length >= workersFrom) return (await import('../markdown/render-in-workers.ts')).renderInWorkers(files, site);
  const { renderIssueFile } = await import('../markdown/render-issue-file.ts');
  return files.map((file) => renderIssueFile(file, site));
}

/**
 * Every file read parsed, its articles rendered, from the cache where it can; in the order read.
 * A file's key is made of its bytes as read, so that a file the cache holds is not even decoded:
 * its entry holds the messages of decoding it too (a character XML forbids, removed), and its
 * source's body is decoded only if asked for (it never is: the file is not rendered).
 */
export async function parseAndRender(
  root: string,
  raws: readonly RawSource[],
  { site, articles = true, cache, toolVersion, prune = true, workersFrom = WORKERS_FROM, packSize }: IssueParsing,
): Promise<ParsedIssue[]> {
  if (!site || !articles) {
    return raws.map((raw) => {
      const file = decodeSource(root, raw);
      return { file, source: parseIssue(file) };
    });
  }
  const settings = JSON.stringify([site.columns, site.defaultColumn, site.baseUrl]);
  const keys = raws.map(({ relPath, read }) => (read.ok ? hashOf(toolVersion, settings, relPath, read.bytes) : undefined));
  const packs = await openIssuePacks(cache, hashOf(toolVersion, settings), new Set(keys.filter((key) => key !== undefined)), packSize);
  const found: (RenderedFile | undefined)[] = keys.map((key) => (key === undefined ? undefined : packs.found.get(key)));
  // Enough files the cache lacks to render them in threads (a cold build, a new tool): the threads
  // start now, and load the Markdown pipeline while this thread decodes these.
  if (found.filter((made) => !made).length >= workersFrom) startWorkers('render', {}, workerCount());
  // The others are decoded: a file that could not be read or decoded has its error, and nothing to render.
  const files = raws.map((raw, i) => (found[i] ? new VFile({ path: raw.relPath, cwd: root, value: '' }) : decodeSource(root, raw)));
  const missing = files.flatMap((file, i) => (found[i] || file.messages.some((m) => m.fatal) ? [] : [i]));
  const rendered = await renderFiles(
    missing.map((i) => ({ path: files[i]!.path, cwd: root, value: String(files[i]!.value) })),
    site,
    workersFrom,
  );
  // Kept in the cache once all are rendered, with the messages of decoding each (on its file
  // already) before those of rendering it. (Kept as each batch came back, while the others
  // rendered, the main thread's garbage met the workers' peak: 220 MB more at 5000 issues.)
  const kept: [string, RenderedFile][] = rendered.map((made, j) => {
    const i = missing[j]!;
    found[i] = made;
    return [keys[i]!, { ...made, messages: [...files[i]!.messages.map(keepMessage), ...made.messages], indexed: undefined }];
  });
  await packs.store(kept, prune);
  const decodedNow = new Set(missing);
  return files.map((file, i): ParsedIssue => {
    const made = found[i];
    if (!made) return { file };
    for (const m of made.messages) replayMessage(file, m);
    made.articles?.forEach((article, j) => {
      const indexed = made.indexed?.[j];
      if (indexed !== undefined) keepIndexedHtml(article, indexed);
    });
    if (!made.parsed) return { file };
    // Decoded now, or when asked for: the text the file was rendered from.
    const text = decodedNow.has(i) ? () => String(file.value) : () => String(decodeSource(root, raws[i]!).value);
    return { file, source: sourceOf(file, made.parsed, text), articles: made.articles, addresses: made.addresses, key: keys[i] };
  });
}
