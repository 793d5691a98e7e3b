import { describe, expect, it } from 'vitest';
import type { Note } from '../text-tools.ts';
import { readColumns } from './columns.ts';
import type { Cell, Line } from './lines.ts';
import { linesToBlocks } from './paragraphs.ts';

/** Columns of 12 pt text: the left one from x 60 to 280, the right one from 300 to 520; lines 18 pt apart. */
const LEFT: [number, number] = [60, 280];
const RIGHT: [number, number] = [300, 520];
const START = 300;

/** A printed line of the page: its parts in the left column, the right column, or across the page. */
function row(index: number, parts: [string, number, number][], size = 12): Line {
  const cells: Cell[] = parts.map(([text, left, right]) => ({ text, left, right, size }));
  return {
    page: 1,
    text: cells.map((c) => c.text).join('\u3000'),
    cells,
    pieces: cells,
    left: cells[0]!.left,
    right: cells.at(-1)!.right,
    y: 760 - index * 18,
    size,
  };
}

const both = (index: number, left: string, right: string, indentLeft = 0, indentRight = 0) =>
  row(index, [
    [left, LEFT[0] + indentLeft, LEFT[1]],
    [right, RIGHT[0] + indentRight, RIGHT[1]],
  ]);

describe('a page in two columns → its lines in reading order', () => {
  it('reads the title across the page first, then the left column, then the right, each paragraph whole', () => {
    const lines = [
      row(0, [['关于代表工作的调研报告', 60, 400]], 18),
      both(1, '第一段开头到了栏的右边', '第一段在右栏接着写', 24),
      both(2, '第一段接着到了右边', '第一段写完了。'),
      both(3, '第一段又到了右边', '第二段开头也到了右边', 0, 24),
      both(4, '第一段还没写完到了右边', '第二段写完了。'),
    ];
    const reading = readColumns(lines, START);
    expect(reading.lines.map((l) => l.text)).toEqual([
      '关于代表工作的调研报告',
      '第一段开头到了栏的右边',
      '第一段接着到了右边',
      '第一段又到了右边',
      '第一段还没写完到了右边',
      '第一段在右栏接着写',
      '第一段写完了。',
      '第二段开头也到了右边',
      '第二段写完了。',
    ]);
    expect(reading.trailing).toEqual([]);
    const notes: Note[] = [];
    const blocks = linesToBlocks([reading.lines], notes);
    expect(blocks.map((b) => b.text)).toEqual([
      '关于代表工作的调研报告',
      '第一段开头到了栏的右边第一段接着到了右边第一段又到了右边第一段还没写完到了右边第一段在右栏接着写第一段写完了。',
      '第二段开头也到了右边第二段写完了。',
    ]);
    expect(notes).toEqual([]);
  });

  it('takes a line of the left column under the last of the right one for the left column, and says so', () => {
    const lines = [
      both(0, '左栏第一行到了右边', '右栏第一行到了右边'),
      both(1, '左栏第二行到了右边', '右栏写完了。', 0, 0),
      row(2, [['左栏写完了。', 60, 140]]),
    ];
    const reading = readColumns(lines, START);
    expect(reading.lines.map((l) => l.text)).toEqual(['左栏第一行到了右边', '左栏第二行到了右边', '左栏写完了。', '右栏第一行到了右边', '右栏写完了。']);
    expect(reading.trailing.map((l) => l.text)).toEqual(['左栏写完了。']);
  });

  it('leaves the 版记 under the columns where it stands', () => {
    const lines = [
      both(0, '左栏第一行到了右边', '右栏第一行到了右边'),
      both(1, '左栏写完了。', '右栏写完了。'),
      row(2, [['送：各市州人大常委会联工委', 60, 220]]),
    ];
    expect(
      readColumns(lines, START)
        .lines.map((l) => l.text)
        .at(-1),
    ).toBe('送：各市州人大常委会联工委');
    expect(readColumns(lines, START).trailing).toEqual([]);
  });

  it('notes a join at a column end after a full stop, and a split there without one', () => {
    const joined: Note[] = [];
    const full = [both(0, '左栏的这一段到了右边', '右栏开头没有缩进', 24), both(1, '左栏写到栏末到了右边。', '右栏第二行。')];
    linesToBlocks([readColumns(full, START).lines], joined);
    expect(joined.map((n) => n.message)).toEqual([expect.stringContaining('以句末标点结束')]);

    const split: Note[] = [];
    const open = [both(0, '左栏的这一段到了右边', '右栏开头缩进了', 24, 24), both(1, '左栏写到栏末没有标点', '右栏第二行。')];
    linesToBlocks([readColumns(open, START).lines], split);
    expect(split.map((n) => n.message)).toEqual([expect.stringContaining('没有结束标点')]);
  });
});
