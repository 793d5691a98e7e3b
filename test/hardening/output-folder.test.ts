// Issue 23, classes 5 and 6, as an editor meets them: npm run build never deletes a file it did
// not write. A file put into dist/ after a build is named, with where such files belong, and the
// build refuses; a folder beside dist/ that merely looks like a killed build's is left alone.
import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, copyProject } from '../cli.ts';
import { readTree } from '../site.ts';

let built: string;

beforeAll(async () => {
  built = await copyProject();
  expect((await cli(built, 'build')).code).toBe(0);
});

/** A copy of the built project (its dist/ and cache), to change. */
async function copyBuilt(): Promise<string> {
  const { cp } = await import('node:fs/promises');
  const dir = await copyProject();
  await cp(path.join(built, 'dist'), path.join(dir, 'dist'), { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
  await cp(path.join(built, '.cache'), path.join(dir, '.cache'), { recursive: true, preserveTimestamps: true });
  return dir;
}

describe('files put into dist/ by hand', () => {
  it.each([
    ['an attachment in a folder of its own', ['uploads/a.doc']],
    ['a page beside the site’s', ['通知.html']],
    ['a picture among the site’s assets', ['assets/新标识.png']],
    ['several files', ['uploads/1.doc', 'uploads/2.doc', '2019/09/附件.pdf']],
  ])('%s: named, with where it belongs, and nothing removed', async (_, added) => {
    const dir = await copyBuilt();
    for (const file of added) {
      await mkdir(path.dirname(path.join(dir, 'dist', file)), { recursive: true });
      await writeFile(path.join(dir, 'dist', file), '编辑放进来的文件');
    }
    // Something to publish, so the build would replace dist/.
    await writeFile(path.join(dir, 'templates', 'assets', 'style.css'), '\n/* 改 */\n', { flag: 'a' });
    const before = await readTree(path.join(dir, 'dist'));
    for (const command of [['build'], ['build', '--out', 'dist']]) {
      const { code, stderr } = await cli(dir, ...command);
      expect(code).toBe(1);
      for (const file of added) expect(stderr).toContain(path.join('dist', file));
      expect(stderr).toContain('content/');
      expect(stderr).toContain('templates/static/');
      expect(stderr).not.toMatch(/\n\s+at /);
    }
    expect(await readTree(path.join(dir, 'dist'))).toEqual(before);
  });

  it('a marker that is a link, or another marker’s copy over someone’s folder, proves nothing', async () => {
    const dir = await copyBuilt();
    for (const [name, make] of [
      ['linked', (out: string) => symlink(path.join(built, 'dist', '.lianluodongtai-site'), path.join(out, '.lianluodongtai-site'))],
      ['copied', async (out: string) => writeFile(path.join(out, '.lianluodongtai-site'), await readFile(path.join(built, 'dist', '.lianluodongtai-site')))],
    ] as const) {
      const out = path.join(dir, `www-${name}`);
      await mkdir(out);
      await writeFile(path.join(out, 'index.html'), '别人的网站');
      await make(out);
      const { code, stderr } = await cli(dir, 'build', '--out', out);
      expect([name, code]).toEqual([name, 1]);
      expect(stderr).toContain('不是本程序生成的文件');
      expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('别人的网站');
    }
  });
});

describe('folders that look like a killed build’s', () => {
  it.each(['.dist-staging-4194305', '.dist-retired-4194305', '.dist-retired-1'])('%s of someone else’s is left as it is', async (name) => {
    const dir = await copyBuilt();
    await mkdir(path.join(dir, name));
    await writeFile(path.join(dir, name, '稿子.md'), '别人的文件');
    await writeFile(path.join(dir, 'templates', 'assets', 'style.css'), '\n/* 改 */\n', { flag: 'a' });
    expect((await cli(dir, 'build')).code).toBe(0);
    expect(await readFile(path.join(dir, name, '稿子.md'), 'utf8')).toBe('别人的文件');
    // Nor renamed into place when dist/ is missing.
    const { rm } = await import('node:fs/promises');
    await rm(path.join(dir, 'dist'), { recursive: true });
    expect((await cli(dir, 'build')).code).toBe(0);
    expect(await readdir(path.join(dir, name))).toEqual(['稿子.md']);
    expect(await readdir(path.join(dir, 'dist'))).toContain('index.html');
  });
});
