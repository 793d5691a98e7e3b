// npm run import: the printed text of 2019 第9期 and a Word document become content files that
// build; bad files are refused with a Chinese message, and nothing in content/ is written over.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from './build.ts';
import { cli, copyProject } from './cli.ts';
import { pdfText } from './poppler.ts';
import { CORPUS_FILE, PROJECT_DIR, readTree } from './site.ts';
import { scaled } from './time-limit.ts';
import { makeWordIssue } from './word.ts';

const CORPUS = CORPUS_FILE;

/** The text a reader sees on a page: no tags, no spacing. */
function pageText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z]+;|&#\d+;/g, (entity) => ({ '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"' })[entity] ?? entity)
    .replace(/\s+/g, ' ')
    .trim();
}

async function renderedText(projectDir: string, page: string): Promise<string> {
  const result = await build({ projectDir, write: false });
  expect(result.files.flatMap((f) => f.messages.filter((m) => m.fatal).map(String))).toEqual([]);
  return pageText(String(result.output!.get(page)));
}

/** A project copy without 2019 第9期, to import it into. */
async function projectWithout09(): Promise<string> {
  const dir = await copyProject();
  await rm(path.join(dir, 'content', '2019', '09.md'));
  return dir;
}

describe('npm run import, text extracted from print', () => {
  let handMade: string;
  beforeAll(async () => {
    handMade = await renderedText(await copyProject(), '2019/09/index.html');
  });

  it('imports 2019 第9期 into a file whose page reads exactly as the hand-made one\u2019s', async () => {
    const dir = await projectWithout09();
    const { code, stdout, stderr } = await cli(dir, 'import', CORPUS);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(`已导入 ${CORPUS} → content/2019/09.md\uFF08第9期，总第583期，2019年4月29日\uFF09`);
    expect(stdout).toContain('接上了 5 处被分页断开的句子');
    expect(await renderedText(dir, '2019/09/index.html')).toBe(handMade);
  });

  it('reads the same text saved as GBK with CRLF line ends, and says so', async () => {
    const dir = await projectWithout09();
    const gbk = path.join(dir, 'old-gbk.txt');
    await writeFile(gbk, iconv.encode((await readFile(CORPUS, 'utf8')).replace(/\n/g, '\r\n'), 'gbk'));
    const { code, stdout } = await cli(dir, 'import', gbk);
    expect(code).toBe(0);
    expect(stdout).toContain('按 GBK（GB18030）编码读取');
    expect(await renderedText(dir, '2019/09/index.html')).toBe(handMade);
  });

  it('skips an issue that is there already, and leaves it as it was', async () => {
    const dir = await copyProject();
    const before = await readTree(path.join(dir, 'content'));
    const { code, stdout } = await cli(dir, 'import', CORPUS);
    expect(code).toBe(0);
    expect(stdout).toContain(`已跳过 ${CORPUS}\uFF1Acontent/2019/09.md 已经存在，没有覆盖`);
    expect(await readTree(path.join(dir, 'content'))).toEqual(before);
  });

  it('names the files of a folder it cannot import as skipped, and says nothing of Word’s lock files', async () => {
    const dir = await copyProject();
    await rm(path.join(dir, 'content', '2019', '09.md'));
    const folder = path.join(dir, '旧稿');
    await mkdir(folder);
    await writeFile(path.join(folder, '2019-09.txt'), await readFile(CORPUS));
    await writeFile(path.join(folder, '照片.png'), 'png');
    await writeFile(path.join(folder, '~$2019-09.docx'), 'lock');
    const { code, stdout } = await cli(dir, 'import', '旧稿');
    expect(code).toBe(0);
    expect(stdout).toContain('已跳过 旧稿/照片.png\uFF1A不是能导入的格式');
    expect(stdout).toContain('共 2 个文件\uFF1A已导入 1 期，跳过 1 个');
    expect(stdout).not.toContain('~$');
    expect(await readFile(path.join(dir, 'import-report.md'), 'utf8')).toContain('- `旧稿/照片.png`：不是能导入的格式');
  });
});

describe('npm run import, Word documents', () => {
  it('imports a .docx with its title, bold, list, table, 快讯 and 版记, into a file that builds', async () => {
    const dir = await copyProject();
    const docx = path.join(dir, '第3期.docx');
    await writeFile(docx, await makeWordIssue());
    const { code, stdout, stderr } = await cli(dir, 'import', docx);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('→ content/2019/03.md\uFF08第3期，总第577期，2019年2月20日\uFF09');
    const result = await build({ projectDir: dir, write: false });
    expect(result.ok).toBe(true);
    const page = String(result.output!.get('2019/03/index.html')).replaceAll('<wbr>', '');
    expect(page).toContain('<h2 class="article-title" id="article-1-title">关于代表建议办理工作的调研报告</h2>');
    expect(page).toContain('<p class="article-byline">省人大常委会联工委调研组</p>');
    expect(page).toContain('<strong>一是交办及时</strong>');
    expect(page).toContain('<li>建立督办台账</li>');
    expect(page).toMatch(/<td>建议件数<\/td>\s*<td>320<\/td>/);
    expect(page).toContain('<span class="column-label">快讯\uFF1A</span>2月18日');
    expect(page).toContain('责任编辑\uFF1A<span class="nowrap">石\u3000韧</span>\u3000<span class="nowrap">吴静波</span>');
  });
});

describe('npm run import, a Word table with merged cells', () => {
  it(
    'is kept with its merged cells on the page, in the check, and in the printed PDF',
    async () => {
      const dir = await copyProject();
      const docx = path.join(dir, '第3期.docx');
      await writeFile(docx, await makeWordIssue('lines', 'merged'));
      expect((await cli(dir, 'import', docx)).code).toBe(0);
      const markdown = await readFile(path.join(dir, 'content', '2019', '03.md'), 'utf8');
      expect(markdown).toContain('<tr><th rowspan="2">地区</th><th colspan="2">代表建议</th><th rowspan="2">备注</th></tr>');
      const check = await cli(dir, 'check');
      expect(check.code).toBe(0);
      expect(check.stdout + check.stderr).not.toMatch(/content\/2019\/03\.md:\d+:\d+: (错误|警告)/);
      const printed = await build({ projectDir: dir, write: true, pdf: true });
      expect(printed.ok).toBe(true);
      const page = String(await readFile(path.join(dir, 'dist', '2019', '03', 'index.html'), 'utf8'));
      expect(page).toContain('<tr><td>长沙</td><td>120</td><td>118</td><td rowspan="2">两件续办</td></tr>');
      // Printed as laid out: the header over its two rows, each figure in its heading's column.
      const text = await pdfText(path.join(dir, 'dist', '2019', '03', 'lianluodongtai-2019-03.pdf'), { layout: true });
      const raw = text.split('\n');
      const lines = raw.map((line) => line.trim().split(/\s+/).join(' '));
      const at = (row: string) => lines.findIndex((line) => line.includes(row));
      const [header, subheader, changsha, zhuzhou] = ['代表建议 备注', '地区 件数 办结', '长沙 120 118 两件续办', '株洲 86 86'].map(at);
      expect(header).toBeGreaterThanOrEqual(0);
      expect([subheader, changsha, zhuzhou]).toEqual([header! + 1, header! + 2, header! + 3]);
      const column = (line: number, word: string) => raw[line]!.indexOf(word);
      expect(Math.abs(column(changsha!, '120') - column(subheader!, '件数'))).toBeLessThanOrEqual(1);
      expect(Math.abs(column(changsha!, '118') - column(subheader!, '办结'))).toBeLessThanOrEqual(1);
    },
    scaled(180_000),
  );
});

describe('npm run import, a Word table it cannot rebuild', () => {
  it('imports it as read, and lists it under 需要核对 with its paragraph', async () => {
    const dir = await copyProject();
    const docx = path.join(dir, '第3期.docx');
    await writeFile(docx, await makeWordIssue('lines', 'nested'));
    const { code, stdout, stderr } = await cli(dir, 'import', docx);
    expect(code).toBe(0);
    expect(stdout + stderr).toMatch(/第3期\.docx:1:1: 警告：第 \d+ 段：表格的单元格里还套着表格.*请对照原件核对这个表格/);
    expect(await readFile(path.join(dir, 'import-report.md'), 'utf8')).toMatch(/需要核对[\s\S]*表格的单元格里还套着表格/);
    expect(await readFile(path.join(dir, 'content', '2019', '03.md'), 'utf8')).toContain('| 建议件数 |');
  });
});

describe('npm run import, bad files', () => {
  const cases: [string, () => Promise<Buffer | string>, string][] = [
    ['empty.txt', async () => '', '文件是空的，没有可导入的内容'],
    ['old.doc', async () => Buffer.from('d0cf11e0a1b11ae1000000000000000000000000', 'hex'), 'LibreOffice 没能打开这个文件，它可能已损坏'],
    ['renamed.docx', async () => Buffer.from('d0cf11e0a1b11ae1000000000000000000000000', 'hex'), 'LibreOffice 没能打开这个文件'],
    ['damaged.docx', async () => (await makeWordIssue()).subarray(0, 2000), '这个 Word 文档已损坏，或不是 .docx 文件'],
    ['notes.docx', async () => '这其实是文本', '扩展名是 .docx，内容却不是 Word 文档'],
    ['damaged.pdf', async () => '%PDF-1.4\n', '这个 PDF 已损坏，读不出内容'],
    ['big5.txt', async () => iconv.encode('聯絡動態，第九期：測試報告', 'big5'), '认不出文件的编码'],
    ['no-masthead.txt', async () => '关于某项工作的报告\n\n正文。\n', '报头中没有找到期号和出刊日期'],
    [
      'no-date.txt',
      async () => '联络动态\n第 3 期\n某某委员会编\n\n关于某项工作的报告\n\n正文。\n',
      '原件开头几行：“联络动态”、“第 3 期”、“某某委员会编”、“关于某项工作的报告” 等 5 行）：请在原件开头的报头里补上出刊日期（如“2019年4月29日”）',
    ],
    [
      'paragraphs-first.txt',
      async () => `${'各地认真贯彻落实会议精神，扎实推进代表工作。'.repeat(5)}\n\n${'正文。'.repeat(50)}\n`,
      '原件开头几行：“各地认真贯彻落实会议精神，扎实推进代表工……”',
    ],
  ];

  it.each(cases)('%s: a Chinese message that says what to do, no stack trace, content/ untouched', async (name, bytes, message) => {
    const dir = await copyProject();
    await writeFile(path.join(dir, name), await bytes());
    const before = await readTree(path.join(dir, 'content'));
    const { code, stdout, stderr } = await cli(dir, 'import', path.join(dir, name));
    expect(code).toBe(1);
    expect(stderr).toContain(message);
    expect(stderr).toContain('（没有导入）');
    expect(stdout).toContain('没有导入 1 个');
    expect(stderr + stdout).not.toMatch(/\n\s+at |Error:/);
    expect(await readTree(path.join(dir, 'content'))).toEqual(before);
  });

  it('a missing file, and no file at all', async () => {
    const dir = await copyProject();
    const missing = await cli(dir, 'import', 'nowhere.txt');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nowhere.txt:1:1: 错误\uFF1A找不到这个文件');
    const none = await cli(dir, 'import');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('没有给出要导入的文件');
  });

  it('explains itself in Chinese', async () => {
    const { code, stdout } = await cli(PROJECT_DIR, 'import', '--help');
    expect(code).toBe(0);
    expect(stdout).toContain('用法\uFF1Anpm run import -- 文件');
  });
});
