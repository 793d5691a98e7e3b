// npm run dev: a save on disk leads to a reload message for the pages it changes and to the
// new page content; a content error is sent to the browser with its file and line, the server
// goes on serving the last good page, and the error goes away when fixed.
import { access, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DevSession, startDevSession } from '../src/dev/dev-session.ts';
import { cli, copyProject } from './cli.ts';
import { listen } from './events.ts';
import { PROJECT_DIR, save } from './site.ts';

let dir: string;
let session: DevSession;
let events: ReturnType<typeof listen>;
const lines: string[] = [];

const page = async (urlPath: string) => {
  const res = await fetch(new URL(urlPath, session.url));
  return { status: res.status, text: await res.text() };
};
const edit = async (file: string, change: (text: string) => string) => {
  const target = path.join(dir, 'content', file);
  await save(target, change(await readFile(target, 'utf8')));
};

describe('npm run dev', () => {
  beforeEach(async () => {
    dir = await copyProject();
    lines.length = 0;
    session = await startDevSession({ projectDir: dir, port: 0, log: (line) => lines.push(line), searchDelayMs: 10 });
    events = listen(new URL('/__dev/events', session.url).href);
    expect((await events.next('problems')).data).toEqual([]);
  });

  afterEach(async () => {
    events.close();
    await session.close();
  });

  it('serves the site under its base path, each page with the live-reload script, and writes nothing to dist/', async () => {
    expect(session.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/lldt\/$/);
    const home = await page('./');
    expect(home.status).toBe(200);
    expect(home.text).toContain('<script src="/__dev/live-reload.js"></script>\n</body>');
    expect((await page('2019/09/')).text).toContain('masthead-total');
    expect((await page('2019/99/')).status).toBe(404);
    expect((await fetch(new URL('/__dev/live-reload.js', session.url))).status).toBe(200);
    await expect(access(path.join(dir, 'dist'))).rejects.toThrow();
  });

  it('on a save, tells browsers to reload the issue, its neighbours and the lists, and serves the new text', async () => {
    await edit('2019/09.md', (t) => t.replace('各地坚持抓好', '各地始终坚持抓好'));
    const { data } = await events.next('reload');
    const pages = (data as { pages: string[] }).pages;
    expect(pages).toContain('/lldt/2019/09/');
    expect(pages).not.toContain('/lldt/2018/12/');
    expect((await page('2019/09/')).text).toContain('各地始终坚持抓好');
    // The search index is rebuilt in the background and may say so after the save's own line.
    expect(lines.filter((line) => !line.startsWith('搜索索引')).at(-1)).toMatch(/content\/2019\/09\.md 已保存\uFF1A更新了 \d+ 个页面，用时 \d+ 毫秒/);
  });

  it('sends a content error with its file, line and message, keeps the last good page, and clears it when fixed', async () => {
    await edit('2019/09.md', (t) => t.replace('date: 2019-04-29', 'date: 2019-13-45').replace('各地坚持抓好', '各地始终坚持抓好'));
    const { data: problems } = await events.next('problems');
    expect(problems).toEqual([
      { file: 'content/2019/09.md', line: 4, column: 7, message: '日期 2019-13-45 不存在或格式不对，应写作 年-月-日，例如 2019-04-29' },
    ]);
    expect(lines.join('\n')).toContain('content/2019/09.md:4:7: 错误\uFF1A日期 2019-13-45 不存在');
    const stale = await page('2019/09/');
    expect(stale.status).toBe(200);
    expect(stale.text).not.toContain('各地始终坚持抓好');

    await edit('2019/09.md', (t) => t.replace('date: 2019-13-45', 'date: 2019-04-29'));
    expect((await events.next('problems')).data).toEqual([]);
    expect(((await events.next('reload')).data as { pages: string[] }).pages).toContain('/lldt/2019/09/');
    expect((await page('2019/09/')).text).toContain('各地始终坚持抓好');
    expect(lines).toContain('问题都已改正。');
  });

  it('takes in a new year\u2019s first issue and a deleted issue', async () => {
    const next = (await readFile(path.join(dir, 'content', '2019', '10.md'), 'utf8'))
      .replace('issue: 10', 'issue: 1')
      .replace('total: 584', 'total: 585')
      .replace('date: 2019-05-27', 'date: 2020-01-06');
    await mkdir(path.join(dir, 'content', '2020'));
    await save(path.join(dir, 'content', '2020', '01.md'), next);
    expect((await events.next('reload')).data).toEqual({ pages: ['*'] });
    expect((await page('2020/01/')).status).toBe(200);
    expect((await page('')).text).toContain('href="./2020/"');

    await rm(path.join(dir, 'content', '2019', '08.md'));
    const { data } = await events.next('reload');
    expect((data as { pages: string[] }).pages).toEqual(expect.arrayContaining(['/lldt/2019/08/', '/lldt/2019/09/']));
    expect((await page('2019/08/')).status).toBe(404);
    expect((await page('2019/09/')).text).toContain('rel="prev" href="../../2018/12/"');
    expect(lines.filter((line) => !line.startsWith('搜索索引')).at(-1)).toMatch(/content\/2019\/08\.md 已删除\uFF1A/);
  });

  it('serves a picture put into content/ where the page loads it, and stops serving it when it is removed', async () => {
    const picture = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    // The folder appears with its picture in it (moved in whole), so one reload serves it.
    const folder = path.join(dir, 'pictures-09');
    await mkdir(folder);
    await writeFile(path.join(folder, '现场照片.png'), picture);
    await rename(folder, path.join(dir, 'content', '2019', '09'));
    expect((await events.next('reload')).data).toEqual({ pages: ['*'] });
    const res = await fetch(new URL('2019/09/%E7%8E%B0%E5%9C%BA%E7%85%A7%E7%89%87.png', session.url));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(picture);

    await rm(path.join(dir, 'content', '2019', '09'), { recursive: true });
    await events.next('reload');
    expect((await page('2019/09/%E7%8E%B0%E5%9C%BA%E7%85%A7%E7%89%87.png')).status).toBe(404);
  });

  it('re-renders every page when a template changes, and shows a template error', async () => {
    const template = path.join(dir, 'templates', 'partials', 'banji.njk');
    const original = await readFile(template, 'utf8');
    await save(template, `${original}<p class="dev-test">模板已改</p>\n`);
    expect((await events.next('reload')).data).toEqual({ pages: ['*'] });
    expect((await page('2018/12/')).text).toContain('模板已改');

    await save(template, `${original}{% if %}\n`);
    const { data } = await events.next('problems');
    expect((data as { file: string }[])[0]!.file).toBe('templates/partials/banji.njk');
    expect((await page('2018/12/')).text).toContain('模板已改');

    // An error only rendering finds, in a partial: its own file and line, in Chinese, the last good page kept.
    const lines = original.split('\n').length;
    await save(template, `${original}{{ issue.nothing() }}\n`);
    const { data: runtime } = await events.next('problems');
    expect(runtime).toEqual([
      expect.objectContaining({ file: 'templates/partials/banji.njk', line: lines, message: expect.stringContaining('模板调用了 issue.nothing，但它没有值') }),
    ]);
    expect((runtime as { message: string }[])[0]!.message).toMatch(/生成 \d{4}年第\d+期的页面/);
    expect((await page('2018/12/')).text).toContain('模板已改');
  });

  it('publishes the 党政机关网站标识 kept in content/, and a new image of it when it is saved', async () => {
    const badge = await readFile(path.join(PROJECT_DIR, 'test', 'fixtures', 'identity', 'content', 'dzjg.png'));
    await writeFile(path.join(dir, 'content', 'dzjg.png'), badge);
    await edit('site.yml', (t) => `${t}badge: content/dzjg.png\n`);
    expect((await events.next('reload')).data).toEqual({ pages: ['*'] });
    expect((await page('2019/09/')).text).toContain('<img src="../../dzjg.png" alt="党政机关网站标识">');
    const served = async () => Buffer.from(await (await fetch(new URL('dzjg.png', session.url))).arrayBuffer());
    expect(await served()).toEqual(badge);

    const changed = Buffer.concat([badge, Buffer.from([0])]);
    await writeFile(path.join(dir, 'content', 'dzjg.png'), changed);
    expect((await events.next('reload')).data).toEqual({ pages: ['*'] });
    expect(await served()).toEqual(changed);
  });
});

describe('npm run dev with a broken site.yml', () => {
  it('starts anyway, says why there is no site yet, and builds it once site.yml is fixed', async () => {
    const projectDir = await copyProject();
    const siteYml = path.join(projectDir, 'content', 'site.yml');
    const good = await readFile(siteYml, 'utf8');
    await writeFile(siteYml, good.replace('baseUrl: https://example.gov.cn/lldt/', 'baseUrl: 网址'));
    const broken = await startDevSession({ projectDir, port: 0, log: () => undefined, searchDelayMs: 10 });
    const stream = listen(new URL('/__dev/events', broken.url).href);
    try {
      const { data } = await stream.next('problems');
      expect(data as { file: string; line: number }[]).toEqual([expect.objectContaining({ file: 'content/site.yml', line: 10 })]);
      const res = await fetch(broken.url);
      expect(res.status).toBe(503);
      expect(await res.text()).toContain('网站还没有生成');

      await save(siteYml, good);
      expect((await stream.next('problems')).data).toEqual([]);
      expect((await stream.next('reload')).data).toEqual({ pages: ['*'] });
      expect((await fetch(new URL('/lldt/2019/09/', broken.url))).status).toBe(200);
    } finally {
      stream.close();
      await broken.close();
    }
  });
});

describe('npm run dev on the command line', () => {
  it('explains itself in Chinese', async () => {
    const { code, stdout } = await cli(PROJECT_DIR, 'dev', '--help');
    expect(code).toBe(0);
    expect(stdout).toContain('用法\uFF1Anpm run dev');
  });

  it('says what to do when the port is taken, or is not a port', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as AddressInfo;
    const dir = await copyProject();
    const busy = await cli(dir, 'dev', '--port', String(port));
    taken.close();
    expect(busy.code).toBe(2);
    expect(busy.stderr).toContain(`端口 ${port} 已被占用\uFF1A请关掉占用它的程序`);
    const bad = await cli(dir, 'dev', '--port', '八零');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('端口 八零 不对');
  });
});
