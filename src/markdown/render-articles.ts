// Stage 4 with its cache: each issue's articles come from .cache/build/ when the issue's file,
// the site's columns and the tool are as they were; otherwise the Markdown is rendered.
// Messages found while rendering are kept with the articles, so a cached issue reports its
// warnings again.
import { type Cache, hashOf } from '../cache/cache.ts';
import type { SourceIssue } from '../content/parse-issue.ts';
import { isKeptMessage, type KeptMessage, keepMessage, replayMessage } from '../messages.ts';
import type { Article } from '../model/issue.ts';
import type { Site } from '../model/site.ts';

const NAMESPACE = 'articles';

interface RenderedIssue {
  articles: Article[];
  messages: KeptMessage[];
}

const isText = (v: unknown) => typeof v === 'string';
const isOptional = (v: unknown, check: (v: unknown) => boolean) => v === undefined || check(v);

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

/** A cache entry read back: articles (at least one: every issue has one) and messages. */
function isRenderedIssue(v: unknown): v is RenderedIssue {
  const r = v as RenderedIssue;
  return (
    typeof r === 'object' &&
    r !== null &&
    Array.isArray(r.articles) &&
    Array.isArray(r.messages) &&
    r.articles.every(isArticle) &&
    r.messages.every(isKeptMessage) &&
    (r.articles.length > 0 || r.messages.some((m) => m.fatal === true))
  );
}

type RenderMarkdown = typeof import('./render-markdown.ts').renderMarkdown;

/** Renders one issue's body, returning its articles and the messages rendering added to its file. */
function renderIssueBody(renderMarkdown: RenderMarkdown, source: SourceIssue, site: Site): RenderedIssue {
  const before = source.file.messages.length;
  const articles = renderMarkdown(source, site);
  return { articles, messages: source.file.messages.slice(before).map(keepMessage) };
}

export interface ArticleRendering {
  cache?: Cache;
  /** The tool's version (currentToolVersion()), part of every key. */
  toolVersion: string;
  /** Remove the entries of issues not rendered now (when these are all the issues). */
  prune?: boolean;
}

/** Every issue's articles, in the order of sources. */
export async function renderArticles(sources: SourceIssue[], site: Site, { cache, toolVersion, prune = true }: ArticleRendering): Promise<Article[][]> {
  const settings = JSON.stringify([site.columns, site.defaultColumn, site.baseUrl]);
  const keys = sources.map((source) => hashOf(toolVersion, settings, source.file.path, String(source.file.value)));
  const cached = await Promise.all(keys.map((key) => cache?.readJson(NAMESPACE, key, isRenderedIssue)));
  // The Markdown pipeline takes a third of a second to load: only when something is to render.
  const { renderMarkdown } = cached.every(Boolean) ? { renderMarkdown: undefined } : await import('./render-markdown.ts');
  const rendered = sources.map((source, i) => {
    const hit = cached[i];
    if (hit) {
      for (const m of hit.messages) replayMessage(source.file, m);
      return hit;
    }
    return renderIssueBody(renderMarkdown!, source, site);
  });
  if (cache) {
    await Promise.all(rendered.map((result, i) => (cached[i] ? undefined : cache.writeJson(NAMESPACE, keys[i]!, result))));
    if (prune) await cache.prune(NAMESPACE, new Set(keys));
  }
  return rendered.map((result) => result.articles);
}
