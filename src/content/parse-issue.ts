// Stage 2: one issue file → its front matter (checked against the schema) and its Markdown body.
import matter from 'gray-matter';
import type { VFile } from 'vfile';
import { type Point, reportError } from '../messages.ts';
import { FIELD_NAMES, type FrontMatter, frontMatterSchema } from '../model/issue.ts';
import { parseYaml } from './parse-yaml.ts';
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

/** Splits the file with gray-matter, keeping track of the line where the body starts. */
function splitFrontMatter(text: string): { yaml: string; body: string; bodyLine: number } | undefined {
  if (!/^---[ \t]*\n/.test(text)) return undefined;
  const split = matter(text, { engines: { yaml: () => ({}) } });
  if (!text.endsWith(split.content)) return undefined;
  const head = text.slice(0, text.length - split.content.length);
  if (!/\n---[ \t]*\n?$/.test(head)) return undefined;
  return { yaml: split.matter, body: split.content, bodyLine: head.split('\n').length };
}

export function parseIssue(file: VFile): SourceIssue | undefined {
  const relPath = file.path;
  const where = ISSUE_PATH.exec(relPath);
  if (!where) {
    reportError(file, '期刊文件应放在 content/<年份>/<两位期号>.md，例如 content/2019/09.md：请改名或移动这个文件', 'path-mismatch');
    return undefined;
  }
  // A file that could not be read (its encoding) carries its error already.
  if (file.messages.some((m) => m.fatal)) return undefined;
  const text = String(file.value);
  if (text.trim() === '') {
    reportError(file, '文件是空的：请写上文件开头的设置（--- 之间的期号、总期号、日期、送）和正文', 'empty-file');
    return undefined;
  }
  const split = splitFrontMatter(text);
  if (!split) {
    const reason = text.startsWith('---')
      ? '文件开头的设置块没有结束：请在 distribution 等项目之后另起一行写 ---，再写正文'
      : '文件开头缺少设置块：第一行应是 ---，接着写 issue、total、date、distribution 等项目，再以 --- 结束';
    reportError(file, reason, 'front-matter-missing', { line: 1, column: 1 });
    return undefined;
  }
  const parsed = parseYaml(file, mendTypingSlips(file, split.yaml, FIELD_NAMES));
  if (!parsed) return undefined;
  const meta = validateWithSchema(file, parsed, frontMatterSchema, { where: '文件开头的设置', fieldNames: FIELD_NAMES });
  if (split.body.trim() === '') {
    reportError(file, '正文是空的：请在设置块（第二个 ---）之后写文章，以 "# 标题" 开头', 'empty-body', {
      line: split.bodyLine,
      column: 1,
    });
    return undefined;
  }
  if (!meta) return undefined;
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
