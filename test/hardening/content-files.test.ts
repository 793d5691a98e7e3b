// Issue 11, items 5, 9 and 13: what sits in content/ under a name the build reads. Only regular
// files within the size limit are read; a FIFO, a device, a folder or a dangling link named *.md
// is an error at its :1:1, never a hang. Files that look meant as issues but are not read are
// warned about. Every file-level message has a place, and no file name can split a report line.
import { execFile } from 'node:child_process';
import { mkdir, rename, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readText } from '../../src/content/load-content.ts';
import { formatReport } from '../../src/report.ts';
import { build } from '../build.ts';
import { cli } from '../cli.ts';
import { makeSite, TEMPLATES_DIR } from '../site.ts';

const run = promisify(execFile);

async function check(projectDir: string) {
  const result = await build({ projectDir, templatesDir: TEMPLATES_DIR, write: false, cacheDir: false, search: false });
  return { ok: result.ok, report: formatReport(result.files) };
}

const NOT_REGULAR = '错误\uFF1A这不是普通文件（是管道、设备或指向它们的链接），读不出内容\uFF1A请换成以 UTF-8 编码保存的文本文件 [bulletin:not-a-text-file]';

describe('only regular files are read', () => {
  it.each([
    ['a FIFO', (file: string) => run('mkfifo', [file])],
    ['a link to /dev/zero', (file: string) => symlink('/dev/zero', file)],
    ['a link to /dev/urandom', (file: string) => symlink('/dev/urandom', file)],
    ['a link to /dev/null', (file: string) => symlink('/dev/null', file)],
    [
      'a link to a FIFO elsewhere',
      async (file: string) => {
        const fifo = path.join(tmpdir(), `lldt-fifo-${process.pid}-${Date.now()}`);
        await run('mkfifo', [fifo]);
        await symlink(fifo, file);
      },
    ],
  ])('%s named 02.md is an error at its start, not a hang', async (_, make) => {
    const projectDir = await makeSite();
    await make(path.join(projectDir, 'content', '2019', '02.md'));
    const { ok, report } = await check(projectDir);
    expect(ok).toBe(false);
    expect(report).toBe(`content/2019/02.md:1:1: ${NOT_REGULAR}\n\n共 1 个错误，0 个警告。`);
  });

  it('a FIFO as site.yml, through the command line: a message, no hang, no stack', async () => {
    const projectDir = await makeSite();
    await rename(path.join(projectDir, 'content', 'site.yml'), path.join(projectDir, 'content', 'site.yml.bak'));
    await run('mkfifo', [path.join(projectDir, 'content', 'site.yml')]);
    const { code, stdout, stderr } = await cli(projectDir, 'check');
    expect(code).toBe(1);
    expect(stderr).toContain(`content/site.yml:1:1: ${NOT_REGULAR}`);
    expect(stdout + stderr).not.toMatch(/\n\s+at |Error:/);
  });

  it.each([
    [
      'a relative link beside it',
      async (file: string, text: string) => {
        await writeFile(path.join(path.dirname(file), '.02.md.real'), text);
        await symlink('.02.md.real', file);
      },
    ],
  ])('%s is read as the file it points at', async (_, make) => {
    const projectDir = await makeSite();
    await make(
      path.join(projectDir, 'content', '2019', '02.md'),
      '---\nissue: 2\ntotal: 576\ndate: 2019-02-10\ndistribution:\n  - 甲单位\n---\n\n# 第二篇\n\n正文二。\n',
    );
    const { ok, report } = await check(projectDir);
    expect(report).toBe('');
    expect(ok).toBe(true);
  });

  it.each([
    [
      'a dangling link',
      (file: string) => symlink('/nonexistent/02.md', file),
      '错误\uFF1A找不到这个文件，或没有读取权限\uFF1A请检查文件名，以及文件和它所在文件夹的读取权限 [bulletin:missing-file]',
    ],
    [
      'a link to itself',
      (file: string) => symlink(file, file),
      '错误\uFF1A找不到这个文件，或没有读取权限\uFF1A请检查文件名，以及文件和它所在文件夹的读取权限 [bulletin:missing-file]',
    ],
    [
      'a folder',
      (file: string) => mkdir(file),
      '错误\uFF1A这是一个文件夹，不是文件\uFF1A名字以 .md 或 .yml 结尾的应是文本文件，请给这个文件夹改名 [bulletin:not-a-text-file]',
    ],
    [
      'a link to a folder',
      (file: string) => symlink('/tmp', file),
      '错误\uFF1A这是一个文件夹，不是文件\uFF1A名字以 .md 或 .yml 结尾的应是文本文件，请给这个文件夹改名 [bulletin:not-a-text-file]',
    ],
    ['empty', (file: string) => writeFile(file, ''), '错误\uFF1A文件是空的'],
    ['only blank lines', (file: string) => writeFile(file, '\n\n  \n'), '错误\uFF1A文件是空的'],
    ['binary', (file: string) => writeFile(file, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1])), '错误\uFF1A这个文件不是文本文件'],
    ['not UTF-8 nor Chinese', (file: string) => writeFile(file, Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xff, 0xfe, 0x41])), '错误\uFF1A文件不是 UTF-8 编码'],
    ['a UTF-8 BOM but bad bytes', (file: string) => writeFile(file, Buffer.from([0xef, 0xbb, 0xbf, 0xc3, 0x28])), '错误\uFF1A文件不是 UTF-8 编码'],
  ])('%s named 02.md is an error at :1:1', async (_, make, message) => {
    const projectDir = await makeSite();
    await make(path.join(projectDir, 'content', '2019', '02.md'));
    const { ok, report } = await check(projectDir);
    expect(ok).toBe(false);
    expect(report).toContain(`content/2019/02.md:1:1: ${message}`);
  });

  it('a missing site.yml is an error at :1:1', async () => {
    const projectDir = await makeSite();
    await rename(path.join(projectDir, 'content', 'site.yml'), path.join(projectDir, 'content', 'old-site.yml'));
    expect((await check(projectDir)).report).toContain(
      'content/site.yml:1:1: 错误\uFF1A找不到这个文件，或没有读取权限\uFF1A请检查文件名，以及文件和它所在文件夹的读取权限 [bulletin:missing-file]',
    );
  });

  it('a file over the size limit is refused at :1:1, unread', async () => {
    const projectDir = await makeSite();
    const big = path.join(projectDir, 'content', '2019', '03.md');
    await writeFile(big, Buffer.alloc(4 * 1024 * 1024, 0x41));
    const file = await readText(projectDir, 'content/2019/03.md');
    expect(formatReport([file])).toContain('content/2019/03.md:1:1: 错误\uFF1A文件超过 128 KB');
    expect(file.value).toBe('');
  });
});

describe('files that look like issues but are not read are warned about', () => {
  it.each([
    ['content/2019/02.MD', '期刊文件名应以小写的 .md 结尾，这个文件不会发布\uFF1A请改名为 02.md [bulletin:issue-file-name]'],
    ['content/2019/02.Md', '期刊文件名应以小写的 .md 结尾，这个文件不会发布\uFF1A请改名为 02.md [bulletin:issue-file-name]'],
    ['content/2019/02.markdown', '期刊文件名应以小写的 .md 结尾，这个文件不会发布\uFF1A请改名为 02.md [bulletin:issue-file-name]'],
    ['content/2019/02.mdown', '期刊文件名应以小写的 .md 结尾，这个文件不会发布\uFF1A请改名为 02.md [bulletin:issue-file-name]'],
    ['content/2019/02.mkd', '期刊文件名应以小写的 .md 结尾，这个文件不会发布\uFF1A请改名为 02.md [bulletin:issue-file-name]'],
    ['content/11.md', '期刊文件应放在年份文件夹里，这个文件不会发布\uFF1A请把它移到 content/<年份>/ 下，例如 content/2019/09.md [bulletin:misplaced-issue]'],
    [
      'content/11.markdown',
      '期刊文件应放在年份文件夹里，这个文件不会发布\uFF1A请把它移到 content/<年份>/ 下，例如 content/2019/09.md [bulletin:misplaced-issue]',
    ],
    [
      'content/2019/02.docx',
      '生成网站只读 .md 文件，这个文件不会发布\uFF1A请用 npm run import -- content/2019/02.docx 把它转成期刊文件，核对后删去原文件 [bulletin:not-markdown]',
    ],
    [
      'content/02.txt',
      '生成网站只读 .md 文件，这个文件不会发布\uFF1A请用 npm run import -- content/02.txt 把它转成期刊文件，核对后删去原文件 [bulletin:not-markdown]',
    ],
  ])('%s', async (relPath, message) => {
    const projectDir = await makeSite();
    await writeFile(path.join(projectDir, relPath), '---\nissue: 2\n---\n');
    const { ok, report } = await check(projectDir);
    expect(ok).toBe(true);
    expect(report).toBe(`${relPath}:1:1: 警告\uFF1A${message}\n\n共 0 个错误，1 个警告。`);
  });

  it('an issue file outside the year folders is told its own place, by its date and 期号, when they can be read', async () => {
    const projectDir = await makeSite();
    const issue = (number: number, date: string) => `---\nissue: ${number}\ntotal: 600\ndate: ${date}\ndistribution:\n  - 各省\n---\n\n# 标题\n\n正文。\n`;
    await writeFile(path.join(projectDir, 'content', '11.md'), issue(11, '2020-06-10'));
    // Typed with a Chinese key and a full-width colon, and named otherwise: its place is still read.
    await writeFile(path.join(projectDir, 'content', '第三期.markdown'), issue(3, '2021-02-01').replace('issue: 3', '期号\uFF1A3'));
    // Its place is taken already.
    await writeFile(path.join(projectDir, 'content', '01.md'), issue(1, '2019-01-20'));
    // Not a date: told where such files go.
    await writeFile(path.join(projectDir, 'content', '12.md'), issue(12, '2020-13-45'));
    const { report } = await check(projectDir);
    const warnings = report.split('\n').filter((line) => line.endsWith('[bulletin:misplaced-issue]'));
    const hint = (line: string) => line.split('\uFF1A').slice(2).join('\uFF1A').replace(' [bulletin:misplaced-issue]', '');
    expect(warnings.map((line) => [line.split(':')[0], hint(line)])).toEqual([
      ['content/01.md', '按它开头设置中的日期和期号，它应是 content/2019/01.md，但那里已经有一个文件\uFF1A请对照两个文件，留下对的一个'],
      ['content/11.md', '按它开头设置中的日期和期号，请把它移到 content/2020/11.md'],
      ['content/12.md', '请把它移到 content/<年份>/ 下，例如 content/2019/09.md'],
      ['content/第三期.markdown', '按它开头设置中的日期和期号，请把它移到 content/2021/03.md'],
    ]);
  });

  it('editors\u2019 hidden files (.02.md, .~lock) and other files are left alone', async () => {
    const projectDir = await makeSite();
    for (const name of ['.02.md', '.~lock.02.md#', '02.md~', 'photo.png', 'Thumbs.db']) await writeFile(path.join(projectDir, 'content', '2019', name), 'x');
    await mkdir(path.join(projectDir, 'content', '.git'));
    await writeFile(path.join(projectDir, 'content', '.git', '01.md'), 'x');
    expect((await check(projectDir)).report).toBe('');
  });

  it('a year folder that is a link inside the project is read like any other', async () => {
    const projectDir = await makeSite();
    // Out of the project, a link is refused (issue 23: test/hardening/project-files.test.ts).
    const kept = path.join(projectDir, 'archive', '2020');
    await mkdir(kept, { recursive: true });
    await writeFile(path.join(kept, '01.md'), '---\nissue: 1\ntotal: 577\ndate: 2020-01-10\ndistribution:\n  - 甲单位\n---\n\n# 新年\n\n正文。\n');
    await symlink(kept, path.join(projectDir, 'content', '2020'));
    const result = await build({ projectDir, templatesDir: TEMPLATES_DIR, write: false, cacheDir: false, search: false });
    expect(formatReport(result.files)).toBe('');
    expect(result.output!.has('2020/01/index.html')).toBe(true);
  });

  it('a dangling link named like a year folder is left alone (it holds nothing)', async () => {
    const projectDir = await makeSite();
    await symlink('/nonexistent', path.join(projectDir, 'content', '2020'));
    expect((await check(projectDir)).report).toBe('');
  });
});

describe('file names in messages', () => {
  it.each([
    ['a newline', '0\n2.md', 'content/2019/0\\n2.md:1:1: 错误'],
    ['a carriage return', '0\r2.md', 'content/2019/0\\r2.md:1:1: 错误'],
    ['a tab', '0\t2.md', 'content/2019/0\\t2.md:1:1: 错误'],
    ['an escape character', '0\u001b[31m2.md', 'content/2019/0\\u001B[31m2.md:1:1: 错误'],
    ['a bidirectional override', '0\u202e2.md', 'content/2019/0\\u202E2.md:1:1: 错误'],
    ['a line separator', '0\u20282.md', 'content/2019/0\\u20282.md:1:1: 错误'],
  ])('one with %s stays on its line, escaped', async (_, name, start) => {
    const projectDir = await makeSite();
    await writeFile(path.join(projectDir, 'content', '2019', name), 'x');
    const { report } = await check(projectDir);
    const lines = report.split('\n');
    expect(lines[0]).toMatch(new RegExp(`^${start.replace(/[\\[\]().*+?]/g, '\\$&')}`));
    expect(lines).toHaveLength(3);
    expect(report).not.toMatch(/[\0-\x08\x0B-\x1F\u2028\u202E]/);
  });
});
