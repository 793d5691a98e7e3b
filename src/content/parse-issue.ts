// Stage 2: one issue file → its front matter (checked against the schema) and its Markdown body.
import matter from 'gray-matter';
import { VFile } from 'vfile';
import { CONTENT } from '../messages/catalogue.ts';
import { FRONT_MATTER_WHERE } from '../messages/parts.ts';
import { type Point, report } from '../messages.ts';
import { FIELD_NAMES, type FrontMatter, frontMatterSchema } from '../model/issue.ts';
import { yearOf } from '../text/chinese.ts';
import { isMapping, parseYaml } from './parse-yaml.ts';
import { issueFileName } from './resolve-issue.ts';
import { reportSampleText } from './sample-text.ts';
import { mendTypingSlips } from './typing-slips.ts';
import { validateWithSchema } from './validate-schema.ts';

export interface SourceIssue {
  file: VFile;
  meta: FrontMatter;
  /** Year and file name as the file's path gives them (content/<year>/<NN>.md). */
  pathYear: number;
  pathName: string;
  body: string;
  /** Line of the file on which the body's first line stands. */
  bodyLine: number;
  placeOf(key: string): Point;
}

const ISSUE_PATH = /^content\/(\d{4})\/(\d+)\.md$/;

/**
 * Splits the file with gray-matter, keeping track of the line where the body starts. gray-matter
 * is the project's chosen front-matter splitter (the fixed stack), and splitting is all it does
 * here: its YAML engine (js-yaml, YAML 1.1) is replaced by a no-op, since it gives no positions and
 * would read 2019-13-45 as another day; the `yaml` package parses the matter with positions
 * (parse-yaml.ts). Passing options also keeps gray-matter from caching every file's text.
 */
function splitFrontMatter(text: string): { yaml: string; body: string; bodyLine: number } | undefined {
  if (!/^---[ \t]*\n/.test(text)) return undefined;
  const split = matter(text, { engines: { yaml: () => ({}) } });
  if (!text.endsWith(split.content)) return undefined;
  const head = text.slice(0, text.length - split.content.length);
  if (!/\n---[ \t]*\n?$/.test(head)) return undefined;
  return { yaml: split.matter, body: split.content, bodyLine: head.split('\n').length };
}

/**
 * Where an issue file belongs by its own front matter, content/<year>/<NN>.md, when its date and
 * 期号 read as the schema reads them (typing slips mended); read quietly, for a file that is not
 * where it should be: its own messages are those of its place.
 */
export function placeByFrontMatter(text: string): string | undefined {
  const split = splitFrontMatter(text);
  if (!split) return undefined;
  const quiet = new VFile();
  const data = parseYaml(quiet, mendTypingSlips(quiet, split.yaml, FIELD_NAMES))?.data;
  if (!isMapping(data)) return undefined;
  const issue = frontMatterSchema.shape.issue.safeParse(data.issue);
  const date = frontMatterSchema.shape.date.safeParse(data.date);
  return issue.success && date.success ? `content/${yearOf(date.data)}/${issueFileName(issue.data)}.md` : undefined;
}

export function parseIssue(file: VFile): SourceIssue | undefined {
  const relPath = file.path;
  const where = ISSUE_PATH.exec(relPath);
  if (!where) {
    report(file, CONTENT.issuePath, { wanted: placeByFrontMatter(String(file.value)) });
    return undefined;
  }
  // A file that could not be read (its encoding) carries its error already.
  if (file.messages.some((m) => m.fatal)) return undefined;
  const text = String(file.value);
  if (text.trim() === '') {
    report(file, CONTENT.emptyFile, undefined);
    return undefined;
  }
  const split = splitFrontMatter(text);
  if (!split) {
    report(file, text.startsWith('---') ? CONTENT.frontMatterUnclosed : CONTENT.frontMatterMissing, undefined, { line: 1, column: 1 });
    return undefined;
  }
  const parsed = parseYaml(file, mendTypingSlips(file, split.yaml, FIELD_NAMES));
  if (!parsed) return undefined;
  const meta = validateWithSchema(file, parsed, frontMatterSchema, { where: FRONT_MATTER_WHERE, fieldNames: FIELD_NAMES });
  if (split.body.trim() === '') {
    report(file, CONTENT.emptyBody, undefined, { line: split.bodyLine, column: 1 });
    return undefined;
  }
  if (!meta) return undefined;
  reportSampleText(file, meta.draft);
  return {
    file,
    meta,
    pathYear: Number(where[1]),
    pathName: where[2]!,
    body: split.body,
    bodyLine: split.bodyLine,
    placeOf: (key) => parsed.placeOf([key]),
  };
}
