// Stage 2 for the issue files, with their cache: an issue file whose text, the site's
// settings for articles and the tool are as they were comes from .cache/build/ whole (its front
// matter, the places of its fields, its rendered articles, and the messages of both), so that a
// build after a change to one issue parses and renders that one only. Otherwise the file is
// parsed (content/parse-issue.ts) and its Markdown rendered (markdown/render-markdown.ts).
import type { VFile } from 'vfile';
import { type Cache, hashOf } from '../cache/cache.ts';
import type { Namespace } from '../cache/namespaces.ts';
import { parseIssue, type SourceIssue } from '../content/parse-issue.ts';
import { FILE_START, isKeptMessage, type KeptMessage, keepMessage, type Point, replayMessage } from '../messages.ts';
import { type Article, FIELD_NAMES, type FrontMatter, frontMatterSchema } from '../model/issue.ts';
import type { Site } from '../model/site.ts';

const NAMESPACE: Namespace = 'issues';

/** What the cache keeps of one issue file. */
interface CachedIssue {
  /** Parsed, or undefined when the file has an error that stops it. */
  parsed?: { meta: FrontMatter; pathYear: number; pathName: string; bodyStart: number; bodyLine: number; places: Record<string, Point> };
  articles?: Article[];
  messages: KeptMessage[];
}

/** An issue file parsed, with its articles when it was rendered. */
export interface ParsedIssue {
  source?: SourceIssue;
  articles?: Article[];
}

const isText = (v: unknown) => typeof v === 'string';
const isOptional = (v: unknown, check: (v: unknown) => boolean) => v === undefined || check(v);
const isPoint = (v: unknown) => typeof v === 'object' && v !== null && Number.isSafeInteger((v as Point).line) && Number.isSafeInteger((v as Point).column);

function isArticle(v: unknown): v is Article {
  const a = v as Article;
  return (
    typeof a === 'object' &&
    a !== null &&
    isText(a.id) &&
    isText(a.column) &&
    (a.title === null || isText(a.title)) &&
    isText(a.label) &&
    isText(a.html) &&
    isOptional(a.byline, isText) &&
    isOptional(a.date, isText)
  );
}

function isParsed(v: unknown): v is CachedIssue['parsed'] {
  const p = v as NonNullable<CachedIssue['parsed']>;
  return (
    typeof p === 'object' &&
    p !== null &&
    frontMatterSchema.safeParse(p.meta).success &&
    Number.isSafeInteger(p.pathYear) &&
    isText(p.pathName) &&
    Number.isSafeInteger(p.bodyStart) &&
    Number.isSafeInteger(p.bodyLine) &&
    typeof p.places === 'object' &&
    p.places !== null &&
    Object.values(p.places).every(isPoint)
  );
}

/** A cache entry read back: parsed with at least one article (every issue has one), or stopped by an error. */
function isCachedIssue(v: unknown): v is CachedIssue {
  const c = v as CachedIssue;
  if (typeof c !== 'object' || c === null || !Array.isArray(c.messages) || !c.messages.every(isKeptMessage)) return false;
  const stopped = c.messages.some((m) => m.fatal === true);
  if (c.parsed === undefined) return c.articles === undefined && stopped;
  return isParsed(c.parsed) && Array.isArray(c.articles) && c.articles.every(isArticle) && (c.articles.length > 0 || stopped);
}

/** The source of a cached issue, on its file as decoded now. */
function sourceOf(file: VFile, parsed: NonNullable<CachedIssue['parsed']>): SourceIssue {
  const { meta, pathYear, pathName, bodyStart, bodyLine, places } = parsed;
  return { file, meta, pathYear, pathName, body: String(file.value).slice(bodyStart), bodyLine, placeOf: (key) => places[key] ?? FILE_START };
}

type RenderMarkdown = typeof import('../markdown/render-markdown.ts').renderMarkdown;

/** Parses one file and renders its articles, keeping what the cache needs. */
function parseAndRenderOne(file: VFile, site: Site, renderMarkdown: RenderMarkdown): { result: ParsedIssue; kept: CachedIssue } {
  const before = file.messages.length;
  const source = parseIssue(file);
  const articles = source ? renderMarkdown(source, site) : undefined;
  const messages = file.messages.slice(before).map(keepMessage);
  if (!source) return { result: {}, kept: { messages } };
  const text = String(file.value);
  const places = Object.fromEntries(Object.keys(FIELD_NAMES).map((key) => [key, source.placeOf(key)]));
  const parsed = {
    meta: source.meta,
    pathYear: source.pathYear,
    pathName: source.pathName,
    bodyStart: text.length - source.body.length,
    bodyLine: source.bodyLine,
    places,
  };
  return { result: { source, articles }, kept: { parsed, articles, messages } };
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
}

/** Every file parsed, its articles rendered, from the cache where it can; in the order of files. */
export async function parseAndRender(files: VFile[], { site, articles = true, cache, toolVersion, prune = true }: IssueParsing): Promise<ParsedIssue[]> {
  if (!site || !articles) return files.map((file) => ({ source: parseIssue(file) }));
  const settings = JSON.stringify([site.columns, site.defaultColumn, site.baseUrl]);
  const keys = files.map((file) => hashOf(toolVersion, settings, file.path, String(file.value)));
  // A file that could not be read or decoded has its error already, and nothing to parse.
  const unread = files.map((file) => file.messages.some((m) => m.fatal));
  const cached = await Promise.all(keys.map((key, i) => (unread[i] ? undefined : cache?.readJson(NAMESPACE, key, isCachedIssue))));
  // The Markdown pipeline takes a third of a second to load: only when something is to render.
  const { renderMarkdown } = cached.every((hit, i) => hit || unread[i]) ? { renderMarkdown: undefined } : await import('../markdown/render-markdown.ts');
  const writes: Promise<void>[] = [];
  const results = files.map((file, i): ParsedIssue => {
    if (unread[i]) return {};
    const hit = cached[i];
    if (hit) {
      for (const m of hit.messages) replayMessage(file, m);
      return hit.parsed ? { source: sourceOf(file, hit.parsed), articles: hit.articles } : {};
    }
    const { result, kept } = parseAndRenderOne(file, site, renderMarkdown!);
    if (cache) writes.push(cache.writeJson(NAMESPACE, keys[i]!, kept));
    return result;
  });
  await Promise.all(writes);
  if (cache && prune) await cache.prune(NAMESPACE, new Set(keys));
  return results;
}
