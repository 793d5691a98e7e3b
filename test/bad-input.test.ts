// Files as real editors' machines save them: read as meant where the intent is certain (a BOM,
// CRLF, UTF-16 with its BOM), otherwise refused with a Chinese message at the file that says what
// to do, never a stack trace, and the published dist/ left exactly as it was.
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from './build.ts';
import { cli, copyProject } from './cli.ts';
import { readTree } from './site.ts';
import { makeWordIssue } from './word.ts';

const ISSUE = path.join('content', '2019', '10.md');

/** A copy of the project, built once by the command line; each test changes a copy of it. */
let built: string;
beforeAll(async () => {
  built = await copyProject();
  expect((await cli(built, 'build')).code).toBe(0);
});

/** A copy of the built project (its dist/ and build cache too), and the 2019 第10期 file's text. */
async function builtProject(): Promise<{ dir: string; text: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lldt-bad-'));
  await cp(built, dir, { recursive: true });
  return { dir, text: await readFile(path.join(dir, ISSUE), 'utf8') };
}

const pageOf = async (dir: string) => String((await build({ projectDir: dir, write: false })).output!.get('2019/10/index.html'));

describe('files read as the editor meant them', () => {
  it.each([
    ['a UTF-8 BOM and CRLF line ends', (text: string) => Buffer.from(`\uFEFF${text.replace(/\n/g, '\r\n')}`)],
    ['UTF-16 with its BOM (Notepad\u2019s "Unicode")', (text: string) => iconv.encode(text, 'utf-16le', { addBOM: true })],
  ])('%s', async (_, save) => {
    const { dir, text } = await builtProject();
    const expected = await pageOf(dir);
    await writeFile(path.join(dir, ISSUE), save(text));
    const { code, stderr } = await cli(dir, 'check');
    // Only the notes on the archive's gaps: no error, no warning.
    expect(stderr).toContain('共 0 个错误，0 个警告');
    expect(code).toBe(0);
    expect(await pageOf(dir)).toBe(expected);
  });
});

describe('files refused with a message that says what to do', () => {
  const cases: [string, (text: string) => Promise<Buffer | string>, string][] = [
    [
      'saved as GBK',
      async (text) => iconv.encode(text, 'gbk'),
      `${ISSUE}:1:1: 错误\uFF1A文件是 GBK（GB18030）编码，不是 UTF-8\uFF1A请用记事本打开这个文件，点“另存为”，把“编码”选为 UTF-8 后保存 [bulletin:encoding]`,
    ],
    ['empty', async () => '', `${ISSUE}:1:1: 错误\uFF1A文件是空的`],
    [
      'a Word document saved under .md',
      async () => makeWordIssue(),
      `${ISSUE}:1:1: 错误\uFF1A这个文件其实是 Word 文档，不是文本\uFF1A不要只改扩展名\uFF1A请把它移出 content/ 并改回 .docx，例如改为 旧稿/${path.basename(ISSUE, '.md')}.docx，再运行 npm run import -- 旧稿/${path.basename(ISSUE, '.md')}.docx`,
    ],
    [
      'full-width colons in front matter',
      async (text) => text.replace('issue: 10', '期号\uFF1A10').replace('date: ', 'date\uFF1A'),
      `${ISSUE}:3:1: 错误\uFF1A这一行应写作“issue: 10”`,
    ],
    [
      'a date typed the Chinese way',
      async (text) => text.replace('date: 2019-05-27', 'date: 2019年5月27日'),
      `${ISSUE}:5:7: 错误\uFF1A日期 2019年5月27日 应写作 年-月-日\uFF1Adate: 2019-05-27`,
    ],
    [
      'a 期号 typed with its 第 and 期',
      async (text) => text.replace('issue: 10', 'issue: 第10期'),
      `${ISSUE}:3:8: 错误\uFF1A期号 issue 应写作阿拉伯数字\uFF1Aissue: 10`,
    ],
    [
      'a colon and a space inside a value',
      async (text) => text.replace('date: 2019-05-27', 'date: 2019-05-27\ntitle: 专刊: 学习贯彻代表法'),
      `${ISSUE}:6:8: 错误\uFF1A值里有半角冒号加空格（": "），YAML 把它当成了又一个键\uFF1A请把值里的冒号改为全角，写作“title: 专刊\uFF1A学习贯彻代表法”`,
    ],
    [
      'a value that starts with #, which YAML reads as a comment',
      async (text) => text.replace(/^title: .*$/m, 'title: #专刊'),
      `${ISSUE}:6:8: 错误\uFF1A值以 # 开头，YAML 把 # 和它后面的文字当成了注释，这一项就成了空的\uFF1A请给整个值加上英文引号，写作“title: "#专刊"” [bulletin:yaml-syntax]`,
    ],
    [
      'a colon and a space inside an item of 送',
      async (text) => text.replace('  - 市人大常委会组成人员', '  - 抄送: 各省'),
      `${ISSUE}:10:5: 错误\uFF1A送 distribution 中这一项有半角冒号加空格（": "），YAML 把它当成了“键: 值”，而每一项应是一行文字\uFF1A请把冒号改为全角，写作“- 抄送\uFF1A各省”，或给整项加上英文引号 [bulletin:yaml-syntax]`,
    ],
    [
      'a tab in front matter',
      async (text) => text.replace('  - 市人大常委会组成人员', '\t- 市人大常委会组成人员'),
      `${ISSUE}:10:1: 错误\uFF1A这一行用 Tab 键缩进，YAML 只认空格\uFF1A请把 Tab 换成两个空格`,
    ],
  ];

  it.each(cases)('%s', async (_, save, message) => {
    const { dir, text } = await builtProject();
    const published = await readTree(path.join(dir, 'dist'));
    await writeFile(path.join(dir, ISSUE), await save(text));
    for (const command of ['check', 'build']) {
      const { code, stdout, stderr } = await cli(dir, command);
      expect(code).toBe(1);
      expect(stderr).toContain(message);
      expect(stderr + stdout).not.toMatch(/\n\s+at |Error:|出现意外错误/);
    }
    expect(await readTree(path.join(dir, 'dist'))).toEqual(published);
  });

  it('reads each full-width slip at its own line, and the other settings as written', async () => {
    const { dir, text } = await builtProject();
    await writeFile(path.join(dir, ISSUE), text.replace('date: ', 'date\uFF1A'));
    const { stderr } = await cli(dir, 'check');
    expect(stderr).toContain(`${ISSUE}:5:5: 错误\uFF1A这一行应写作“date: 2019-05-27”\uFF1A冒号要用英文半角“:”，不用中文全角“\uFF1A” [bulletin:typing-slip]`);
    expect(stderr).toContain('共 1 个错误');
  });
});
