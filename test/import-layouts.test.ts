// PDF layouts, printed by Chromium from HTML: text in one column and in two columns imports in
// reading order; three columns and rotated text are refused rather than read out of order.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, copyProject } from './cli.ts';
import { sharedBrowser } from './shared.ts';
import { readTree } from './site.ts';

const made: string[] = [];
afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});

const SENTENCE = '各级人大常委会认真落实代表联系群众制度，组织代表进站接待群众，收集意见建议，推动解决实际问题。';

/** A past issue as HTML: masthead, title and twelve paragraphs, the body styled by `bodyStyle`. */
function issueHtml(bodyStyle: string, extra = ''): string {
  const paragraphs = Array.from({ length: 12 }, (_, i) => `<p>第${i + 1}段。${SENTENCE.repeat(3)}</p>`).join('');
  return `<!doctype html><html lang="zh-CN"><head><style>
    @page { size: A4; margin: 25mm 20mm; }
    body { font: 12pt "Noto Serif CJK SC", serif; }
    p { text-indent: 2em; margin: 0; text-align: justify; line-height: 1.6; }
    .body { ${bodyStyle} }
  </style></head><body>
    <p style="text-indent:0">联络动态</p><p style="text-indent:0">第 3 期</p><p style="text-indent:0">（总第五百七十七期）</p>
    <p style="text-indent:0">湖南省人大常委会选举任免联络工作委员会编　　2019 年 2 月 20 日</p>
    <h1 style="font-size:18pt">关于代表联系群众工作的调研报告</h1>
    <div class="body">${paragraphs}</div>${extra}
    <p style="text-indent:0">送：各市州人大常委会联工委</p>
  </body></html>`;
}

async function printed(html: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lldt-layout-'));
  made.push(dir);
  const page = await (await sharedBrowser()).newPage();
  try {
    await page.setContent(html);
    const file = path.join(dir, 'issue.pdf');
    await writeFile(file, await page.pdf({ preferCSSPageSize: true }));
    return file;
  } finally {
    await page.close();
  }
}

async function importInto(file: string) {
  const dir = await copyProject();
  made.push(dir);
  for (const year of await readdir(path.join(dir, 'content'))) {
    if (/^\d{4}$/.test(year)) await rm(path.join(dir, 'content', year), { recursive: true });
  }
  const before = await readTree(path.join(dir, 'content'));
  const result = await cli(dir, 'import', file);
  const after = await readTree(path.join(dir, 'content'));
  return { ...result, dir, untouched: JSON.stringify(after) === JSON.stringify(before) };
}

describe('PDF layouts: read in order, or refused', () => {
  it('imports the text set in one column, each paragraph whole, without spaces between Han and digits', async () => {
    const { code, stderr, dir } = await importInto(await printed(issueHtml('')));
    expect(code, stderr).toBe(0);
    const text = await readFile(path.join(dir, 'content', '2019', '03.md'), 'utf8');
    const paragraphs = text.trim().split('\n\n');
    for (let i = 1; i <= 12; i++) expect(paragraphs, text).toContain(`第${i}段。${SENTENCE.repeat(3)}`);
  });

  it('reads text in two columns left column first, the title above them first, each paragraph whole', async () => {
    const { code, stderr, dir } = await importInto(await printed(issueHtml('column-count: 2; column-gap: 8mm;')));
    expect(code, stderr).toBe(0);
    const text = await readFile(path.join(dir, 'content', '2019', '03.md'), 'utf8');
    const body = text.slice(text.indexOf('# '));
    const paragraphs = Array.from({ length: 12 }, (_, i) => `第${i + 1}段。${SENTENCE.repeat(3)}`);
    expect(body.trim().split('\n\n'), text).toEqual(['# 【调研报告】关于代表联系群众工作的调研报告', ...paragraphs]);
  });

  it.each([3, 4])('refuses text in %i columns, naming the page, and writes nothing', async (columns) => {
    const { code, stderr, untouched } = await importInto(await printed(issueHtml(`column-count: ${columns}; column-gap: 6mm;`)));
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/第 1(、\d+)* 页分三栏或更多/);
    expect(stderr).toContain('（没有导入）');
    expect(untouched).toBe(true);
  });

  it('refuses rotated text, naming the page, and writes nothing', async () => {
    const turned = `<div style="height: 80mm"><p style="transform: rotate(-90deg); width: 70mm; margin-top: 30mm">${SENTENCE}</p></div>`;
    const { code, stderr, untouched } = await importInto(await printed(issueHtml('', turned)));
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/第 \d+(、\d+)* 页有旋转或竖排的文字/);
    expect(untouched).toBe(true);
  });
});
