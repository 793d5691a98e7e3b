// Stage 5 with its cache: each issue's articles come from .cache/build/ when the issue's file,
// the site's columns and the tool are as they were; otherwise the Markdown is rendered.
// Messages found while rendering are kept with the articles, so a cached issue reports its
// warnings again.
import type { VFile } from 'vfile';
import { BuildCache, hashOf } from '../cache/build-cache.ts';
import { reportError, reportWarning } from '../messages.ts';
import type { Article } from '../model/issue.ts';
import type { Site } from '../model/site.ts';
import type { SourceIssue } from './parse-issue.ts';

const NAMESPACE = 'articles';

interface KeptMessage {
  reason: string;
  line?: number;
  column?: number;
  ruleId?: string;
  fatal: boolean;
}

interface RenderedIssue {
  articles: Article[];
  messages: KeptMessage[];
}

type RenderMarkdown = typeof import('./render-markdown.ts').renderMarkdown;

/** Renders one issue's body, returning its articles and the messages rendering added to its file. */
function renderIssueBody(renderMarkdown: RenderMarkdown, source: SourceIssue, site: Site): RenderedIssue {
  const before = source.file.messages.length;
  const articles = renderMarkdown(source, site);
  const messages = source.file.messages.slice(before).map((m) => ({
    reason: m.reason,
    line: m.line,
    column: m.column,
    ruleId: m.ruleId,
    fatal: m.fatal === true,
  }));
  return { articles, messages };
}

function replay(file: VFile, messages: KeptMessage[]): void {
  for (const m of messages) {
    const place = m.line ? { line: m.line, column: m.column ?? 1 } : undefined;
    (m.fatal ? reportError : reportWarning)(file, m.reason, m.ruleId ?? 'markdown', place);
  }
}

export interface ArticleRendering {
  cache?: BuildCache;
  /** The tool's version (currentToolVersion()), part of every key. */
  toolVersion: string;
}

/** Every issue's articles, in the order of sources. */
export async function renderArticles(sources: SourceIssue[], site: Site, { cache, toolVersion }: ArticleRendering): Promise<Article[][]> {
  const settings = JSON.stringify([site.columns, site.defaultColumn, site.baseUrl]);
  const keys = sources.map((source) => hashOf(toolVersion, settings, source.file.path, String(source.file.value)));
  const cached = await Promise.all(keys.map((key) => cache?.get<RenderedIssue>(NAMESPACE, key)));
  // The Markdown pipeline takes a third of a second to load: only when something is to render.
  const { renderMarkdown } = cached.every(Boolean) ? { renderMarkdown: undefined } : await import('./render-markdown.ts');
  const rendered = sources.map((source, i) => {
    const hit = cached[i];
    if (hit) {
      replay(source.file, hit.messages);
      return hit;
    }
    return renderIssueBody(renderMarkdown!, source, site);
  });
  if (cache) {
    await Promise.all(rendered.map((result, i) => (cached[i] ? undefined : cache.set(NAMESPACE, keys[i]!, result))));
    await cache.prune(NAMESPACE, new Set(keys));
  }
  return rendered.map((result) => result.articles);
}
