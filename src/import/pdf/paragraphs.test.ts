import { describe, expect, it } from 'vitest';
import { dropFurniture } from './furniture.ts';
import type { Line } from './lines.ts';
import { linesToBlocks } from './paragraphs.ts';

/** A line of 16 pt text on an A4 page whose column runs from x 80 to 520, lines 29 pt apart. */
function line(page: number, row: number, text: string, left = 80, right = 520, size = 16): Line {
  return { page, text, cells: [{ text, left, right }], pieces: [{ text, left, right }], left, right, y: 760 - row * 29, size };
}

describe('PDF lines → blocks', () => {
  it('joins lines that reach the right edge, also over a page end; an indented line opens a paragraph', () => {
    const pages = [
      [
        line(1, 0, '第一段第一行到了右边', 112),
        line(1, 1, '第一段第二行也到了右边'),
        line(1, 2, '第一段最后一行。', 80, 300),
        line(1, 3, '第二段到了页末右边', 112),
      ],
      [line(2, 0, '第二段在下一页接着写完。', 80, 320), line(2, 1, '一、标题', 112, 200)],
    ];
    const blocks = linesToBlocks(pages);
    expect(blocks.map((b) => b.text)).toEqual([
      '第一段第一行到了右边第一段第二行也到了右边第一段最后一行。',
      '第二段到了页末右边第二段在下一页接着写完。',
      '一、标题',
    ]);
    expect(blocks.map((b) => b.line)).toEqual([1, 1, 2]);
  });

  it('makes a larger line a title, one title of several lines, and marks a centred line', () => {
    const blocks = linesToBlocks([
      [
        line(1, 0, '示例内容', 250, 350),
        line(1, 1, '关于代表建议', 125, 475, 22),
        line(1, 2, '办理工作的调研报告', 160, 440, 22),
        line(1, 3, '正文第一行到了右边', 112),
        line(1, 4, '正文完。', 80, 200),
      ],
    ]);
    expect(blocks[0]).toMatchObject({ kind: 'paragraph', text: '示例内容', centred: true });
    expect(blocks[1]).toMatchObject({ kind: 'heading', depth: 1, text: '关于代表建议办理工作的调研报告' });
    expect(blocks).toHaveLength(3);
  });

  it('keeps the 送 list one recipient group a block, joining only a group that wraps', () => {
    const blocks = linesToBlocks([
      [
        line(1, 0, '正文第一行比版记各行都长，到了右边', 112),
        line(1, 1, '正文第二行同样比版记各行都长，到了右边', 80),
        line(1, 1.5, '正文第三行也比版记中的各行都长，写完。', 80, 400),
        line(1, 2, '送：全国人大常委会办公厅联络局、《中国人大》', 96, 506),
        line(1, 3, '杂志社', 128, 176),
        line(1, 4, '各省、区、市人大常委会代表联络工作机构', 128, 432),
        line(1, 5, '省委办公厅、省委组织部、省委宣传部，省人民政府办公厅，', 128, 499),
        line(1, 6, '省监察委员会', 128, 224),
        line(1, 7, '责任编辑：石 韧 吴静波', 96, 290),
      ],
    ]);
    expect(blocks.slice(1).map((b) => b.text)).toEqual([
      '送：全国人大常委会办公厅联络局、《中国人大》杂志社',
      '各省、区、市人大常委会代表联络工作机构',
      '省委办公厅、省委组织部、省委宣传部，省人民政府办公厅，省监察委员会',
      '责任编辑：石 韧 吴静波',
    ]);
  });

  it('drops page numbers and running heads at the edges of pages, not the same words inside the text', () => {
    const texts = ['正文中写着 3。', '另一页的正文。', '第三页的正文 2。'];
    const page = (n: number) => [line(n, 0, `联络动态 第${n}期`), line(n, 1, texts[n - 1]!), line(n, 20, `— ${n} —`, 280, 320)];
    const { pages, dropped } = dropFurniture([page(1), page(2), page(3)]);
    expect(pages.map((p) => p.map((l) => l.text))).toEqual([texts.slice(0, 1), texts.slice(1, 2), texts.slice(2)]);
    expect(dropped).toEqual([1, 2, 3]);
  });
});
