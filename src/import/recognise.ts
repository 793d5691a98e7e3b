// A past issue's blocks → its parts: the 报头 at the top, the 版记 at the end, the articles between.
import type { Site } from '../model/site.ts';
import type { Block } from './blocks.ts';
import { readBody } from './body.ts';
import { findEndMatter, readEndMatter } from './end-matter.ts';
import { readMasthead } from './masthead.ts';
import { compact, type Note } from './text-tools.ts';

export interface ImportedIssue {
  issue?: number;
  total?: number;
  date?: string;
  /** Only when it differs from the site's. */
  publisher?: string;
  /** The issue's own title, printed under the masthead (a PDF of the site's own print). */
  title?: string;
  distribution: string[];
  editors?: string[];
  /** Only when it differs from the site's. */
  contact?: string;
  /** The masthead's lines as read, to quote when its 期号 or date is missing. */
  mastheadLines: string[];
  /** Markdown blocks of the body. */
  body: string[];
  /** What could not be placed, or should be checked, by line. */
  warnings: Note[];
  /** Lines joined onto the line before them: sentences broken by a page end. */
  joined: number[];
  /** Lines of page furniture left out: page numbers, running headers. */
  dropped: number[];
}

export interface RecogniseOptions {
  /** Join sentences broken where a printed page ended (text extracted from print). */
  rejoin: boolean;
}

/** A line set in the middle of the page under the masthead, right above the first title, is the issue's own title. */
function readIssueTitle(blocks: readonly Block[], from: number): string | undefined {
  const [line, next] = [blocks[from], blocks[from + 1]];
  const isTitle = next?.kind === 'heading' && next.depth === 1;
  return line?.kind === 'paragraph' && line.centred && isTitle ? line.text : undefined;
}

export function recogniseIssue(blocks: readonly Block[], site: Site, options: RecogniseOptions): ImportedIssue {
  const warnings: Note[] = [];
  const masthead = readMasthead(blocks, site, warnings);
  const title = readIssueTitle(blocks, masthead.end);
  const bodyStart = masthead.end + (title === undefined ? 0 : 1);
  const endStart = findEndMatter(blocks, bodyStart);
  const end = readEndMatter(blocks, endStart, site, warnings);
  const body = readBody(blocks.slice(bodyStart, endStart), site, options, warnings);
  const publisher = masthead.publisher && compact(masthead.publisher) !== compact(site.publisher) ? masthead.publisher : undefined;
  return {
    issue: masthead.issue,
    total: masthead.total,
    date: masthead.date,
    mastheadLines: masthead.read,
    publisher,
    title,
    distribution: end.distribution,
    editors: end.editors,
    contact: end.contact,
    body: body.parts.map((part) => part.markdown),
    warnings: warnings.sort((a, b) => a.line - b.line),
    joined: body.joined,
    dropped: body.dropped,
  };
}
