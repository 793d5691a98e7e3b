import { describe, expect, it } from 'vitest';
import type { PdfPage, TextRun } from './extract.ts';
import { pageLines } from './lines.ts';

/** Runs of 12 pt text set one after another from x 80, each `gap` points after the one before (a blank run for pdf.js's space). */
function line(parts: (string | number)[], y = 700): TextRun[] {
  const runs: TextRun[] = [];
  let x = 80;
  for (const part of parts) {
    if (typeof part === 'number') {
      runs.push({ text: ' ', x, y, width: part, size: 12 });
      x += part;
      continue;
    }
    const width = [...part].reduce((w, c) => w + (/[\x20-\x7e]/.test(c) ? 6 : 12), 0);
    runs.push({ text: part, x, y, width, size: 12 });
    x += width;
  }
  return runs;
}

const page = (runs: TextRun[]): PdfPage => ({ number: 1, width: 595, height: 842, runs, rotatedCharacters: 0 });

describe('PDF runs → lines, Han next to digits and Latin', () => {
  it('drops the space pdf.js reports between Han and digits where the typesetter only spaced them', () => {
    // The gaps of a justified line, or of a change from the Chinese font to the Latin one: 1 to 5 points at 12 pt.
    const runs = line(['会议于', 1.5, '2019', 2, '年', 3, '3', 2.5, '月', 1, '11', 4, '日召开，占', 2, '30%', 1.5, '左右，使用', 3, 'WPS', 2, '文档。']);
    expect(pageLines(page(runs)).map((l) => l.text)).toEqual(['会议于2019年3月11日召开，占30%左右，使用WPS文档。']);
  });

  it('keeps a space that is in the text itself, and a gap as wide as a character', () => {
    const runs = line(['期号 ', '9', 12, '号文件', 3, 'A B', 3, '组']);
    expect(pageLines(page(runs)).map((l) => l.text)).toEqual(['期号 9 号文件A B组']);
  });

  it('keeps the space pdf.js reports between two Latin words or two numbers', () => {
    const runs = line(['0731', 3, '85309270', 3, 'hnrddt@163.com']);
    expect(pageLines(page(runs)).map((l) => l.text)).toEqual(['0731 85309270 hnrddt@163.com']);
  });

  it('closes up a line spread to justify it (a paragraph cut by a column end), and keeps the spaces of the text', () => {
    // pdf.js puts a space between each two characters of a spread run, and a narrow blank run between spread runs.
    const spread: TextRun[] = [
      { text: '表 联 系 群 众', x: 80, y: 700, width: 66, size: 12 },
      { text: ' ', x: 146, y: 700, width: 1.6, size: 12 },
      { text: '编 入 24 个', x: 148, y: 700, width: 54, size: 12 },
      { text: ' ', x: 202, y: 700, width: 1.6, size: 12 },
      { text: '“', x: 204, y: 700, width: 12, size: 12 },
      { text: '代表', x: 217, y: 700, width: 24, size: 12 },
    ];
    expect(pageLines(page(spread)).map((l) => l.text)).toEqual(['表联系群众编入24个“代表']);
    const names = line(['责任编辑：石 韧 吴静波']);
    expect(pageLines(page(names)).map((l) => l.text)).toEqual(['责任编辑：石 韧 吴静波']);
  });
});
