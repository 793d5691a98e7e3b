// One issue through the build's stages for it (front matter, Markdown, plugins), in memory: the
// HTML of its articles and its messages, for tests of many small bodies.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { VFile } from 'vfile';
import { loadSite } from '../../src/content/load-site.ts';
import { parseIssue } from '../../src/content/parse-issue.ts';
import { renderMarkdown } from '../../src/markdown/render-markdown.ts';
import type { Site } from '../../src/model/site.ts';
import { formatReport } from '../../src/report.ts';
import { removeFromFile } from '../../src/text/xml-characters.ts';
import { FIXTURES_DIR } from '../site.ts';

const SITE_YML = readFileSync(path.join(FIXTURES_DIR, 'base', 'content', 'site.yml'), 'utf8');

export function siteWith(baseUrl = 'https://example.org/'): Site {
  const file = new VFile({ path: 'content/site.yml', value: SITE_YML.replace(/^baseUrl: .*$/m, `baseUrl: ${baseUrl}`) });
  const site = loadSite(file);
  if (!site) throw new Error(formatReport([file]));
  return site;
}

/** The issue 2019 第2期 (its page: <baseUrl>2019/02/), its front matter on lines 1–7, its body from line 8. */
export const FRONT_MATTER = '---\nissue: 2\ntotal: 576\ndate: 2019-02-10\ndistribution:\n  - 甲单位\n---\n';
export const BODY_LINE = 8;

export interface Rendered {
  html: string;
  /** line:column rule, of every message. */
  messages: string[];
  file: VFile;
}

/** extraFrontMatter: lines added at the end of the front matter (the body's lines move down). */
export function renderBody(body: string, site: Site = siteWith(), extraFrontMatter = ''): Rendered {
  const file = new VFile({ path: 'content/2019/02.md' });
  file.value = removeFromFile(file, FRONT_MATTER.replace(/---\n$/, `${extraFrontMatter}---\n`) + body); // as the file is read (content/load-content.ts)
  const source = parseIssue(file);
  if (!source) throw new Error(formatReport([file]));
  const html = renderMarkdown(source, site)
    .map((article) => article.html)
    .join('\n');
  return { html, messages: file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`), file };
}
