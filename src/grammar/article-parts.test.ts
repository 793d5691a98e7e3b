import { describe, expect, it } from 'vitest';
import { columnLabel, isByline, isClosingLine, parseArticleDate, parseColumnTitle, parseRunInColumn } from './article-parts.ts';

const COLUMNS = ['调研报告', '工作动态', '快讯'];

describe('parseColumnTitle', () => {
  it('reads 【栏目】标题, a column alone as an untitled item, and an empty 【】 as naming none', () => {
    expect(parseColumnTitle('【调研报告】关于某事的调研报告', COLUMNS)).toEqual({ column: '调研报告', title: '关于某事的调研报告' });
    expect(parseColumnTitle('【 调研报告 】\u3000关于某事', COLUMNS)).toEqual({ column: '调研报告', title: '关于某事' });
    expect(parseColumnTitle('快讯', COLUMNS)).toEqual({ column: '快讯', title: null });
    expect(parseColumnTitle('【快讯】', COLUMNS)).toEqual({ column: '快讯', title: null });
    expect(parseColumnTitle('【】关于某事', COLUMNS)).toEqual({ column: '', title: '关于某事' });
    expect(parseColumnTitle('关于某事', COLUMNS)).toBeUndefined();
  });
});

describe('parseRunInColumn and columnLabel', () => {
  it('reads back the label the renderer prints', () => {
    expect(parseRunInColumn(`${columnLabel('快讯')}3月11日，某市召开会议。`, COLUMNS)).toEqual({ column: '快讯', text: '3月11日，某市召开会议。' });
    expect(parseRunInColumn('快讯 : 3月11日', COLUMNS)).toEqual({ column: '快讯', text: '3月11日' });
    expect(parseRunInColumn('会议指出\uFF1A要做好工作。', COLUMNS)).toBeUndefined();
  });
});

describe('parseArticleDate', () => {
  it('reads the date in half- or full-width brackets, with the spaces that extraction leaves', () => {
    expect(parseArticleDate('\uFF082019年4月15日\uFF09')).toBe('2019-04-15');
    expect(parseArticleDate('(2019 年 4 月 15 日)')).toBe('2019-04-15');
    expect(parseArticleDate(' \uFF08\u30002019年04月05日 )')).toBe('2019-04-05');
  });

  it('gives an impossible date for the caller to report, and nothing for what is not a date', () => {
    expect(parseArticleDate('\uFF082019年2月30日\uFF09')).toBe('2019-02-30');
    expect(parseArticleDate('2019年4月15日')).toBeUndefined();
    expect(parseArticleDate('\uFF082019年4月\uFF09')).toBeUndefined();
    expect(parseArticleDate('\uFF082019.4.15\uFF09')).toBeUndefined();
  });
});

describe('isClosingLine and isByline', () => {
  it('takes a bracketed line with a colon for a closing line', () => {
    expect(isClosingLine('\uFF08调研组人员\uFF1A符乔荫 段成钢\uFF09')).toBe(true);
    expect(isClosingLine('(执笔:张三)')).toBe(true);
    expect(isClosingLine('\uFF08调研组人员符乔荫\uFF09')).toBe(false);
    expect(isClosingLine('调研组人员\uFF1A符乔荫')).toBe(false);
  });

  it('takes a short unpunctuated line for a byline, not a heading, a date or a sentence', () => {
    expect(isByline('省人大常委会联工委调研组')).toBe(true);
    expect(isByline('一、基本情况')).toBe(false);
    expect(isByline('\uFF082019年4月15日\uFF09')).toBe(false);
    expect(isByline('会议指出，要做好工作')).toBe(false);
    expect(isByline('长'.repeat(41))).toBe(false);
  });
});
