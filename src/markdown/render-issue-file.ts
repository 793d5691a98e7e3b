// One issue file, parsed and its Markdown rendered, as plain data: what the cache keeps of it
// and what a worker thread sends back (pipeline/parse-and-render.ts turns it into the file's
// source and articles). The file is read into a VFile of its own, so that its messages can be
// kept and told again on the build's file, whichever thread rendered it.
import { VFile } from 'vfile';
import { parseIssue } from '../content/parse-issue.ts';
import { keepMessage } from '../messages.ts';
import { FIELD_NAMES } from '../model/issue.ts';
import type { Site } from '../model/site.ts';
import { keptIndexedHtml } from '../search/indexed-html.ts';
import { renderMarkdown } from './render-markdown.ts';
import type { RenderedFile } from './rendered-file.ts';

/** An issue file as text: its path relative to the project, the project, its decoded text. */
export interface IssueText {
  path: string;
  cwd: string;
  value: string;
}

export function renderIssueFile({ path, cwd, value }: IssueText, site: Site): RenderedFile {
  const file = new VFile({ path, cwd, value });
  const source = parseIssue(file);
  const articles = source ? renderMarkdown(source, site) : undefined;
  const messages = file.messages.map(keepMessage);
  if (!source) return { messages };
  const places = Object.fromEntries(Object.keys(FIELD_NAMES).map((key) => [key, source.placeOf(key)]));
  const parsed = {
    meta: source.meta,
    pathYear: source.pathYear,
    pathName: source.pathName,
    bodyStart: value.length - source.body.length,
    bodyLine: source.bodyLine,
    places,
  };
  return { parsed, articles, messages, addresses: file.data.localAddresses ?? [], indexed: articles && keptIndexedHtml(articles) };
}
