import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { MINIMAL_SITE } from '../../test/site.ts';
import { splitArticles } from './split-articles.ts';

const site = MINIMAL_SITE;

function split(markdown: string) {
  const file = new VFile({ path: 'content/2019/01.md', value: markdown });
  const tree = unified().use(remarkParse).parse(markdown) as Root;
  return { articles: splitArticles(tree, file, site), file };
}

describe('splitArticles', () => {
  it('reads the title, byline, date and closing line of a report', () => {
    const { articles, file } = split(
      '# 【调研报告】关于某事的调研报告\n\n省人大常委会联工委调研组\n\n\uFF082019年4月15日\uFF09\n\n正文。\n\n\uFF08调研组人员\uFF1A甲 乙\uFF09\n',
    );
    expect(file.messages).toEqual([]);
    expect(articles).toHaveLength(1);
    const [report] = articles;
    expect(report).toMatchObject({
      column: '调研报告',
      title: '关于某事的调研报告',
      byline: '省人大常委会联工委调研组',
      date: '2019-04-15',
      closing: '\uFF08调研组人员\uFF1A甲 乙\uFF09',
    });
    expect(report!.body).toHaveLength(1);
  });

  it('stops at a title typed without the space after #, or with a full-width ＃, and says how to write it', () => {
    const { articles, file } = split('# 第一篇\n\n正文。\n\n#快讯\n\n某地召开座谈会。\n\n\uFF03 【工作动态】第三篇\n\n正文。\n');
    expect(file.messages.map((m) => [m.ruleId, m.fatal, m.line])).toEqual([
      ['title-slip', true, 5],
      ['title-slip', true, 9],
    ]);
    expect(file.messages[0]!.reason).toContain('应写作“# 快讯”');
    expect(file.messages[0]!.reason).toContain('后面要留一个空格');
    expect(file.messages[1]!.reason).toContain('应写作“# 【工作动态】第三篇”');
    expect(file.messages[1]!.reason).toContain('半角');
    // Read as the titles they were meant to be: no article swallows the next, nothing else is said.
    expect(articles.map((a) => [a.column, a.title])).toEqual([
      ['工作动态', '第一篇'],
      ['快讯', null],
      ['工作动态', '第三篇'],
    ]);
  });

  it("stops at another issue's settings pasted into the body", () => {
    const { file } = split('# 标题\n\n正文。\n\n---\nissue: 11\ntotal: 585\ndate: 2019-06-10\ndistribution:\n  - 各单位\n---\n# 第二期的文章\n\n正文。\n');
    expect(file.messages.map((m) => [m.ruleId, m.fatal, m.line])).toEqual([['settings-in-body', true, 6]]);
  });

  it('leaves a paragraph that names a date or an issue in passing', () => {
    const { file } = split('# 标题\n\ndate: 会议日期另行通知。\n\n正文。\n');
    expect(file.messages).toEqual([]);
  });

  it("warns of an article dated after its issue, or a year and more before it, at the article's date", () => {
    const file = new VFile({ path: 'content/2019/10.md' });
    const markdown = '# 甲\n\n单位\n\n（2019年6月15日）\n\n正文。\n\n# 乙\n\n（2009年5月20日）\n\n正文。\n\n# 丙\n\n（2019年5月20日）\n\n正文。\n';
    splitArticles(unified().use(remarkParse).parse(markdown) as Root, file, site, '2019-05-27');
    expect(file.messages.map((m) => [m.ruleId, m.fatal, m.line])).toEqual([
      ['article-date', false, 5],
      ['article-date', false, 11],
    ]);
    expect(file.messages[0]!.reason).toContain('文章日期 2019年6月15日 晚于本期出刊日期 2019年5月27日');
    expect(file.messages[1]!.reason).toContain('比本期出刊日期 2019年5月27日 早了一年以上');
  });

  it('says once that the body opens without a title, even when its first line reads as a byline', () => {
    const { file } = split('各地推进的情况说明\n\n# 标题\n\n正文。\n');
    expect(file.messages.map((m) => m.ruleId)).toEqual(['no-article-title']);
  });

  it('says the same of the first title, rather than that the body has none', () => {
    const { file } = split('#关于某事的调研报告\n\n正文。\n');
    expect(file.messages.map((m) => m.ruleId)).toEqual(['title-slip']);
  });

  it('leaves a paragraph that only opens with #: a tag, a long sentence', () => {
    const long = `#${'各地认真贯彻落实会议精神'.repeat(6)}。`;
    const { file } = split(`# 标题\n\n#两会# 代表们认真履职。\n\n${long}\n`);
    expect(file.messages).toEqual([]);
  });

  it('takes the site default column when the title names none', () => {
    expect(split('# 某地召开座谈会\n\n正文。').articles[0]).toMatchObject({ column: '工作动态', title: '某地召开座谈会' });
  });

  it('does not take a first sentence for a byline', () => {
    const [article] = split('# 标题\n\n会议指出，要做好工作。\n').articles;
    expect(article!.byline).toBeUndefined();
    expect(article!.body).toHaveLength(1);
  });

  it('puts an article whose 【】 names no column in the default column, with a warning', () => {
    const { articles, file } = split('# 【】某地召开座谈会\n\n正文。');
    expect(articles[0]).toMatchObject({ column: '工作动态', title: '某地召开座谈会' });
    expect(file.messages.map((m) => [m.ruleId, m.fatal, m.line])).toEqual([['unknown-column', false, 1]]);
    expect(file.messages[0]!.reason).toContain('【】中没有写栏目');
  });

  it('opens an untitled column item with "# 快讯"', () => {
    const { articles } = split('# 标题\n\n正文。\n\n# 快讯\n\n3月11日，某市召开会议。\n');
    expect(articles).toHaveLength(2);
    expect(articles[1]).toMatchObject({ column: '快讯', title: null });
  });

  it('reports an impossible article date and an article without text', () => {
    const { file } = split('# 标题\n\n\uFF082019年2月30日\uFF09\n\n正文。\n\n# 空的\n');
    expect(file.messages.map((m) => [m.ruleId, m.line])).toEqual([
      ['invalid-date', 3],
      ['empty-article', 7],
    ]);
  });
});
