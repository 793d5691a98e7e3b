// Failures outside the content, made to happen for real: templates that fail while rendering,
// and fake Chromium, Pagefind and LibreOffice programs that crash, hang, print garbage or are
// missing. Each is said in Chinese with its rule id, ends with its documented exit code, shows
// no stack trace, and leaves dist/ (or content/) as it was; what failed is not cached.
import { spawn } from 'node:child_process';
import { chmod, cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM } from '../src/pdf/chromium.ts';
import { CLI, type CliResult, cli, cliWithEnv, copyProject } from './cli.ts';
import { readTree, TEMPLATES_DIR } from './site.ts';

const STACK = /\n\s+at /;

/** An executable shell script in a folder of its own; its path. */
async function fakeProgram(name: string, script: string): Promise<string> {
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'lldt-fake-')), name);
  await writeFile(file, `#!/bin/sh\n${script}\n`);
  await chmod(file, 0o755);
  return file;
}

/** The failure as the command line must give it: its code, its rule, Chinese, no stack trace. */
function expectFailure(result: CliResult, code: number, rule: string): void {
  expect(result.code, result.stderr).toBe(code);
  expect(result.stderr).toContain(`[bulletin:${rule}]`);
  expect(result.stderr).not.toMatch(STACK);
  expect(result.stderr).not.toContain('出现意外错误');
}

const cacheEntries = async (dir: string, namespace: string) => (await readdir(path.join(dir, '.cache', 'build', namespace)).catch(() => [])).sort();

describe('a template that fails while rendering', () => {
  let dir: string;
  let published: Map<string, string>;

  beforeAll(async () => {
    dir = await copyProject();
    expect((await cli(dir, 'build')).code).toBe(0);
    published = await readTree(path.join(dir, 'dist'));
  });

  /** Builds with one template file changed; the templates are restored first. */
  async function buildWith(file: string, change: (text: string) => string): Promise<CliResult> {
    await rm(path.join(dir, 'templates'), { recursive: true });
    await cp(TEMPLATES_DIR, path.join(dir, 'templates'), { recursive: true });
    const target = path.join(dir, 'templates', file);
    const text = await readFile(target, 'utf8');
    const changed = change(text);
    expect(changed).not.toBe(text);
    await writeFile(target, changed);
    return cli(dir, 'build');
  }

  const issueList = 'partials/issue-list.njk';
  const dateLine = async () => (await readFile(path.join(TEMPLATES_DIR, issueList), 'utf8')).split('\n').findIndex((l) => l.includes('| chineseDate')) + 1;

  it.each([
    ['an unknown filter', '| chinesDate', 'template-filter', '模板用了不存在的过滤器 chinesDate', 'Error: filter not found: chinesDate'],
    [
      'a call on undefined',
      '| chineseDate }}{{ item.nothing()',
      'template-call',
      '模板调用了 item.nothing，但它没有值',
      'Error: Unable to call `item["nothing"]`, which is undefined or falsey',
    ],
    [
      'a filter failing on a missing value, in the loop over issues',
      '| chineseDate }}{{ item.nodate | chineseDate',
      'template-filter-failed',
      '模板的过滤器 chineseDate 出错',
      'TypeError: Cannot read properties of undefined',
    ],
  ])('%s in a partial: its own file and line, the page being rendered, and Nunjucks’ words after', async (_, replacement, rule, chinese, original) => {
    const result = await buildWith(issueList, (t) => t.replace('| chineseDate', replacement));
    expectFailure(result, 1, rule);
    // The partial, not the year or home page that calls its macro.
    expect(result.stderr).toMatch(
      new RegExp(`^templates/partials/issue-list\\.njk:${await dateLine()}:\\d+: 错误\uFF1A${chinese.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'm'),
    );
    expect(result.stderr).toMatch(/生成 (\d{4}年各期的页面（\d{4}\/index\.html）|首页（index\.html）)时/);
    expect(result.stderr).toContain(`原始信息\uFF1A${original}`);
    expect(result.stderr).toContain('没有生成网站');
    expect(await readTree(path.join(dir, 'dist'))).toEqual(published);
  });

  it('a missing include: the line that includes it, and the issue whose page was being rendered', async () => {
    const result = await buildWith('issue.njk', (t) => t.replace('"partials/masthead.njk"', '"partials/mastead.njk"'));
    expectFailure(result, 1, 'template-missing');
    const line = (await readFile(path.join(TEMPLATES_DIR, 'issue.njk'), 'utf8')).split('\n').findIndex((l) => l.includes('partials/masthead.njk')) + 1;
    expect(result.stderr).toMatch(
      new RegExp(
        `^templates/issue\\.njk:${line}:\\d+: 错误\uFF1A模板引用的文件 partials/mastead\\.njk 不存在（生成 2018年第12期的页面（2018/12/index\\.html）时）`,
        'm',
      ),
    );
    expect(result.stderr).toContain('原始信息\uFF1AError: template not found: partials/mastead.njk');
    expect(await readTree(path.join(dir, 'dist'))).toEqual(published);
  });

  it('a tag misspelt: found before any page is rendered, at its line', async () => {
    const result = await buildWith(issueList, (t) => t.replace('{% endfor %}', '{% endfo %}'));
    expectFailure(result, 1, 'template-syntax');
    expect(result.stderr).toMatch(/^templates\/partials\/issue-list\.njk:\d+:\d+: 错误\uFF1A模板的写法有误：不认识的标签 \{% endfo %\}/m);
    expect(await readTree(path.join(dir, 'dist'))).toEqual(published);
  });
});

describe('Chromium failing while it prints', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await copyProject();
    // The page of 2019 第10期 never finishes loading: its script never ends.
    await writeFile(path.join(dir, 'templates', 'assets', 'print.js'), "\nif (location.pathname.indexOf('/2019/10/') >= 0) { for (;;) {} }\n", { flag: 'a' });
    expect((await cli(dir, 'build')).code).toBe(0);
  });

  it('killed mid-print: names the issue and caches the PDFs printed only; the next run prints just the one that failed, whose page hangs', async () => {
    const published = await readTree(path.join(dir, 'dist'));
    const pidFile = path.join(dir, 'chromium.pid');
    const chromium = await fakeProgram('chromium', `echo $$ > '${pidFile}'\nexec '${CHROMIUM}' "$@"`);
    // Killed as soon as the three other issues are printed, while 2019 第10期 is loading.
    const killed = await new Promise<CliResult>((resolve) => {
      const child = spawn(process.execPath, [CLI, 'pdf'], { cwd: dir, env: { ...process.env, CHROMIUM_PATH: chromium } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => {
        const printedThree = !stdout.includes('PDF 3/4') && `${stdout}${chunk}`.includes('PDF 3/4');
        stdout += chunk;
        if (printedThree) void readFile(pidFile, 'utf8').then((pid) => process.kill(Number(pid), 'SIGKILL'));
      });
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk;
      });
      child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    });
    expectFailure(killed, 75, 'pdf-crashed');
    expect(killed.stderr).toContain('印制2019年第10期的 PDF 时，Chromium 浏览器意外退出');
    expect(killed.stderr).toContain('腾出内存');
    expect(killed.stderr).toContain('不带 --pdf');
    expect(await readTree(path.join(dir, 'dist'))).toEqual(published);
    expect(await cacheEntries(dir, 'pdf')).toHaveLength(3);

    // The next npm run pdf prints 2019 第10期 again, and only it: its page hangs.
    // Ten seconds for every tool: Chromium must start within it too, on a busy machine.
    const hung = await cliWithEnv({ LIANLUODONGTAI_TOOL_TIMEOUT_MS: '10000' }, dir, 'pdf');
    expectFailure(hung, 75, 'pdf-timeout');
    expect(hung.stdout).not.toContain('PDF 1/');
    expect(hung.stderr).toContain('印制2019年第10期的 PDF 超过 10 秒没有完成');
    expect(await readTree(path.join(dir, 'dist'))).toEqual(published);
    expect(await cacheEntries(dir, 'pdf')).toHaveLength(3);
  });

  it('hangs on starting: a time limit, and what to try', async () => {
    const published = await readTree(path.join(dir, 'dist'));
    const chromium = await fakeProgram('chromium', 'exec sleep 1000');
    const result = await cliWithEnv({ CHROMIUM_PATH: chromium, LIANLUODONGTAI_TOOL_TIMEOUT_MS: '2000' }, dir, 'pdf');
    expectFailure(result, 75, 'pdf-browser-start-timeout');
    expect(result.stderr).toContain(`Chromium 浏览器\uFF08${chromium}\uFF09超过 2 秒没有启动完成`);
    expect(await readTree(path.join(dir, 'dist'))).toEqual(published);
  });
});

describe('Pagefind failing', () => {
  let dir: string;
  let published: Map<string, string>;
  let indexed: string[];

  beforeAll(async () => {
    dir = await copyProject();
    expect((await cli(dir, 'build')).code).toBe(0);
    published = await readTree(path.join(dir, 'dist'));
    indexed = await cacheEntries(dir, 'search');
    // A changed issue: its part of the index must be made again, by Pagefind.
    const issue = path.join(dir, 'content', '2019', '09.md');
    await writeFile(issue, (await readFile(issue, 'utf8')).replace('各地坚持抓好', '各地始终坚持抓好'));
  });

  const version = 'if [ "$1" = --version ]; then echo "pagefind 1.6.0"; exit 0; fi';
  const notExecutable = async () => {
    const file = await fakeProgram('pagefind', 'exit 0');
    await chmod(file, 0o644);
    return file;
  };

  it.each([
    ['missing', async () => '/nonexistent/pagefind', 69, 'search-missing', 'Pagefind 程序 /nonexistent/pagefind 不存在'],
    ['not executable', notExecutable, 69, 'search-missing', '不能执行（没有执行权限）'],
    ['exiting with an error', () => fakeProgram('pagefind', 'exit 1'), 69, 'search-broken', '问它的版本号，它没有正常回答'],
    ['printing garbage', () => fakeProgram('pagefind', 'echo "%%garbage%%"'), 69, 'search-broken', '原始信息\uFF1A%%garbage%%'],
    [
      'exiting after the first request',
      () => fakeProgram('pagefind', `${version}\nhead -c 1 >/dev/null\nexit 1`),
      75,
      'search-timeout',
      '超过 3 秒没有回答：它可能意外退出了',
    ],
    [
      'answering garbage mid-run',
      () => fakeProgram('pagefind', `${version}\necho '!!garbage!!,'\nexec sleep 1000`),
      75,
      'search-crashed',
      /为(总第501–600期|2019年各期)建立搜索索引时，Pagefind 意外退出，或回答了看不懂的内容/,
    ],
    [
      'hanging mid-run',
      () => fakeProgram('pagefind', `${version}\nexec sleep 1000`),
      75,
      'search-timeout',
      /为(总第501–600期|2019年各期)建立搜索索引时，Pagefind 超过 3 秒没有回答/,
    ],
  ])('%s: says so in Chinese, publishes nothing and caches nothing', async (_, program, code, rule, chinese) => {
    const env = { PAGEFIND_BINARY_PATH: await program(), LIANLUODONGTAI_TOOL_TIMEOUT_MS: '3000' };
    const result = await cliWithEnv(env, dir, 'build');
    expectFailure(result, code, rule);
    expect(result.stderr).toMatch(chinese);
    expect(result.stderr).toContain('dist/ 保持原样');
    expect(await readTree(path.join(dir, 'dist'))).toEqual(published);
    expect(await cacheEntries(dir, 'search')).toEqual(indexed);
  });

  it('the next run with Pagefind working indexes the part that failed', async () => {
    expect((await cli(dir, 'build')).code).toBe(0);
    const now = await cacheEntries(dir, 'search');
    expect(now).toHaveLength(indexed.length);
    expect(now).not.toEqual(indexed);
  });
});

describe('LibreOffice hanging on a broken .doc', () => {
  it('is given up after its time limit, with what to do, and nothing is written', async () => {
    const dir = await copyProject();
    const before = await readTree(path.join(dir, 'content'));
    const doc = path.join(dir, 'old.doc');
    await writeFile(doc, Buffer.from('d0cf11e0a1b11ae1000000000000000000000000', 'hex'));
    const soffice = await fakeProgram('soffice', 'exec sleep 1000');
    const result = await cliWithEnv({ SOFFICE_PATH: soffice, LIANLUODONGTAI_TOOL_TIMEOUT_MS: '2000' }, dir, 'import', doc);
    expectFailure(result, 1, 'import-office-timeout');
    expect(result.stderr).toContain('LibreOffice 转换这个文件超过 2 秒没有完成，文件可能已损坏');
    expect(result.stderr).toContain('另存为 .docx 再导入（没有导入）');
    expect(result.stdout).toContain('没有导入 1 个');
    expect(await readTree(path.join(dir, 'content'))).toEqual(before);
  });
});
