// Issue 23, classes 3 and 10: only files that are really inside the project are read. An issue
// file or site.yml that links out of the project is refused with a message; the badge of
// site.yml must be a regular file of the project, of a badge's size, whose bytes are an image.
import { copyFile, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatReport } from '../../src/report.ts';
import { build } from '../build.ts';
import { FIXTURES_DIR, makeSite, TEMPLATES_DIR } from '../site.ts';

async function check(projectDir: string) {
  const result = await build({ projectDir, templatesDir: TEMPLATES_DIR, write: false, cacheDir: false, search: false });
  return { ok: result.ok, report: formatReport(result.files), output: result.output };
}

const BADGE = path.join(FIXTURES_DIR, 'identity', 'content', 'dzjg.png');

/** A file outside any project, with a secret's look. */
async function secretOutside(text = '---\nissue: 2\ntotal: 576\ndate: 2019-02-10\n---\n# 机密\n\n不该公开。\n'): Promise<string> {
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'lldt-outside-')), 'secret.md');
  await writeFile(file, text);
  return file;
}

describe('files linked from outside the project are not read', () => {
  it.each([
    ['an issue file linked to a file elsewhere', 'content/2019/02.md', 'file'],
    ['an issue file linked through a year folder linked elsewhere', 'content/2019/02.md', 'folder'],
    ['site.yml linked to a file elsewhere', 'content/site.yml', 'file'],
  ])('%s is refused, with a message naming where it leads', async (_, name, how) => {
    const dir = await makeSite();
    const secret = await secretOutside(name.endsWith('site.yml') ? await readFile(path.join(dir, 'content', 'site.yml'), 'utf8') : undefined);
    if (how === 'file') {
      await rm(path.join(dir, name), { force: true });
      await symlink(secret, path.join(dir, name));
    } else {
      await copyFile(path.join(dir, 'content', '2019', '01.md'), path.join(path.dirname(secret), '01.md'));
      await rm(path.join(dir, 'content', '2019'), { recursive: true });
      await symlink(path.dirname(secret), path.join(dir, 'content', '2019'));
    }
    const { ok, report, output } = await check(dir);
    expect(ok).toBe(false);
    const [shown, target] = how === 'file' ? [name, secret] : ['content/2019/01.md', path.join(path.dirname(secret), '01.md')];
    expect(report).toContain(`${shown}:1:1: 错误\uFF1A这个文件是指向项目以外（${target}）的链接`);
    expect(report).toContain('[bulletin:outside-project]');
    expect(output).toBeUndefined();
  });

  it('reads a file linked to another file inside the project', async () => {
    const dir = await makeSite();
    await mkdir(path.join(dir, 'drafts'));
    await copyFile(path.join(dir, 'content', '2019', '01.md'), path.join(dir, 'drafts', '01.md'));
    await rm(path.join(dir, 'content', '2019', '01.md'));
    await symlink(path.join(dir, 'drafts', '01.md'), path.join(dir, 'content', '2019', '01.md'));
    expect((await check(dir)).ok).toBe(true);
  });
});

describe('the badge of site.yml', () => {
  async function withBadge(make: (file: string) => Promise<unknown>, name = 'content/dzjg.png') {
    const dir = await makeSite('identity');
    const file = path.join(dir, name);
    await mkdir(path.dirname(file), { recursive: true });
    await rm(path.join(dir, 'content', 'dzjg.png'));
    await make(file);
    const site = path.join(dir, 'content', 'site.yml');
    await writeFile(site, (await readFile(site, 'utf8')).replace('badge: content/dzjg.png', `badge: ${name}`));
    return check(dir);
  }

  it.each([
    ['a link to a system file', (file: string) => symlink('/etc/passwd', file), '指向项目以外（/etc/passwd）'],
    ['a link to an image outside the project', async (file: string) => symlink(BADGE, file), '指向项目以外'],
    ['a link to an endless device', (file: string) => symlink('/dev/zero', file), '不是普通文件'],
    ['a text file named .png', (file: string) => writeFile(file, 'root:x:0:0:root:/root:/bin/bash\n'), '不是图片'],
    ['an HTML page named .svg', (file: string) => writeFile(file, '<html><script>alert(1)</script></html>'), '不是图片'],
    ['an empty file', (file: string) => writeFile(file, ''), '不是图片'],
    ['a picture of 2 MB', async (file: string) => writeFile(file, Buffer.concat([await readFile(BADGE), Buffer.alloc(2 * 1024 * 1024)])), '超过 1 MB'],
    ['a folder', (file: string) => mkdir(file), '不是普通文件'],
  ])('is refused when it is %s, with a message at its line', async (_, make, why) => {
    const { ok, report, output } = await withBadge(make);
    expect(ok).toBe(false);
    expect(report).toMatch(/content\/site\.yml:\d+:\d+: 错误\uFF1A党政机关网站标识 content\/dzjg\.png /);
    expect(report).toContain(why);
    expect(report).toContain('[bulletin:badge-image]');
    expect(output).toBeUndefined();
  });

  it.each([
    ['a PNG', 'templates/static/dzjg.png', async (file: string) => copyFile(BADGE, file)],
    [
      'an SVG with an XML declaration',
      'templates/static/dzjg.svg',
      (file: string) => writeFile(file, '<?xml version="1.0"?>\n<!-- 标识 -->\n<svg xmlns="http://www.w3.org/2000/svg"/>'),
    ],
    ['a GIF', 'content/dzjg.gif', (file: string) => writeFile(file, Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'))],
    [
      'a link to a PNG inside the project',
      'content/dzjg.png',
      async (file: string) => {
        await copyFile(BADGE, `${file}.real`);
        await symlink(`${file}.real`, file);
      },
    ],
  ])('is published when it is %s', async (_, name, make) => {
    const { ok, report } = await withBadge(make, name);
    expect([ok, report]).toEqual([true, expect.any(String)]);
  });
});
