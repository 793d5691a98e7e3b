import { mkdir, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BuildCache } from '../cache/build-cache.ts';
import { OUTPUT_MARKER, refuseOutputFolder, writeSite } from './write-site.ts';

describe('writeSite', () => {
  it('replaces the whole output folder, leaving no stale files and no staging folders', async () => {
    const parent = await mkdtemp(path.join(tmpdir(), 'lldt-write-'));
    const out = path.join(parent, 'dist');
    await mkdir(out);
    await writeFile(path.join(out, 'stale.html'), 'old');
    await writeSite(out, new Map([['index.html', 'new'], ['2019/09/index.html', 'issue']]));
    expect((await readdir(out, { recursive: true })).sort()).toEqual([OUTPUT_MARKER, '2019', '2019/09', '2019/09/index.html', 'index.html']);
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('new');
    expect(await readdir(parent)).toEqual(['dist']);
  });

  it('leaves the published folder as it was when writing fails', async () => {
    const parent = await mkdtemp(path.join(tmpdir(), 'lldt-write-'));
    const out = path.join(parent, 'dist');
    await mkdir(out);
    await writeFile(path.join(out, 'index.html'), 'published');
    // A file and a folder of the same name cannot both be written.
    const impossible = new Map<string, string>([['a', 'file'], ['a/b.html', 'under a file']]);
    await expect(writeSite(out, impossible)).rejects.toThrow();
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('published');
    expect(await readdir(parent)).toEqual(['dist']);
  });
});

describe('writeSite with a build cache', () => {
  const setup = async () => {
    const parent = await mkdtemp(path.join(tmpdir(), 'lldt-write-'));
    return { out: path.join(parent, 'dist'), cache: new BuildCache(path.join(parent, 'cache')) };
  };
  const site = (index: string) => new Map([['index.html', index], ['2019/09/index.html', 'issue'], ['assets/style.css', 'css']]);

  it('leaves the published folder alone when nothing changed', async () => {
    const { out, cache } = await setup();
    expect(await writeSite(out, site('home'), cache)).toEqual({ written: 4, kept: 0 });
    const before = await stat(path.join(out, 'index.html'));
    expect(await writeSite(out, site('home'), cache)).toEqual({ written: 0, kept: 4 });
    const after = await stat(path.join(out, 'index.html'));
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
  });

  it('writes only the changed files, and keeps the others as they were', async () => {
    const { out, cache } = await setup();
    await writeSite(out, site('home'), cache);
    const issue = await stat(path.join(out, '2019/09/index.html'));
    expect(await writeSite(out, site('new home'), cache)).toEqual({ written: 1, kept: 3 });
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('new home');
    const kept = await stat(path.join(out, '2019/09/index.html'));
    expect([kept.ino, kept.mtimeMs]).toEqual([issue.ino, issue.mtimeMs]);
  });

  it('writes anew a file changed by hand in the output folder, and removes a file added by hand', async () => {
    const { out, cache } = await setup();
    await writeSite(out, site('home'), cache);
    await writeFile(path.join(out, 'assets/style.css'), 'changed by hand');
    await writeFile(path.join(out, 'extra.html'), 'added by hand');
    expect(await writeSite(out, site('home'), cache)).toEqual({ written: 1, kept: 3 });
    expect(await readFile(path.join(out, 'assets/style.css'), 'utf8')).toBe('css');
    expect((await readdir(out, { recursive: true })).includes('extra.html')).toBe(false);
  });
});

describe('refuseOutputFolder', () => {
  it('refuses the project itself, its content and a folder of someone else’s files', async () => {
    const project = await mkdtemp(path.join(tmpdir(), 'lldt-project-'));
    const notes = path.join(project, 'notes');
    await mkdir(notes);
    await writeFile(path.join(notes, '稿子.md'), '编辑自己的文件');
    expect(await refuseOutputFolder(project, project)).toContain('是项目本身');
    expect(await refuseOutputFolder(path.join(project, 'content'), project)).toContain('是项目本身');
    expect(await refuseOutputFolder(notes, project)).toContain('不是本程序生成的文件');
    expect(await readFile(path.join(notes, '稿子.md'), 'utf8')).toBe('编辑自己的文件');
  });

  it('accepts a new folder, an empty one, and one it wrote', async () => {
    const project = await mkdtemp(path.join(tmpdir(), 'lldt-project-'));
    const out = path.join(project, 'dist');
    expect(await refuseOutputFolder(out, project)).toBeUndefined();
    await mkdir(out);
    expect(await refuseOutputFolder(out, project)).toBeUndefined();
    await writeSite(out, new Map([['index.html', 'home']]));
    expect(await refuseOutputFolder(out, project)).toBeUndefined();
  });
});
