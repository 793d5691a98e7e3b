// Fidelity of the import (issue 22): a generated back catalogue (bench/corpus.ts) set out in every
// layout the importer reads — PDF in one column and in two, Word with the masthead's date after a
// tab, Word with a table of merged cells, .doc and .wps (LibreOffice), and .txt with page breaks —
// each folder imported with the real command, and every article's text compared with the source:
// character agreement (1 − Levenshtein distance / source length) and paragraph agreement (the
// share of source paragraphs reproduced exactly). Files refused, files with 需要核对 entries, and
// files that differ from their source without any entry (silent garbles: the goal is none) are
// counted; in the layout with merged cells, the table counts as differing unless each cell's text
// stands at its row and column (a merged cell once, at its first place). The import's speed on printed PDFs is `npm run bench:import -- --speed`.
// Usage: npm run bench:import [-- --issues 20] [-- --layouts pdf-1,txt]
import { execFileSync, spawn } from 'node:child_process';
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableRow,
  TabStopPosition,
  TabStopType,
  TextRun,
  VerticalMergeType,
  WidthType,
} from 'docx';
import { distance } from 'fastest-levenshtein';
import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { chromium } from 'playwright-core';
import { LAUNCH_OPTIONS } from '../src/pdf/chromium.ts';
import { type CorpusIssue, generateCorpus } from './corpus.ts';

if (process.argv.includes('--speed')) {
  await import('./import-speed.ts');
  process.exit(0);
}

const ROOT = path.resolve(import.meta.dirname, '..');
const WORK = path.join(ROOT, 'bench', '.cache', 'import-fidelity');
const LAYOUTS = ['pdf-1', 'pdf-2', 'docx-tab', 'docx-merged', 'doc', 'wps', 'txt'] as const;
type Layout = (typeof LAYOUTS)[number];
const { values } = parseArgs({ options: { issues: { type: 'string', default: '20' }, layouts: { type: 'string', default: LAYOUTS.join(',') } } });
const count = Number(values.issues);
const layouts = values.layouts.split(',') as Layout[];

const PUBLISHER = '湖南省人大常委会选举任免联络工作委员会编';
const DISTRIBUTION = [
  '全国人大常委会办公厅联络局、研究室、新闻局、《中国人大》杂志社',
  '各省、区、市人大常委会代表联络工作机构',
  '各市州、县市区人大常委会联工委',
];
/** The table of merged cells in the Word documents of that layout: each cell's text once, at its row and column. */
const TABLE_CELLS: [string, number, number][] = [
  ['地区', 0, 0],
  ['指标', 0, 1],
  ['件数', 0, 2],
  ['长沙市', 1, 0],
  ['代表建议', 1, 1],
  ['320', 1, 2],
  ['已办结', 2, 1],
  ['300', 2, 2],
  ['合计', 3, 0],
  ['620', 3, 2],
];

/** What a source issue says: its masthead, and the paragraphs of its articles (titles, headings, text) as plain text. */
interface Source {
  name: string;
  issue: number;
  total: number;
  date: [number, number, number];
  paragraphs: string[];
  /** The content file the import should write. */
  target: string;
}

function sourceOf(issue: CorpusIssue, index: number): Source {
  const [, front = '', body = ''] = issue.text.split(/^---$/m);
  const field = (name: string) => new RegExp(`^${name}: (.+)$`, 'm').exec(front)![1]!;
  const [y, m, d] = field('date').split('-').map(Number) as [number, number, number];
  return {
    name: `issue-${String(index + 1).padStart(3, '0')}`,
    issue: Number(field('issue')),
    total: Number(field('total')),
    date: [y, m, d],
    paragraphs: body
      .split(/\n\n+/)
      .map((p) => p.trim())
      .filter(Boolean),
    target: issue.path,
  };
}

/** Paragraph text to compare: without Markdown's heading marks and escapes, and without a title's 【column】. */
const plain = (markdown: string) =>
  markdown
    .replace(/^#+\s*/, '')
    .replace(/^【[^】]*】/, '')
    .replace(/\\(.)/g, '$1')
    .trim();

const isHeading = (p: string) => p.startsWith('#') || /^[一二三四五六七八九十]+、/.test(p);
const mastheadLines = (s: Source) => ['联络动态', `第 ${s.issue} 期`, `（总第${s.total}期）`];
const dateText = (s: Source) => `${s.date[0]} 年 ${s.date[1]} 月 ${s.date[2]} 日`;

// ——— Layouts ———

const escapeHtml = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function issueHtml(s: Source, columns: number): string {
  const body = s.paragraphs
    .map((p) => {
      if (p.startsWith('# ')) return `<h1>${escapeHtml(plain(p))}</h1>`;
      if (isHeading(p)) return `<p class="h">${escapeHtml(p)}</p>`;
      return `<p>${escapeHtml(p)}</p>`;
    })
    .join('\n');
  const [title, ...rest] = body.split('\n');
  return `<!doctype html><html lang="zh-CN"><head><style>
    @page { size: A4; margin: 25mm 20mm; }
    body { font: 12pt "Noto Serif CJK SC", serif; }
    p { text-indent: 2em; margin: 0; text-align: justify; line-height: 1.6; }
    p.m { text-indent: 0; }
    p.h { font-weight: bold; }
    h1 { font-size: 18pt; margin: 12pt 0; }
    .body { ${columns > 1 ? `column-count: ${columns}; column-gap: 8mm;` : ''} }
    .body h1 { font-size: 15pt; margin: 6pt 0; }
  </style></head><body>
    ${mastheadLines(s)
      .map((l) => `<p class="m">${l}</p>`)
      .join('')}
    <p class="m">${PUBLISHER}　　${dateText(s)}</p>
    ${title}
    <div class="body">${rest.join('\n')}</div>
    <p class="m">送：${DISTRIBUTION[0]}</p>${DISTRIBUTION.slice(1)
      .map((d) => `<p class="m" style="padding-left:3em">${d}</p>`)
      .join('')}
  </body></html>`;
}

async function writePdfs(sources: Source[], dir: string, columns: number): Promise<void> {
  const browser = await chromium.launch(LAUNCH_OPTIONS);
  try {
    const page = await browser.newPage();
    for (const s of sources) {
      await page.setContent(issueHtml(s, columns));
      const pdf = await page.pdf({
        preferCSSPageSize: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        // Page numbers at the foot, as printed issues have them: furniture the import drops.
        footerTemplate: '<div style="font-size:10pt;width:100%;text-align:center">— <span class="pageNumber"></span> —</div>',
      });
      await writeFile(path.join(dir, `${s.name}.pdf`), pdf);
    }
  } finally {
    await browser.close();
  }
}

const text = (t: string) => new Paragraph({ children: [new TextRun(t)] });
const cell = (t: string, extra: Partial<ConstructorParameters<typeof TableCell>[0]> = {}) =>
  new TableCell({ children: [text(t)], width: { size: 2500, type: WidthType.DXA }, ...extra });

/** The table of merged cells: a city over two rows, and 合计 over two columns. */
function mergedTable(): Table {
  return new Table({
    columnWidths: [2500, 2500, 2500],
    rows: [
      new TableRow({ children: [cell('地区'), cell('指标'), cell('件数')] }),
      new TableRow({ children: [cell('长沙市', { verticalMerge: VerticalMergeType.RESTART }), cell('代表建议'), cell('320')] }),
      new TableRow({ children: [cell('', { verticalMerge: VerticalMergeType.CONTINUE }), cell('已办结'), cell('300')] }),
      new TableRow({ children: [cell('合计', { columnSpan: 2, width: { size: 5000, type: WidthType.DXA } }), cell('620')] }),
    ],
  });
}

function wordIssue(s: Source, masthead: 'tab' | 'lines', table: boolean): Promise<Buffer> {
  const date =
    masthead === 'tab'
      ? [
          new Paragraph({
            tabStops: [{ type: TabStopType.RIGHT, position: TabStopPosition.MAX }],
            children: [new TextRun(PUBLISHER), new TextRun({ children: [new Tab(), dateText(s)] })],
          }),
        ]
      : [text(PUBLISHER), text(dateText(s))];
  const body = s.paragraphs.map((p) => (p.startsWith('# ') ? new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(plain(p))] }) : text(p)));
  // The table stands before the 快讯, at the report's end.
  const flash = s.paragraphs.indexOf('# 快讯');
  const children = table ? [...body.slice(0, flash), mergedTable(), ...body.slice(flash)] : body;
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun('联络动态')] }),
          ...mastheadLines(s).slice(1).map(text),
          ...date,
          ...children,
          text(`送：${DISTRIBUTION[0]}`),
          ...DISTRIBUTION.slice(1).map(text),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

async function writeWord(sources: Source[], dir: string, masthead: 'tab' | 'lines', table: boolean): Promise<void> {
  for (const s of sources) await writeFile(path.join(dir, `${s.name}.docx`), await wordIssue(s, masthead, table));
}

/** Word documents made into .doc or .wps by LibreOffice (its .wps is Word 97's format under WPS's name, as WPS reads and writes it). */
async function writeOffice(sources: Source[], dir: string, format: 'doc' | 'wps'): Promise<void> {
  const docx = path.join(WORK, `${format}-docx`);
  await rm(docx, { recursive: true, force: true });
  await mkdir(docx, { recursive: true });
  await writeWord(sources, docx, 'lines', false);
  const profile = pathToFileURL(path.join(WORK, `soffice-profile-${process.pid}`)).href;
  const files = sources.map((s) => path.join(docx, `${s.name}.docx`));
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', `${format}:MS Word 97`, '--outdir', dir, ...files], {
    stdio: 'ignore',
  });
}

/** Characters a printed line holds, and lines a printed page: the text as pdftotext gives it, a form feed and a page number at each page's end. */
const TXT_LINE = 35;
const TXT_PAGE = 40;

function issueTxt(s: Source): string {
  const lines = [...mastheadLines(s), `${PUBLISHER}　　${dateText(s).replace(/ /g, '')}`, ''];
  for (const p of s.paragraphs) {
    const t = plain(p);
    if (p.startsWith('# ')) {
      lines.push(t);
      continue;
    }
    const chars = [...`\u3000\u3000${t}`];
    for (let i = 0; i < chars.length; i += TXT_LINE) lines.push(chars.slice(i, i + TXT_LINE).join(''));
  }
  lines.push(`送：${DISTRIBUTION[0]}`, ...DISTRIBUTION.slice(1).map((d) => `\u3000\u3000\u3000${d}`));
  const pages: string[] = [];
  for (let i = 0; i < lines.length; i += TXT_PAGE) pages.push([...lines.slice(i, i + TXT_PAGE), '', `— ${pages.length + 1} —`].join('\n'));
  return `${pages.join('\n\f')}\n`;
}

async function writeTxt(sources: Source[], dir: string): Promise<void> {
  for (const s of sources) await writeFile(path.join(dir, `${s.name}.txt`), issueTxt(s));
}

async function writeLayout(layout: Layout, sources: Source[], dir: string): Promise<void> {
  switch (layout) {
    case 'pdf-1':
      return writePdfs(sources, dir, 1);
    case 'pdf-2':
      return writePdfs(sources, dir, 2);
    case 'docx-tab':
      return writeWord(sources, dir, 'tab', false);
    case 'docx-merged':
      return writeWord(sources, dir, 'lines', true);
    case 'doc':
    case 'wps':
      return writeOffice(sources, dir, layout);
    case 'txt':
      return writeTxt(sources, dir);
  }
}

// ——— Import and compare ———

function runImport(project: string, folder: string): Promise<number> {
  return new Promise((resolve) => {
    const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
    const child = spawn(tsx, [path.join(ROOT, 'src', 'cli.ts'), 'import', folder], { cwd: project, stdio: 'ignore' });
    child.on('exit', (code) => resolve(code ?? -1));
  });
}

/** The report's entries, by source file name: those under 需要核对 and those under 没有导入. */
function reportEntries(report: string): { review: Map<string, string[]>; refused: Map<string, string> } {
  const review = new Map<string, string[]>();
  const refused = new Map<string, string>();
  let section = '';
  for (const line of report.split('\n')) {
    if (line.startsWith('## ')) section = line;
    const entry = /^- `([^`]+)`\uFF1A(.*)$/.exec(line);
    if (!entry) continue;
    const name = path.basename(entry[1]!.replace(/:\d+(:\d+)?$/, ''));
    if (section.startsWith('## 需要核对')) review.set(name, [...(review.get(name) ?? []), `${entry[1]}：${entry[2]}`]);
    if (section.startsWith('## 没有导入')) refused.set(name, entry[2]!);
  }
  return { review, refused };
}

/**
 * An HTML table's cells on its grid, as a browser lays them out: each cell's text at its first row
 * and column, the places a merged cell spans over left empty.
 */
function htmlTableRows(html: string): string[][] {
  const rows: string[][] = [];
  const taken = new Set<string>();
  const text = (node: ElementContent): string => (node.type === 'text' ? node.value : node.type === 'element' ? node.children.map(text).join('') : '');
  const trs: Element[] = [];
  const collect = (node: Element | Root) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'tr') trs.push(child);
      else collect(child);
    }
  };
  collect(fromHtml(html, { fragment: true }));
  trs.forEach((tr, r) => {
    rows[r] ??= [];
    let c = 0;
    for (const cell of tr.children) {
      if (cell.type !== 'element' || !['td', 'th'].includes(cell.tagName)) continue;
      while (taken.has(`${r},${c}`)) c++;
      rows[r]![c] = text(cell).trim();
      const [down, across] = [Number(cell.properties.rowSpan ?? 1), Number(cell.properties.colSpan ?? 1)];
      for (let i = 0; i < down; i++) for (let j = 0; j < across; j++) taken.add(`${r + i},${c + j}`);
      c += across;
    }
  });
  return rows;
}

/** The imported file's article paragraphs as plain text, tables left out (and their rows' cells, the separator row left out). */
function importedParagraphs(markdown: string): { paragraphs: string[]; rows: string[][] } {
  const body = markdown.split(/^---$/m).slice(2).join('---');
  const blocks = body
    .split(/\n\n+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const isTable = (b: string) => b.startsWith('|') || b.startsWith('<table');
  const gfmRows = blocks
    .filter((b) => b.startsWith('|'))
    .flatMap((b) => b.split('\n'))
    .filter((row) => !/^\|[\s|:-]+\|$/.test(row))
    .map((row) =>
      row
        .replace(/^\||\|$/g, '')
        .split('|')
        .map((c) => c.trim()),
    );
  const htmlRows = blocks.filter((b) => b.startsWith('<table')).flatMap(htmlTableRows);
  return { paragraphs: blocks.filter((b) => !isTable(b)).map(plain), rows: [...gfmRows, ...htmlRows] };
}

interface FileResult {
  name: string;
  refused?: string;
  chars: number;
  sourceChars: number;
  paragraphs: number;
  sourceParagraphs: number;
  review: string[];
  differs: boolean;
  /** Cells of the table of merged cells found at their row and column (that layout only). */
  tableCells?: number;
}

function compare(source: Source, markdown: string, review: string[], table: boolean): FileResult {
  const want = source.paragraphs.map(plain);
  const { paragraphs: got, rows } = importedParagraphs(markdown);
  const tableCells = table ? TABLE_CELLS.filter(([t, r, c]) => rows[r]?.[c] === t).length : undefined;
  const a = want.join('\n');
  const b = got.join('\n');
  const left = [...got];
  let same = 0;
  for (const p of want) {
    const at = left.indexOf(p);
    if (at >= 0) {
      same++;
      left.splice(at, 1);
    }
  }
  const sourceChars = [...a].length;
  const chars = Math.max(0, sourceChars - distance(a, b));
  return {
    name: source.name,
    chars,
    sourceChars,
    paragraphs: same,
    sourceParagraphs: want.length,
    review,
    differs: a !== b || (tableCells !== undefined && tableCells < TABLE_CELLS.length),
    tableCells,
  };
}

async function runLayout(layout: Layout, sources: Source[]): Promise<FileResult[]> {
  const dir = path.join(WORK, layout);
  const folder = path.join(dir, 'files');
  const project = path.join(dir, 'project');
  await rm(dir, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
  await mkdir(path.join(project, 'content'), { recursive: true });
  await cp(path.join(ROOT, 'content', 'site.yml'), path.join(project, 'content', 'site.yml'));
  await cp(path.join(ROOT, 'templates'), path.join(project, 'templates'), { recursive: true });
  await writeLayout(layout, sources, folder);
  const written = await readdir(folder);
  await runImport(project, folder);
  const report = await readFile(path.join(project, 'import-report.md'), 'utf8').catch(() => '');
  const { review, refused } = reportEntries(report);
  const results: FileResult[] = [];
  for (const source of sources) {
    const file = written.find((f) => f.startsWith(`${source.name}.`));
    const markdown = file ? await readFile(path.join(project, source.target), 'utf8').catch(() => undefined) : undefined;
    if (!file || markdown === undefined) {
      const reason = (file && refused.get(file)) ?? (file ? '没有写出内容文件' : '没有生成这个版式的文件');
      results.push({ name: source.name, refused: reason, chars: 0, sourceChars: 0, paragraphs: 0, sourceParagraphs: 0, review: [], differs: true });
      continue;
    }
    results.push(compare(source, markdown, review.get(file) ?? [], layout === 'docx-merged'));
  }
  return results;
}

const percent = (n: number, d: number) => (d === 0 ? '—' : `${((100 * n) / d).toFixed(2)} %`);

const started = performance.now();
await mkdir(WORK, { recursive: true });
const sources = (await generateCorpus(count)).map(sourceOf);
const rows: string[] = [];
const details: string[] = [];
const summary: Record<string, unknown> = {};
for (const layout of layouts) {
  const layoutStarted = performance.now();
  const results = await runLayout(layout, sources);
  const read = results.filter((r) => !r.refused);
  const sum = (f: (r: FileResult) => number) => read.reduce((n, r) => n + f(r), 0);
  const reviewed = read.filter((r) => r.review.length > 0).length;
  const silent = read.filter((r) => r.differs && r.review.length === 0);
  const tables = read.filter((r) => r.tableCells !== undefined);
  const cells =
    tables.length > 0
      ? percent(
          tables.reduce((n, r) => n + r.tableCells!, 0),
          tables.length * TABLE_CELLS.length,
        )
      : '—';
  const figures = {
    files: results.length,
    refused: results.length - read.length,
    characters: percent(
      sum((r) => r.chars),
      sum((r) => r.sourceChars),
    ),
    paragraphs: percent(
      sum((r) => r.paragraphs),
      sum((r) => r.sourceParagraphs),
    ),
    reviewed,
    differing: read.filter((r) => r.differs).length,
    silent: silent.length,
    tableCells: cells,
    seconds: Math.round((performance.now() - layoutStarted) / 1000),
  };
  summary[layout] = figures;
  rows.push(
    `| ${layout} | ${figures.files} | ${figures.refused} | ${figures.characters} | ${figures.paragraphs} | ${figures.differing} | ${figures.reviewed} | ${figures.silent} | ${figures.tableCells} | ${figures.seconds} s |`,
  );
  for (const r of results.filter((r) => r.refused)) details.push(`${layout} ${r.name}: refused — ${r.refused}`);
  for (const r of silent) details.push(`${layout} ${r.name}: differs without a 需要核对 entry (${r.paragraphs}/${r.sourceParagraphs} paragraphs)`);
  console.log(`${layout}: done in ${figures.seconds} s`);
}
console.log('');
console.log('| layout | files | refused | characters | paragraphs | differ | with 需要核对 | differ, not flagged | table cells | time |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const row of rows) console.log(row);
if (details.length > 0) console.log(`\n${details.join('\n')}`);
console.log(`\n${count} issues a layout; ${Math.round((performance.now() - started) / 1000)} s in all. Files kept in ${path.relative(ROOT, WORK)}/.`);
await writeFile(path.join(WORK, 'summary.json'), JSON.stringify({ count, layouts: summary, details }, null, 2));
