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

describe('tables with merged cells', () => {
  it('become HTML tables with rowspan and colspan, every cell under its heading', async () => {
    const { blocks } = await docxToBlocks(await makeWordIssue('lines', 'merged'));
    const table = blocks.find((b) => b.kind === 'table')!;
    expect(table.review).toBeUndefined();
    expect(table.markdown).toBe(
      [
        '<table>',
        '<thead>',
        '<tr><th rowspan="2">地区</th><th colspan="2">代表建议</th><th rowspan="2">备注</th></tr>',
        '<tr><th>件数</th><th>办结</th></tr>',
        '</thead>',
        '<tbody>',
        '<tr><td>长沙</td><td>120</td><td>118</td><td rowspan="2">两件续办</td></tr>',
        '<tr><td>株洲</td><td>86</td><td>86</td></tr>',
        '</tbody>',
        '</table>',
      ].join('\n'),
    );
  });

  it('keep bold, line breaks and escaped markup in their cells', () => {
    const { blocks } = htmlToBlocks(
      '<table><tr><td colspan="2"><p><strong>合计</strong> a&lt;b</p><p>第二行</p></td></tr><tr><td>1</td><td>2</td></tr></table>',
    );
    expect(blocks[0]!.markdown).toContain('<tr><th colspan="2"><strong>合计</strong> a&lt;b<br>第二行</th></tr>');
  });

  it('are imported as read and named for checking when they cannot be rebuilt', async () => {
    const nested = (await docxToBlocks(await makeWordIssue('lines', 'nested'))).blocks.find((b) => b.kind === 'table')!;
    expect(nested.review).toMatch(/^表格的单元格里还套着表格.*请对照原件核对这个表格$/);
    const ragged = htmlToBlocks('<table><tr><td colspan="3">甲</td></tr><tr><td>1</td><td>2</td></tr></table>').blocks[0]!;
    expect(ragged.review).toMatch(/^表格各行的格数不一致/);
    expect(ragged.markdown.startsWith('| 甲 |')).toBe(true);
  });
});
