// A small Word document shaped like a past issue, made with the docx package for the tests of
// the Word import: masthead, a Heading 1 title, byline, date, bold, a list, a table, a 快讯 and the 版记.
import { Document, HeadingLevel, Packer, Paragraph, Tab, Table, TableCell, TableRow, TabStopPosition, TabStopType, TextRun, WidthType } from 'docx';

const text = (t: string) => new Paragraph({ children: [new TextRun(t)] });
// Widths as Word writes them: without, LibreOffice lays the table out zero wide and prints nothing of it.
const cell = (t: string, width = 3000, spans: { rowSpan?: number; columnSpan?: number } = {}) =>
  new TableCell({ children: [text(t)], width: { size: width, type: WidthType.DXA }, ...spans });

const PUBLISHER = '湖南省人大常委会选举任免联络工作委员会编';
const DATE = '2019 年 2 月 20 日';

/**
 * The 编印单位 and the date: a line each, on one line with the date after a right tab stop
 * (Word's usual layout), or in the two cells of a borderless table.
 */
export type MastheadLayout = 'lines' | 'tab' | 'table';

function publisherAndDate(layout: MastheadLayout): (Paragraph | Table)[] {
  if (layout === 'tab') {
    return [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: TabStopPosition.MAX }],
        children: [new TextRun(PUBLISHER), new TextRun({ children: [new Tab(), DATE] })],
      }),
    ];
  }
  if (layout === 'table') {
    return [new Table({ columnWidths: [6000, 3000], rows: [new TableRow({ children: [cell(PUBLISHER, 6000), cell(DATE)] })] })];
  }
  return [text(PUBLISHER), text(DATE)];
}

/**
 * The issue's table: two plain columns; or with merged cells, as Word's tables of figures have them
 * (地区 spanning the two header rows, 代表建议 over its two columns, 合计 over two rows); or with a
 * table inside a cell, which the import cannot rebuild.
 */
export type TableLayout = 'plain' | 'merged' | 'nested';

function issueTable(layout: TableLayout): Table {
  if (layout === 'merged') {
    return new Table({
      columnWidths: [2000, 2000, 2000, 2000],
      rows: [
        new TableRow({ children: [cell('地区', 2000, { rowSpan: 2 }), cell('代表建议', 4000, { columnSpan: 2 }), cell('备注', 2000, { rowSpan: 2 })] }),
        new TableRow({ children: [cell('件数', 2000), cell('办结', 2000)] }),
        new TableRow({ children: [cell('长沙', 2000), cell('120', 2000), cell('118', 2000), cell('两件续办', 2000, { rowSpan: 2 })] }),
        new TableRow({ children: [cell('株洲', 2000), cell('86', 2000), cell('86', 2000)] }),
      ],
    });
  }
  const inner = new Table({ columnWidths: [1500, 1500], rows: [new TableRow({ children: [cell('甲', 1500), cell('乙', 1500)] })] });
  return new Table({
    columnWidths: [3000, 3000],
    rows: [
      new TableRow({ children: [cell('项目'), cell('2018年')] }),
      new TableRow({
        children: [cell('建议件数'), layout === 'nested' ? new TableCell({ children: [inner], width: { size: 3000, type: WidthType.DXA } }) : cell('320')],
      }),
    ],
  });
}

export function makeWordIssue(masthead: MastheadLayout = 'lines', table: TableLayout = 'plain'): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun('联络动态')] }),
          text('第 3 期'),
          text('（总第五百七十七期）'),
          ...publisherAndDate(masthead),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('关于代表建议办理工作的调研报告')] }),
          text('省人大常委会联工委调研组'),
          text('（2019 年 2 月 15 日）'),
          new Paragraph({ children: [new TextRun({ text: '一是交办及时。', bold: true }), new TextRun('各地在会后一个月内完成交办。')] }),
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('一、主要做法')] }),
          new Paragraph({ text: '建立督办台账', bullet: { level: 0 } }),
          new Paragraph({ text: '实行办理回头看', bullet: { level: 0 } }),
          issueTable(table),
          text('（调研组人员：张三 李四）'),
          text('快讯：2月18日，长沙市人大常委会召开代表建议交办会。'),
          text('送：全国人大常委会办公厅联络局'),
          text('各市州人大常委会联工委'),
          text('责任编辑：石 韧 吴静波    联系方式：0731—85309270 hnrddt@163.com'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
