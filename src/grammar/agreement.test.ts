// The renderer and the importer read an article's parts by one grammar (src/grammar/). Each line
// of the table below is put in its place in an article and given to both: to the renderer as
// Markdown, through the real pipeline (parse-issue, render-markdown with split-articles and the
// heading plugin), and to the importer as lines of printed text (readBody). Both must read the
// article the same way (its column, title, byline, date, closing line, headings), and as the table
// says. Where Markdown and print must differ (a title's "#"), the line is the same and the place
// makes it a title.
//
// Titles here do not end with a column's name: the importer then names that column
// ("……的调研报告" → 【调研报告】), since print does not, and the renderer rightly does not guess.

import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { MINIMAL_SITE } from '../../test/site.ts';
import { parseIssue } from '../content/parse-issue.ts';
import { paragraphBlock } from '../import/blocks.ts';
import { type BodyPart, readBody } from '../import/body.ts';
import { setChinesePunctuation } from '../markdown/plugins/remark-chinese-punctuation.ts';
import { renderMarkdown } from '../markdown/render-markdown.ts';
import type { Article } from '../model/issue.ts';
import { parseArticleDate } from './article-parts.ts';
import { headingLevel } from './headings.ts';

const site = MINIMAL_SITE;

/** How an article was read. Headings: "h-2" for a heading on its own, "run-in h-2" for one opening a paragraph. */
interface Reading {
  column: string;
  title: string | null;
  byline?: string;
  date?: string;
  closing?: string;
  headings: string[];
}

const TITLE = '某市召开代表工作座谈会';
const BYLINE = '省人大常委会联工委调研组';
const TEXT = '会议听取了各地的情况介绍。';

const PLACES = {
  'as the title': (line: string) => [line, TEXT],
  'under the title': (line: string) => [TITLE, line, TEXT],
  'under the byline': (line: string) => [TITLE, BYLINE, line, TEXT],
  'in the text': (line: string) => [TITLE, TEXT, line, TEXT],
  'as the last paragraph': (line: string) => [TITLE, TEXT, line],
};
type Place = keyof typeof PLACES;

/** What an article with nothing but the line of the table reads as. */
function plainReading(place: Place, line: string): Reading {
  return {
    column: site.defaultColumn,
    title: place === 'as the title' ? line : TITLE,
    ...(place === 'under the byline' ? { byline: BYLINE } : {}),
    headings: [],
  };
}

const LONG = '长'.repeat(41);

const TABLE: [Place, string, Partial<Reading>][] = [
  // Titles and columns
  ['as the title', '【调研报告】关于某项工作的情况', { column: '调研报告', title: '关于某项工作的情况' }],
  ['as the title', '【 经验交流 】\u3000某县代表小组活动的做法', { column: '经验交流', title: '某县代表小组活动的做法' }],
  ['as the title', '【工作交流】某县的做法', { column: '工作交流', title: '某县的做法' }],
  ['as the title', '【】某市召开代表工作座谈会', { title: '某市召开代表工作座谈会' }],
  ['as the title', '快讯', { column: '快讯', title: null }],
  ['as the title', '【快讯】', { column: '快讯', title: null }],
  ['as the title', '【信息摘编】', { column: '信息摘编', title: null }],
  // Bylines
  ['under the title', BYLINE, { byline: BYLINE }],
  ['under the title', '株洲市人大常委会 办公室', { byline: '株洲市人大常委会 办公室' }],
  ['under the title', LONG, {}],
  ['under the title', '会议指出，要做好工作。', {}],
  ['under the title', '\uFF08内部资料\uFF09', {}],
  ['under the title', '一、基本情况', { headings: ['h-1'] }],
  // Article dates
  ['under the title', '\uFF082019年4月15日\uFF09', { date: '2019-04-15' }],
  ['under the byline', '(2019年4月15日)', { date: '2019-04-15' }],
  ['under the byline', '\uFF08 2019 年 4 月 15 日 \uFF09', { date: '2019-04-15' }],
  ['under the byline', '(2019年04月05日\uFF09', { date: '2019-04-05' }],
  ['under the byline', '\uFF082019年2月30日\uFF09', { date: '2019-02-30' }],
  ['under the byline', '\uFF082019年13月1日\uFF09', { date: '2019-13-01' }],
  ['under the byline', '2019年4月15日', {}],
  ['under the title', '\uFF082019年4月\uFF09', {}],
  ['under the title', '\uFF082019.4.15\uFF09', {}],
  ['in the text', '\uFF082019年4月15日\uFF09', {}],
  // Closing lines
  ['as the last paragraph', '\uFF08调研组人员\uFF1A符乔荫 段成钢 蒋胜兰 吴静波\uFF09', { closing: '\uFF08调研组人员\uFF1A符乔荫 段成钢 蒋胜兰 吴静波\uFF09' }],
  ['as the last paragraph', '(调研组人员:符乔荫 段成钢)', { closing: '\uFF08调研组人员\uFF1A符乔荫 段成钢\uFF09' }],
  ['as the last paragraph', '\uFF08执笔\uFF1A张三\uFF09', { closing: '\uFF08执笔\uFF1A张三\uFF09' }],
  ['as the last paragraph', '\uFF08调研组人员符乔荫\uFF09', {}],
  ['as the last paragraph', '调研组人员\uFF1A符乔荫', {}],
  ['as the last paragraph', '\uFF082019年4月15日\uFF09', {}],
  ['in the text', '\uFF08注\uFF1A数据来自统计局\uFF09', {}],
  // Numbered headings, on their own and run in
  ['in the text', '一、基本情况', { headings: ['h-1'] }],
  ['in the text', '二、主要成效。', { headings: ['h-1'] }],
  ['in the text', '一、加强领导。各地要把代表工作摆上重要位置。', { headings: ['run-in h-1'] }],
  ['in the text', '\uFF08一\uFF09主要领导率先垂范', { headings: ['h-2'] }],
  ['in the text', '(一)主要领导率先垂范', { headings: ['h-2'] }],
  ['in the text', '\uFF08一\uFF09主要领导率先垂范。各地坚持抓好“关键少数”。', { headings: ['run-in h-2'] }],
  ['in the text', '\uFF08二\uFF09制度保障\uFF1B组织保障', { headings: ['run-in h-2'] }],
  ['in the text', `\uFF08三\uFF09${'长'.repeat(40)}`, { headings: ['run-in h-2'] }],
  ['in the text', '1.经费保障', { headings: ['h-3'] }],
  ['in the text', '1\uFF0E经费保障', { headings: ['h-3'] }],
  ['in the text', '2.经费保障。各地普遍提高了代表活动经费标准。', { headings: ['run-in h-3'] }],
  ['in the text', '\uFF081\uFF09其他', { headings: ['h-4'] }],
  ['in the text', '(2)加强培训。每年举办一期培训班。', { headings: ['run-in h-4'] }],
  // Lines that look like headings and are not
  ['in the text', '一是深化思想认识。各地普遍开展学习。', {}],
  ['in the text', '1.5亿元用于代表活动。', {}],
  ['in the text', '2018年，共有25名党政领导干部参加。', {}],
];

/** The issue file an editor would write, with the article as its body. */
function issueFile(lines: string[]): VFile {
  const body = lines.map((line, i) => (i === 0 ? `# ${line}` : line)).join('\n\n');
  const value = `---\nissue: 1\ntotal: 1\ndate: 2019-05-06\ndistribution:\n  - 甲单位\n---\n\n${body}\n`;
  return new VFile({ path: 'content/2019/01.md', value });
}

function renderedReading(article: Article): Reading {
  const closing = /<p class="closing">([^<]*)<\/p>/.exec(article.html)?.[1];
  const headings = [...article.html.matchAll(/<h\d class="(h-\d)"|<span class="(run-in h-\d)"/g)].map((m) => m[1] ?? m[2]!);
  return {
    column: article.column,
    title: article.title,
    ...(article.byline === undefined ? {} : { byline: article.byline }),
    ...(article.date === undefined ? {} : { date: article.date }),
    ...(closing === undefined ? {} : { closing }),
    headings,
  };
}

function render(lines: string[]): Reading[] {
  return renderMarkdown(parseIssue(issueFile(lines))!, site).map(renderedReading);
}

/** The importer's articles, their text set as the renderer sets every text (full-width punctuation beside Chinese). */
function importedReadings(parts: BodyPart[]): Reading[] {
  const readings: Reading[] = [];
  for (const part of parts) {
    const text = setChinesePunctuation(part.text);
    if (part.role === 'title' || part.role === 'column') {
      readings.push({ column: part.column ?? site.defaultColumn, title: part.role === 'title' ? text : null, headings: [] });
      continue;
    }
    const reading = readings.at(-1)!;
    const level = headingLevel(part.text);
    if (part.role === 'byline') reading.byline = text;
    if (part.role === 'date') reading.date = parseArticleDate(part.text);
    if (part.role === 'closing') reading.closing = text;
    if (part.role === 'heading') reading.headings.push(`h-${level}`);
    if (part.role === 'text' && level !== undefined) reading.headings.push(`run-in h-${level}`);
  }
  return readings;
}

function importLines(lines: string[]): Reading[] {
  const warnings: { line: number; message: string }[] = [];
  const body = readBody(
    lines.map((line, i) => paragraphBlock(line, i + 1)),
    site,
    { rejoin: true },
    warnings,
  );
  return importedReadings(body.parts);
}

describe('the renderer and the importer read an article alike', () => {
  it.each(TABLE)('%s: %s', (place, line, reads) => {
    const lines = PLACES[place](line);
    const expected = [{ ...plainReading(place, line), ...reads }];
    expect(render(lines)).toEqual(expected);
    expect(importLines(lines)).toEqual(expected);
  });

  it('the importer reads back an untitled item as the renderer prints it, its column run in', () => {
    const [article] = renderMarkdown(parseIssue(issueFile(['快讯', TEXT]))!, site);
    const printed = article!.html.replace(/<[^>]+>/g, '').trim();
    expect(printed).toBe(`快讯\uFF1A${TEXT}`);
    expect(importLines([TITLE, TEXT, printed])).toEqual([plainReading('in the text', ''), { column: '快讯', title: null, headings: [] }]);
  });
});
