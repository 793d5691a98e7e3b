// npm run new: the next issue's file, with the right numbers, carried-over lists and a skeleton that builds.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from './build.ts';
import { cli, copyProject } from './cli.ts';

describe('npm run new', () => {
  it('creates the next 期号 and 总期号 with the latest issue\u2019s 送 and 责任编辑, as a draft that builds', async () => {
    const dir = await copyProject();
    const { code, stdout } = await cli(dir, 'new', '--date', '2019-06-10');
    expect(code).toBe(0);
    expect(stdout).toContain('已新建 content/2019/11.md');
    const text = await readFile(path.join(dir, 'content', '2019', '11.md'), 'utf8');
    expect(text).toMatch(/^---\nissue: 11\ntotal: 585\ndate: 2019-06-10\ndraft: true/);
    const latest = await readFile(path.join(dir, 'content', '2019', '10.md'), 'utf8');
    const list = (t: string) => /distribution:\n((?: {2}- .*\n)+)/.exec(t)![1];
    expect(list(text)).toBe(list(latest));

    const result = await build({ projectDir: dir, write: false, drafts: true });
    // Errors and warnings (fatal true or false); the archive's gaps are notes.
    expect(result.files.flatMap((f) => f.messages.filter((m) => m.fatal !== undefined).map(String))).toEqual([]);
    const page = String(result.output!.get('2019/11/index.html')).replaceAll('<wbr>', '');
    expect(page).toContain('<h2 class="article-title" id="article-1-title">在这里写文章标题</h2>');
    expect(page).toContain('<p class="article-byline">在这里写署名单位</p>');
    expect(page).toContain('<time datetime="2019-06-10">');
    expect(page).toContain('<h3 class="h-1" id="article-1-s1">一、在这里写一级标题</h3>');
    expect(page).toContain('<p class="closing">');
    expect(page).toContain('data-column="快讯"');
    // Without --drafts, the skeleton is not published.
    expect((await build({ projectDir: dir, write: false })).output!.has('2019/11/index.html')).toBe(false);
  });

  it('never publishes its sample text: an issue no longer a draft that still holds it is an error at each line', async () => {
    const dir = await copyProject();
    expect((await cli(dir, 'new', '--date', '2019-06-10')).code).toBe(0);
    const file = path.join(dir, 'content', '2019', '11.md');
    const text = (await readFile(file, 'utf8')).replace(/^draft: true.*\n/m, '');
    await writeFile(file, text.replace('在这里写正文。', '各地认真开展代表活动。'));
    const { code, stderr } = await cli(dir, 'build');
    expect(code).toBe(1);
    const lines = stderr.split('\n').filter((l) => l.includes('[bulletin:sample-text]'));
    const sampleLines = text.split('\n').flatMap((l, i) => (l.includes('在这里写') && !l.includes('在这里写正文') ? [i + 1] : []));
    expect(lines.map((l) => Number(/^content\/2019\/11\.md:(\d+):/.exec(l)?.[1]))).toEqual(sampleLines);
    expect(lines[0]).toContain('示例文字');
    expect(stderr).toContain('draft: true');
  });

  it('run twice on one date, says an issue of that date exists, names its file, and makes the next one', async () => {
    const dir = await copyProject();
    const first = await cli(dir, 'new', '--date', '2019-06-10');
    expect(first.code).toBe(0);
    expect(first.stderr).toBe('');
    const second = await cli(dir, 'new', '--date', '2019-06-10');
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('已新建 content/2019/12.md\uFF1A2019年第12期，总第586期');
    expect(second.stderr.trim()).toBe(
      '注意\uFF1A2019年6月10日已经有一期\uFF1Acontent/2019/11.md\uFF08第11期\uFF0C草稿\uFF09。如果是重复运行了 npm run new，请删去刚新建的 content/2019/12.md\uFF1B同一天确实要出两期，就接着编写它。',
    );
    expect(await readFile(path.join(dir, 'content', '2019', '12.md'), 'utf8')).toMatch(/^---\nissue: 12\ntotal: 586\ndate: 2019-06-10\n/);
  });

  it('starts again at 第1期 in a new year, carrying the 总期号 on, and copies the latest issue\u2019s own editors', async () => {
    const dir = await copyProject();
    await writeFile(
      path.join(dir, 'content', '2019', '10.md'),
      (await readFile(path.join(dir, 'content', '2019', '10.md'), 'utf8')).replace('distribution:', 'editors:\n  - 王五\ndistribution:'),
    );
    expect((await cli(dir, 'new', '--date', '2020-01-06')).code).toBe(0);
    const text = await readFile(path.join(dir, 'content', '2020', '01.md'), 'utf8');
    expect(text).toMatch(/^---\nissue: 1\ntotal: 585\ndate: 2020-01-06\n/);
    expect(text).toContain('editors:\n  - 王五\n');
  });

  it('refuses a date before the latest issue, or a date that does not exist', async () => {
    const dir = await copyProject();
    const early = await cli(dir, 'new', '--date', '2019-05-01');
    expect(early.code).toBe(2);
    expect(early.stderr).toContain('早于最新一期 content/2019/10.md');
    const bad = await cli(dir, 'new', '--date', '2019-02-30');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('日期 2019-02-30 不存在');
  });

  it('never writes over a file: a broken issue in the way is reported and left as it was', async () => {
    const dir = await copyProject();
    const inTheWay = path.join(dir, 'content', '2019', '11.md');
    await writeFile(inTheWay, '');
    const { code, stderr } = await cli(dir, 'new', '--date', '2019-06-10');
    expect(code).toBe(1);
    expect(stderr).toContain('content/2019/11.md:1:1: 错误\uFF1A文件是空的');
    expect(stderr).toContain('没有新建');
    expect(await readFile(inTheWay, 'utf8')).toBe('');
  });

  it('explains itself in Chinese', async () => {
    const dir = await copyProject();
    const { code, stdout } = await cli(dir, 'new', '--help');
    expect(code).toBe(0);
    expect(stdout).toContain('用法\uFF1Anpm run new');
  });
});
