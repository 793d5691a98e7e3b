import { beforeAll, describe, expect, it } from 'vitest';
import { makeWordIssue } from '../../test/word.ts';
import { docxToBlocks, htmlToBlocks } from './docx.ts';

describe('docxToBlocks', () => {
  let blocks: Awaited<ReturnType<typeof docxToBlocks>>['blocks'];
  beforeAll(async () => {
    blocks = (await docxToBlocks(await makeWordIssue())).blocks;
  });

  it('keeps Word\u2019s headings with their level, and paragraphs in order, numbered by paragraph', () => {
    expect(blocks.find((b) => b.text === '关于代表建议办理工作的调研报告')).toMatchObject({ kind: 'heading', depth: 1 });
    expect(blocks.find((b) => b.text === '一、主要做法')).toMatchObject({ kind: 'heading', depth: 2 });
    expect(blocks.map((b) => b.line)).toEqual(blocks.map((_, i) => i + 1));
  });

  it('keeps bold, with punctuation outside the marks so that Markdown closes them beside Han characters', () => {
    expect(blocks.find((b) => b.text.startsWith('一是交办及时'))?.markdown).toBe('**一是交办及时**。各地在会后一个月内完成交办。');
  });

  it('keeps lists and tables as Markdown', () => {
    expect(blocks.find((b) => b.kind === 'list')?.markdown).toBe('- 建立督办台账\n- 实行办理回头看');
    expect(blocks.find((b) => b.kind === 'table')?.markdown).toBe('| 项目 | 2018年 |\n| --- | --- |\n| 建议件数 | 320 |');
  });

  it('rejects a damaged Word document', async () => {
    const whole = await makeWordIssue();
    await expect(docxToBlocks(whole.subarray(0, whole.length / 2))).rejects.toThrow();
    await expect(docxToBlocks(Buffer.from('PK\u0003\u0004broken'))).rejects.toThrow();
  });
});

describe('htmlToBlocks', () => {
  it('escapes what Markdown would read as markup, nests lists, counts and leaves out images', () => {
    const { blocks, images } = htmlToBlocks('<p>1. 完善*档案*<img src=""></p><ol><li>甲<ul><li>乙</li></ul></li></ol><p><strong>“双联”</strong>制度</p>');
    expect(blocks.map((b) => b.markdown)).toEqual(['1\\. 完善\\*档案\\*', '1. 甲\n   - 乙', '“**双联**”制度']);
    expect(images).toBe(1);
  });
});
