// The build as a whole: the pages it writes, byte-identical output whatever the file
// system's order or the clock, and a failed build that leaves the published folder alone.
import { cp, mkdir, mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { build } from './build.ts';
import { cli, copyProject } from './cli.ts';
import { makeSite, PROJECT_DIR, readTree, SAMPLE_DIR, sampleProject, TEMPLATES_DIR } from './site.ts';

/** The sample site built cold in memory once for this file: the tests below only read it. */
let sampleBuilt: ReturnType<typeof build> | undefined;
const sampleBuild = () => (sampleBuilt ??= sampleProject().then((projectDir) => build({ projectDir, write: false })));

afterEach(() => {
  vi.useRealTimers();
});

describe('build', () => {
  it('writes the issue pages, a page per year, the home page, search and 404', async () => {
    const result = await sampleBuild();
    expect(result.ok).toBe(true);
    const pages = [...result.output!.keys()].filter((p) => p.endsWith('.html')).sort();
    expect(pages).toEqual([
      '2018/12/index.html',
      '2018/index.html',
      '2019/08/index.html',
      '2019/09/index.html',
      '2019/10/index.html',
      '2019/index.html',
      '404.html',
      'archive/index.html',
      'index.html',
      'search/index.html',
    ]);
    for (const page of pages) expect(String(result.output!.get(page))).toMatch(/^<!DOCTYPE html>\n<html lang="zh-CN">/);
  });

  it('lists each year with 期号, 总期号, date and article titles, newest first', async () => {
    const result = await sampleBuild();
    const year = String(result.output!.get('2019/index.html')).replaceAll('<wbr>', '');
    const entries = year.split('class="issue-entry"').slice(1);
    expect(entries.map((e) => /第(\d+)期<\/a>/.exec(e)?.[1])).toEqual(['10', '9', '8']);
    expect(entries[1]).toContain('总第583期');
    expect(entries[1]).toContain('2019年4月29日');
    expect(entries[1]).toContain('href="../2019/09/#article-1">关于全省市县乡人大代表中的党政领导干部');
  });

  it('puts the latest issue first on the home page, with every year', async () => {
    const result = await sampleBuild();
    const home = String(result.output!.get('index.html'));
    expect(home.indexOf('第10期')).toBeLessThan(home.indexOf('第9期'));
    expect(home).toContain('href="./2019/"');
    expect(home).toContain('href="./2018/"');
  });

  it('builds a site with no issue yet, saying so on its home page', async () => {
    const projectDir = await mkdtemp(path.join(tmpdir(), 'lldt-empty-'));
    await mkdir(path.join(projectDir, 'content'));
    await cp(path.join(SAMPLE_DIR, 'content', 'site.yml'), path.join(projectDir, 'content', 'site.yml'));
    const result = await build({ projectDir, templatesDir: TEMPLATES_DIR, write: false });
    expect(result.ok).toBe(true);
    expect(String(result.output!.get('index.html'))).toContain('还没有发布任何一期');
    expect(String(result.output!.get('index.html'))).not.toContain('undefined');
  });

  it('loads nothing from another host: scripts, styles, images and icons are the site’s own', async () => {
    const result = await sampleBuild();
    const absolute = /^(?:[a-z]+:)?\/\//i;
    for (const [file, content] of result.output!) {
      if (!/\.(html|css)$/.test(file)) continue;
      const text = String(content);
      const loaded = [
        ...[...text.matchAll(/\ssrc="([^"]*)"/g)].map((m) => m[1]!),
        ...[...text.matchAll(/<link (?![^>]*rel="(?:canonical|alternate)")[^>]*href="([^"]*)"/g)].map((m) => m[1]!),
        ...[...text.matchAll(/url\(\s*['"]?([^'")]+)/g)].map((m) => m[1]!),
      ];
      expect(loaded.length, file).toBeGreaterThan(file.endsWith('.html') ? 0 : -1);
      expect(
        loaded.filter((url) => absolute.test(url)),
        file,
      ).toEqual([]);
    }
  });

  it('addresses every script, in the pages and in the imports of other scripts, with one version each', async () => {
    const output = (await sampleBuild()).output!;
    const seen = new Map<string, Set<string>>();
    for (const [file, content] of output) {
      if (!/\.(html|js)$/.test(file)) continue;
      for (const [, name, version] of String(content).matchAll(/(?:assets\/|\.\/)([\w-]+\.js)\?v=([0-9a-f]{10})/g)) {
        seen.set(name!, (seen.get(name!) ?? new Set()).add(version!));
      }
    }
    const scripts = [...output.keys()].filter((file) => /^assets\/[\w-]+\.js$/.test(file)).map((file) => file.slice('assets/'.length));
    expect([...seen.keys()].sort()).toEqual(scripts.sort());
    for (const [name, versions] of seen) expect([...versions], name).toHaveLength(1);
    expect(String(output.get('assets/search.js'))).toMatch(/from '\.\/search-core\.js\?v=[0-9a-f]{10}'/);
  });

  it('gives byte-identical output whatever the order of files on disk and the clock', async () => {
    const first = await mkdtemp(path.join(tmpdir(), 'lldt-'));
    const second = await mkdtemp(path.join(tmpdir(), 'lldt-'));
    // The same files, created in the opposite order.
    const files = ['2019/08.md', '2019/09.md', '2019/10.md', '2018/12.md', 'site.yml'];
    for (const [dir, order] of [
      [first, files],
      [second, [...files].reverse()],
    ] as const) {
      for (const file of order) {
        await mkdir(path.dirname(path.join(dir, 'content', file)), { recursive: true });
        await cp(path.join(SAMPLE_DIR, 'content', file), path.join(dir, 'content', file));
      }
    }
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2020-01-01T00:00:00Z'));
    await build({ projectDir: first, templatesDir: TEMPLATES_DIR, outDir: path.join(first, 'dist'), write: true });
    vi.setSystemTime(new Date('2031-07-15T12:34:56Z'));
    await build({ projectDir: second, templatesDir: TEMPLATES_DIR, outDir: path.join(second, 'dist'), write: true });
    const [a, b] = [await readTree(path.join(first, 'dist')), await readTree(path.join(second, 'dist'))];
    expect(a.size).toBeGreaterThan(5);
    expect(a).toEqual(b);
  });
});

describe('the command line', () => {
  it('builds and prints a summary of issues, pages and time', async () => {
    const dir = await copyProject();
    const { code, stdout } = await cli(dir, 'build');
    expect(code).toBe(0);
    expect(stdout).toMatch(/已生成网站\uFF1A4 期\uFF0C10 个页面\uFF0C用时 [\d.]+ 秒/);
    expect(await readFile(path.join(dir, 'dist', '2019', '09', 'index.html'), 'utf8')).toContain('第9期');
  });

  it('on bad input reports every problem, exits non-zero and leaves dist/ exactly as it was', async () => {
    const dir = await copyProject();
    expect((await cli(dir, 'build')).code).toBe(0);
    const before = await readTree(path.join(dir, 'dist'));
    await writeFile(
      path.join(dir, 'content', '2019', '10.md'),
      (await readFile(path.join(dir, 'content', '2019', '10.md'), 'utf8')).replace('date: 2019-05-27', 'date: 2019-13-45'),
    );
    await writeFile(
      path.join(dir, 'content', '2019', '08.md'),
      (await readFile(path.join(dir, 'content', '2019', '08.md'), 'utf8')).replace('total: 582', 'total: 583'),
    );
    const { code, stderr } = await cli(dir, 'build');
    expect(code).toBe(1);
    expect(stderr).toContain('content/2019/10.md:5:7: 错误\uFF1A日期 2019-13-45 不存在');
    expect(stderr).toContain('content/2019/09.md:3:8: 错误\uFF1A总期号 583 已由 content/2019/08.md 使用');
    expect(stderr).toContain('dist/ 保持原样');
    expect(await readTree(path.join(dir, 'dist'))).toEqual(before);
  });

  it('refuses to write over a folder of the editor’s own files', async () => {
    const dir = await copyProject();
    await mkdir(path.join(dir, 'keep'));
    await writeFile(path.join(dir, 'keep', '笔记.md'), '编辑自己的笔记');
    const { code, stderr } = await cli(dir, 'build', '--out', 'keep');
    expect(code).toBe(1);
    expect(stderr).toContain('keep:1:1: 错误\uFF1A输出目录 keep 里已有不是本程序生成的文件');
    expect(await readFile(path.join(dir, 'keep', '笔记.md'), 'utf8')).toBe('编辑自己的笔记');
    // A folder that merely looks like a site (index.html and assets/) is not the build's own.
    const site = path.join(dir, 'www');
    await mkdir(path.join(site, 'assets'), { recursive: true });
    await mkdir(path.join(site, 'uploads'));
    await writeFile(path.join(site, 'index.html'), '<p>别人的网站</p>');
    await writeFile(path.join(site, 'uploads', '通知.pdf'), '%PDF-1.4');
    expect((await cli(dir, 'build', '--out', 'www')).code).toBe(1);
    expect(await readFile(path.join(site, 'uploads', '通知.pdf'), 'utf8')).toBe('%PDF-1.4');
    expect((await cli(dir, 'build', '--out', 'content')).code).toBe(1);
    expect(await readFile(path.join(dir, 'content', 'site.yml'), 'utf8')).toContain('title: 联络动态');
  });

  it('publishes templates/static/ at the site’s root, dotfiles included', async () => {
    const dir = await copyProject();
    await mkdir(path.join(dir, 'templates', 'static'));
    await writeFile(path.join(dir, 'templates', 'static', '.htaccess'), 'Header always set X-Content-Type-Options "nosniff"\n');
    expect((await cli(dir, 'build')).code).toBe(0);
    expect(await readFile(path.join(dir, 'dist', '.htaccess'), 'utf8')).toContain('nosniff');
  });

  it('does nothing when nothing changed, and says again what the build that made the site said', async () => {
    const dir = await copyProject();
    const first = await cli(dir, 'build');
    expect(first.code).toBe(0);
    const index = await stat(path.join(dir, 'dist', 'index.html'));
    const again = await cli(dir, 'build');
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^网站已是最新，没有改动\uFF1A4 期/m);
    expect(again.stderr).toBe(first.stderr);
    const after = await stat(path.join(dir, 'dist', 'index.html'));
    expect([after.ino, after.mtimeMs]).toEqual([index.ino, index.mtimeMs]);
  });

  it('checks without writing anything', async () => {
    const dir = await copyProject();
    const { code, stdout } = await cli(dir, 'check');
    expect(code).toBe(0);
    expect(stdout).toContain('检查通过\uFF1A4 期');
    expect(stdout).not.toContain('草稿');
    await expect(readFile(path.join(dir, 'dist', 'index.html'))).rejects.toThrow();
  });

  it('says which drafts it left out, in check and build alike', async () => {
    const dir = await makeSite('publishing');
    await cp(TEMPLATES_DIR, path.join(dir, 'templates'), { recursive: true });
    const line = '草稿 1 期未发布：content/2019/02.md（要发布请去掉 draft: true，或用 --drafts 预览）';
    for (const command of ['check', 'build']) {
      const { code, stdout } = await cli(dir, command);
      expect(code).toBe(0);
      expect(stdout).toContain(line);
    }
    expect((await cli(dir, 'build', '--drafts')).stdout).not.toContain('草稿');
  });

  it('explains itself in Chinese', async () => {
    const { code, stdout } = await cli(PROJECT_DIR, 'build', '--help');
    expect(code).toBe(0);
    expect(stdout).toContain('用法\uFF1Anpm run build');
  });

  it('lists its commands when asked for help, and names the command a mistyped one likely meant', async () => {
    for (const ask of ['--help', 'help', '-h']) {
      const { code, stdout } = await cli(PROJECT_DIR, ask);
      expect(code, ask).toBe(0);
      expect(stdout, ask).toContain('npm run import');
    }
    const typo = await cli(PROJECT_DIR, 'biuld');
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('不认识的命令 biuld，是不是要写 build？');
    const unknown = await cli(PROJECT_DIR, 'publish');
    expect(unknown.stderr).toContain('不认识的命令 publish。可用的命令');
  });
});
