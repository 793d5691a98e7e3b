import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_FILE } from '../../test/site.ts';
import { readText } from '../content/load-content.ts';
import { loadSite } from '../content/load-site.ts';
import type { Site } from '../model/site.ts';
import { type Block, paragraphBlock } from './blocks.ts';
import { type ImportedIssue, recogniseIssue } from './recognise.ts';
import { textToBlocks } from './text.ts';

const PROJECT_DIR = path.resolve(import.meta.dirname, '..', '..');
const CORPUS = CORPUS_FILE;
const IDEOGRAPHIC_SPACE = '\u3000';

let site: Site;
let corpus: string;

beforeAll(async () => {
  site = loadSite(await readText(PROJECT_DIR, 'content/site.yml'))!;
  corpus = await readFile(CORPUS, 'utf8');
});

const fromText = (text: string): ImportedIssue => recogniseIssue(textToBlocks(text), site, { rejoin: true });
const lineOf = (text: string, start: string) => text.split('\n').findIndex((l) => l.startsWith(start)) + 1;

describe('recogniseIssue on the text of 2019 第9期', () => {
  it('reads 期号, 总期号 in Chinese numerals, the date, 送 one group a line and 责任编辑 as printed', () => {
    const issue = fromText(corpus);
    expect(issue).toMatchObject({ issue: 9, total: 583, date: '2019-04-29', publisher: undefined, contact: undefined });
    expect(issue.distribution).toHaveLength(7);
    expect(issue.distribution[0]).toBe('全国人大常委会办公厅联络局、研究室、新闻局、《中国人大》杂志社');
    expect(issue.distribution[6]).toBe('各市州、县市区人大常委会联工委');
    expect(issue.editors).toEqual(['石韧', '吴静波']);
    expect(issue.warnings).toEqual([]);
  });

  it('sets out the article: column and title closed up, byline, date, headings, closing line and the 快讯', () => {
    const { body } = fromText(corpus);
    expect(body[0]).toBe('# 【调研报告】关于全省市县乡人大代表中的党政领导干部参加代表小组活动、走进代表联系群众工作平台情况的调研报告');
    expect(body.slice(1, 3)).toEqual(['省人大常委会联工委调研组', '(2019年4月15日)']);
    expect(body).toContain('一、基本情况');
    expect(body.at(-3)).toBe('(调研组人员:符乔荫 段成钢 蒋胜兰 吴静波)');
    expect(body.at(-2)).toBe('# 快讯');
    expect(body.at(-1)).toMatch(/^2019年3月11日,郴州市/);
  });

  it('joins the five sentences broken by a page end, and nothing else', () => {
    const issue = fromText(corpus);
    expect(issue.joined).toEqual(['情况。根据', '作日，', '集体优势', '及时、安排', '域内人大'].map((s) => lineOf(corpus, s)));
    expect(issue.body.some((b) => b.includes('整理上报情况。根据实地调研'))).toBe(true);
    expect(issue.body.some((b) => b.includes('接待群众工作日，党政领导干部'))).toBe(true);
  });

  it('drops page numbers and running headers between the halves of a broken sentence', () => {
    const withFurniture = corpus
      .replace('整理上报\n\n情况', `整理上报\n\n— 2 —\n\n联络动态\n\n情况`)
      .replace('督办建议的\n\n集体优势', '督办建议的\n\n- 3 -\n\n集体优势');
    const issue = fromText(withFurniture);
    expect(issue.body).toEqual(fromText(corpus).body);
    expect(issue.dropped).toEqual(['— 2 —', '联络动态', '- 3 -'].map((s) => withFurniture.split('\n').lastIndexOf(s) + 1));
  });

  it('joins a paragraph split at a form feed, with or without a page number after it, and notes nothing', () => {
    const forms = [`整理上报\f情况`, `整理上报\n\f\n— 2 —\n\n情况`, `整理上报\n\f-2-\n情况`, `整理上报\n\n第 2 页\f\n情况`];
    for (const form of forms) {
      const issue = fromText(corpus.replace('整理上报\n\n情况', form));
      expect(issue.body, form).toEqual(fromText(corpus).body);
      expect(issue.warnings, form).toEqual([]);
    }
  });

  it('names a join after a full stop and a split in mid-sentence at a form feed, with the line', () => {
    const wrapped = textToBlocks(
      '联络动态\n第 1 期\n湖南省人大常委会选举任免联络工作委员会编　2019年2月20日\n关于代表工作的报告\n' +
        `\u3000\u3000${'代表联系群众。'.repeat(6)}\f\n接着写下一段的开头，原件没有缩进。\n\u3000\u3000第二段。\n\u3000\u3000第三段。\n`,
    );
    const joined = recogniseIssue(wrapped, site, { rejoin: true });
    expect(joined.body.at(-3)).toBe(`${'代表联系群众。'.repeat(6)}接着写下一段的开头，原件没有缩进。`);
    expect(joined.warnings).toEqual([expect.objectContaining({ line: 6, message: expect.stringContaining('已把这两段接成一段') })]);

    const split = fromText(corpus.replace('整理上报\n\n情况', '整理上报\f\u3000\u3000情况'));
    const line = corpus.split('\n').findIndex((l) => l.startsWith('情况。根据')) - 1;
    expect(split.warnings).toEqual([expect.objectContaining({ line, message: expect.stringContaining('已另起一段') })]);
  });

  it('reads text wrapped at the printed line, with indented paragraphs and a title over two lines', () => {
    const continuations = ['情况。根据', '作日，', '集体优势', '及时、安排', '域内人大'];
    const wrapped = corpus
      .replace(
        '关于全省市县乡人大代表中的党政领导干部 参加代表小组活动、走进代表联系群众 工作平台情况的调研报告',
        '关于全省市县乡人大代表中的党政领导干部参加代表小组活动、\n走进代表联系群众工作平台情况的调研报告',
      )
      .split('\n')
      .map((line) => {
        const chunks = [...line].join('').match(/.{1,28}/gu) ?? [''];
        const indent = line && !continuations.some((c) => line.startsWith(c)) ? IDEOGRAPHIC_SPACE.repeat(2) : '';
        return line.startsWith('送') || line.startsWith('责任编辑') ? line : indent + chunks.join('\n');
      })
      .join('\n');
    expect(wrapped.split('\n').length).toBeGreaterThan(corpus.split('\n').length + 100);
    expect(fromText(wrapped).body).toEqual(fromText(corpus).body);
  });
});

describe('recogniseIssue on other mastheads and 版记', () => {
  const issueText = (masthead: string, end: string) => `${masthead}\n\n关于某项工作的报告\n\n(2020年1月2日)\n\n正文第一段。\n\n${end}`;

  it('reads a date and numbers written in Chinese numerals, and a 编印单位 other than the site\u2019s', () => {
    const issue = fromText(issueText('联络动态\n第十二期\n（总第六百零一期）\n某市人大常委会办公室编　　二〇二〇年一月三日', '送:甲单位'));
    expect(issue).toMatchObject({ issue: 12, total: 601, date: '2020-01-03', publisher: '某市人大常委会办公室', distribution: ['甲单位'] });
  });

  it('warns, by line, about what it cannot place', () => {
    const text = issueText(
      '联络动态\n内部资料\n第 1 期\n2020 年 1 月 3 日',
      '送:甲单位\n报:省委\n责任编辑:王五 联系方式:0731—1234\n批准文号:另一个文号\n(共印 100 份)',
    );
    const issue = fromText(text);
    expect(issue.contact).toBe('0731—1234');
    expect(issue.editors).toEqual(['王五']);
    expect(issue.warnings.map((w) => [w.line, w.message.slice(0, 12)])).toEqual([
      [lineOf(text, '内部资料'), '报头中的“内部资料”认不'],
      [lineOf(text, '报:'), '版记中的“报\uFF1A省委”没有'],
      [lineOf(text, '批准文号'), '批准文号“另一个文号”与'],
      [lineOf(text, '(共印'), '版记中的“(共印 100'],
    ]);
  });

  it('points out a short line without a full stop, which may be a subheading or half a sentence', () => {
    const text = issueText('第 1 期\n2020 年 1 月 3 日', '送:甲单位').replace('正文第一段。', '正文第一段。\n\n加强组织领导\n\n正文第二段。');
    const issue = fromText(text);
    expect(issue.body).toContain('加强组织领导');
    expect(issue.warnings).toEqual([{ line: lineOf(text, '加强组织领导'), message: expect.stringContaining('像是小标题') }]);
  });

  it('adds a title to write over when the body does not start with one', () => {
    const issue = fromText('第 1 期\n2020 年 1 月 3 日\n\n一、基本情况\n\n正文。\n\n送:甲单位');
    expect(issue.body[0]).toBe('# 在这里写标题');
    expect(issue.warnings[0]!.message).toContain('没有认出第一篇文章的标题');
  });

  it('keeps the Markdown of Word blocks: a heading-1 title, bold, lists and tables', () => {
    const block = (b: Partial<Block> & { text: string }, line: number): Block => ({ ...paragraphBlock(b.text, line), ...b });
    const blocks = [
      block({ text: '第 1 期' }, 1),
      block({ text: '2020 年 1 月 3 日' }, 2),
      block({ kind: 'heading', depth: 1, text: '会议 报告', markdown: '会议 报告' }, 3),
      block({ text: '一是制度。正文', markdown: '**一是制度**。正文' }, 4),
      block({ kind: 'list', text: '甲 乙', markdown: '- 甲\n- 乙' }, 5),
      block({ kind: 'heading', depth: 2, text: '一、基本情况', markdown: '一、基本情况' }, 6),
      block({ kind: 'table', text: 'a b', markdown: '| a | b |\n| --- | --- |' }, 7),
    ];
    const issue = recogniseIssue(blocks, site, { rejoin: false });
    expect(issue.body).toEqual(['# 会议报告', '**一是制度**。正文', '- 甲\n- 乙', '## 一、基本情况', '| a | b |\n| --- | --- |']);
  });

  it('names a Word paragraph that stops in mid-sentence before another that goes on, and joins nothing', () => {
    const texts = [
      '第 9 期',
      '2019 年 4 月 29 日',
      '关于某项工作的调研报告',
      '省人大常委会联工委调研组',
      '（2019年4月15日）',
      '各地按照要求认真开展自查，形成书面材料后统一整理上报',
      '情况。根据调研，各地代表工作取得明显成效。',
      '一、基本情况',
      '各地坚持抓好代表小组活动，代表联系群众的渠道更加畅通。',
    ];
    const issue = recogniseIssue(
      texts.map((text, i) => paragraphBlock(text, i + 1)),
      site,
      { rejoin: false },
    );
    expect(issue.body).toContain('情况。根据调研，各地代表工作取得明显成效。');
    expect(issue.warnings).toEqual([expect.objectContaining({ line: 7, message: expect.stringContaining('没有结束标点，下一段开头“情况。根据调研') })]);
  });
});
