// The back catalogue: the site's own PDFs imported back give the same issues; a PDF that
// LibreOffice made from a Word document, and the same document as .doc and .wps, give what the
// .docx gives; a folder of mixed files imports in one command, with a report; scans, tables of
// contents and text past the limit are refused; nothing is written over, and --dry-run writes nothing.
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Issue } from '../src/model/issue.ts';
import { build } from './build.ts';
import { cli, cliWithEnv, copyProject } from './cli.ts';
import { CORPUS_FILE, readTree } from './site.ts';
import { scaled } from './time-limit.ts';
import { makeWordIssue } from './word.ts';

const run = promisify(execFile);
const CORPUS = CORPUS_FILE;
const made: string[] = [];

async function scratch(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lldt-catalogue-'));
  made.push(dir);
  return dir;
}

/** A project with the site's settings and templates but no issue yet. */
async function emptyProject(): Promise<string> {
  const dir = await copyProject();
  made.push(dir);
  for (const year of await readdir(path.join(dir, 'content'))) {
    if (/^\d{4}$/.test(year)) await rm(path.join(dir, 'content', year), { recursive: true });
  }
  return dir;
}

/** An issue as a reader sees it: its front matter as published, and each article's text without spacing. */
function readable(issue: Issue) {
  const text = (html: string) =>
    html
      .replace(/<[^>]+>/g, '')
      .replace(/&[a-z#0-9]+;/g, '')
      .replace(/[\s\u3000]+/g, '');
  return {
    number: issue.number,
    total: issue.total,
    date: issue.date,
    title: issue.title,
    distribution: issue.distribution,
    editors: issue.editors,
    contact: issue.contact,
    publisher: issue.publisher,
    // The column is not printed, so a PDF cannot give it back; all the rest is.
    articles: issue.articles.map((a) => ({ title: a.title?.replace(/\s+/g, ''), byline: a.byline, date: a.date, text: text(a.html) })),
  };
}

async function issuesOf(projectDir: string) {
  const result = await build({ projectDir, write: false, cacheDir: false });
  expect(result.files.flatMap((f) => f.messages.filter((m) => m.fatal).map(String))).toEqual([]);
  return result.issues.map(readable);
}

async function soffice(file: string, format: string, outDir: string): Promise<string> {
  const profile = await scratch();
  await run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', format, '--outdir', outDir, file]);
  return path.join(outDir, `${path.basename(file, path.extname(file))}.${format}`);
}

/** A PDF of one page that holds a grey picture and no text, as a scanner makes it. */
function scannedPdf(): Buffer {
  const content = '0.8 g 50 50 495 742 re f';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const at = pdf.length;
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = pdf.length;
  const entries = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${entries}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('the site\u2019s own PDFs, imported back', () => {
  let original: string;
  let pdfs: string;
  beforeAll(async () => {
    original = await copyProject();
    made.push(original);
    const printed = await build({ projectDir: original, write: true, pdf: true });
    expect(printed.ok).toBe(true);
    pdfs = await scratch();
    for (const issue of printed.issues) {
      const name = `lianluodongtai-${issue.year}-${String(issue.number).padStart(2, '0')}.pdf`;
      await copyFile(path.join(original, 'dist', issue.path, name), path.join(pdfs, name));
    }
  }, scaled(180_000));

  it('give every sample issue back: front matter equal, article text equal', async () => {
    const dir = await emptyProject();
    const { code, stdout, stderr } = await cli(dir, 'import', pdfs);
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/^1\/4 /m);
    expect(stdout).toContain('共 4 个文件：已导入 4 期，跳过 0 个，没有导入 0 个');
    expect(stdout).toContain('去掉了页码或页眉');
    expect(await issuesOf(dir)).toEqual(await issuesOf(original));
    const report = await readFile(path.join(dir, 'import-report.md'), 'utf8');
    expect(report).toContain('# 导入报告');
    expect(report).toMatch(/\| `[^`]*lianluodongtai-2019-09\.pdf` \| `content\/2019\/09\.md` \| 9 \| 583 \| 2019-04-29 \|/);
  });

  it('import again skips every file, writes nothing over, and says why', async () => {
    const dir = await copyProject();
    made.push(dir);
    const before = await readTree(path.join(dir, 'content'));
    const { code, stdout } = await cli(dir, 'import', pdfs);
    expect(code).toBe(0);
    expect(stdout).toContain('跳过 4 个');
    expect(stdout).toContain('content/2019/09.md 已经存在，没有覆盖');
    expect(await readTree(path.join(dir, 'content'))).toEqual(before);
    // A second batch's report goes under the first one's.
    const first = `${await readFile(path.join(dir, 'import-report.md'), 'utf8')}\n编辑的批注\n`;
    await writeFile(path.join(dir, 'import-report.md'), first);
    expect((await cli(dir, 'import', pdfs)).code).toBe(0);
    const report = await readFile(path.join(dir, 'import-report.md'), 'utf8');
    expect(report.startsWith(first)).toBe(true);
    expect(report.match(/^# 导入报告（\d{4}-\d\d-\d\d \d\d:\d\d）$/gm)).toHaveLength(2);
  });
});

describe('Word documents through LibreOffice', () => {
  let word: string;
  let docxIssues: ReturnType<typeof readable>[];
  beforeAll(async () => {
    word = await scratch();
    await writeFile(path.join(word, 'issue.docx'), await makeWordIssue());
    const dir = await emptyProject();
    expect((await cli(dir, 'import', path.join(word, 'issue.docx'))).code).toBe(0);
    docxIssues = await issuesOf(dir);
  }, scaled(120_000));

  it('a PDF LibreOffice printed from the .docx gives the same issue as the .docx', async () => {
    const out = await scratch();
    const pdf = await soffice(path.join(word, 'issue.docx'), 'pdf', out);
    const dir = await emptyProject();
    const { code, stderr } = await cli(dir, 'import', pdf);
    expect(code, stderr).toBe(0);
    expect(await issuesOf(dir)).toEqual(docxIssues);
  });

  it('the same document as .doc and as .wps gives the same issue, both converted at once', async () => {
    const out = await scratch();
    const doc = await soffice(path.join(word, 'issue.docx'), 'doc', out);
    const folder = await scratch();
    await copyFile(doc, path.join(folder, 'a.doc'));
    await mkdir(path.join(folder, 'wps'));
    await copyFile(doc, path.join(folder, 'wps', 'b.wps'));
    // Not the same bytes, or the second would be skipped as a copy before it is read.
    await writeFile(path.join(folder, 'wps', 'b.wps'), Buffer.concat([await readFile(doc), Buffer.alloc(512)]));
    const dir = await emptyProject();
    const { code, stdout, stderr } = await cli(dir, 'import', folder);
    expect(code, stderr).toBe(0);
    expect(stdout).toContain('已导入 ');
    expect(stdout).toMatch(/已跳过 \S*b\.wps\uFF1A与 \S*a\.doc 是同一期/);
    expect(await issuesOf(dir)).toEqual(docxIssues);
  });

  it.each(['tab', 'table'] as const)('a masthead with the date after a %s reads as the one with a line each, as .docx and as PDF', async (layout) => {
    const folder = await scratch();
    const docx = path.join(folder, `${layout}.docx`);
    await writeFile(docx, await makeWordIssue(layout));
    const pdf = await soffice(docx, 'pdf', await scratch());
    for (const file of [docx, pdf]) {
      const dir = await emptyProject();
      const { code, stderr } = await cli(dir, 'import', file);
      expect(code, `${file}: ${stderr}`).toBe(0);
      expect(await issuesOf(dir)).toEqual(docxIssues);
    }
  });

  it('without LibreOffice, says how to install it and writes nothing', async () => {
    const dir = await emptyProject();
    const before = await readTree(path.join(dir, 'content'));
    const doc = path.join(dir, 'old.doc');
    await writeFile(doc, Buffer.from('d0cf11e0a1b11ae1000000000000000000000000', 'hex'));
    const result = await cliWithEnv({ SOFFICE_PATH: '/nonexistent/soffice' }, dir, 'import', doc);
    expect(result.stderr).toContain('sudo apt-get install libreoffice-writer-nogui');
    expect(result.stderr).toContain('（没有导入）');
    expect(await readTree(path.join(dir, 'content'))).toEqual(before);
  });
});

describe('a folder of mixed files', () => {
  it('imports text, Word and PDF files from subfolders in a stable order, skips copies, refuses scans and contents, and reports', async () => {
    const folder = await scratch();
    await mkdir(path.join(folder, '2019', '扫描'), { recursive: true });
    await copyFile(CORPUS, path.join(folder, '2019', '第9期.txt'));
    await copyFile(CORPUS, path.join(folder, '2019', '第9期（副本）.txt'));
    await writeFile(path.join(folder, '2019', '第3期.docx'), await makeWordIssue());
    await writeFile(path.join(folder, '目录.txt'), Array.from({ length: 8 }, (_, i) => `关于第${i + 1}项工作的报告……${i * 2 + 1}`).join('\n'));
    await writeFile(path.join(folder, '2019', '扫描', '第5期.pdf'), scannedPdf());
    const dir = await emptyProject();

    const dry = await cli(dir, 'import', folder, '--dry-run');
    expect(dry.stdout).toContain('试运行（--dry-run）：没有写入任何文件。');
    expect(await readdir(path.join(dir, 'content'))).toEqual(['site.yml']);

    const { code, stdout, stderr } = await cli(dir, 'import', folder);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^5\/5 /m);
    expect(stdout).toMatch(/已导入 \S*2019\/第3期\.docx → content\/2019\/03\.md[\s\S]*已导入 \S*2019\/第9期\.txt → content\/2019\/09\.md/);
    expect(stdout).toMatch(/已跳过 \S*第9期（副本）\.txt\uFF1A与 \S*第9期\.txt 内容完全相同/);
    expect(stderr).toMatch(/第5期\.pdf:1:1: 错误：这个 PDF 没有文字层，是扫描的图片，需要先做文字识别（OCR）才能导入/);
    expect(stderr).toMatch(/目录\.txt:1:1: 错误：这个文件像是目录/);
    expect(stdout).toContain('共 5 个文件：已导入 2 期，跳过 1 个，没有导入 2 个');
    const report = await readFile(path.join(dir, 'import-report.md'), 'utf8');
    expect(report).toContain('## 没有导入（2）');
    expect(report).toMatch(/扫描\/第5期\.pdf:1:1`\uFF1A这个 PDF 没有文字层/);
    expect(await readdir(path.join(dir, 'content', '2019'))).toEqual(['03.md', '09.md']);
  });

  it('points at 期号 and 总期号 that disagree with the issues beside them', async () => {
    const dir = await copyProject();
    made.push(dir);
    await rm(path.join(dir, 'content', '2019', '09.md'));
    // 2019 第9期 comes between 第8期 (582) and 第10期 (584): say it is 总第590期.
    const wrong = path.join(dir, 'wrong.txt');
    await writeFile(wrong, (await readFile(CORPUS, 'utf8')).replace('总第五百八十三期', '总第五百九十期'));
    const { stderr } = await cli(dir, 'import', wrong);
    expect(stderr).toContain('content/2019/09.md:3:1: 警告：期号和总期号与 content/2019/08.md（2019年第8期，总第582期）对不上：期号相差 1，总期号却相差 8');
    expect(stderr).toContain('content/2019/09.md:3:1: 警告：总期号 590 与 content/2019/10.md（2019年第10期，总第584期）不合');
  });
});

describe('text import limits and encodings', () => {
  it('reads UTF-16 with a byte order mark', async () => {
    const dir = await copyProject();
    made.push(dir);
    await rm(path.join(dir, 'content', '2019', '09.md'));
    const file = path.join(dir, 'unicode.txt');
    await writeFile(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(await readFile(CORPUS, 'utf8'), 'utf16le')]));
    const { code, stdout } = await cli(dir, 'import', file);
    expect(code).toBe(0);
    expect(stdout).toContain('按 UTF-16 编码读取');
    expect(stdout).toContain('→ content/2019/09.md');
  });

  it('refuses a .docx whose zip says its text unpacks to hundreds of MB, before unpacking it', async () => {
    const dir = await emptyProject();
    const bytes = await makeWordIssue();
    // The zip directory's entry of word/document.xml (its name stands 46 bytes in): say 300 MB unpacked.
    const entry = bytes.lastIndexOf(Buffer.from('word/document.xml')) - 46;
    expect(bytes.readUInt32LE(entry)).toBe(0x02014b50);
    bytes.writeUInt32LE(300 * 1024 * 1024, entry + 24);
    await writeFile(path.join(dir, 'bomb.docx'), bytes);
    const { code, stderr } = await cli(dir, 'import', path.join(dir, 'bomb.docx'));
    expect(code).toBe(1);
    expect(stderr).toContain('bomb.docx:1:1: 错误：文件中的文字有 300 MB，远超一期刊物的篇幅');
    expect(await readdir(path.join(dir, 'content'))).toEqual(['site.yml']);
  });

  it('refuses a .docx whose text runs past 20 MB, and writes nothing', async () => {
    const dir = await emptyProject();
    const { Document, Packer, Paragraph } = await import('docx');
    const long = '代表建议办理工作。'.repeat(250_000);
    const doc = new Document({ sections: [{ children: Array.from({ length: 10 }, () => new Paragraph(long)) }] });
    const file = path.join(dir, 'huge.docx');
    await writeFile(file, await Packer.toBuffer(doc));
    const { code, stderr } = await cli(dir, 'import', file);
    expect(code).toBe(1);
    expect(stderr).toMatch(/huge\.docx:1:1: 错误：文件中的文字有 \d+ MB，远超一期刊物的篇幅（上限 20 MB）/);
    expect(await readdir(path.join(dir, 'content'))).toEqual(['site.yml']);
  });
});
