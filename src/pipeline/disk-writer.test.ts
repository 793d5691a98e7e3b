import { copyFile, cp, link, lstat, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Cache, hashOf } from '../cache/cache.ts';
import { textOf } from '../messages/catalogue.ts';
import { DiskWriter, OUTPUT_MARKER, recoverOutputFolder, refuseOutputFolder } from './disk-writer.ts';
import { leftovers } from './spare-site.ts';

const parentFolder = () => mkdtemp(path.join(tmpdir(), 'lldt-write-'));

/** Why the folder is refused, as the editor reads it; undefined when it is not. */
const refusalText = async (outDir: string, projectDir: string) => {
  const refusal = await refuseOutputFolder(outDir, projectDir);
  return refusal && textOf(refusal, undefined);
};

async function publish(writer: DiskWriter, site: Map<string, string>): Promise<string[]> {
  await writer.begin();
  try {
    for (const [file, content] of site) await writer.put(file, content);
  } catch (error) {
    // As the pipeline does: a failed version is dropped.
    await writer.abort();
    throw error;
  }
  return writer.commit(new Set(site.keys()));
}

describe('DiskWriter', () => {
  it('never writes through a kept file into the published one, when that file is put again', async () => {
    const parent = await parentFolder();
    const out = path.join(parent, 'dist');
    const writer = new DiskWriter(out, parent);
    await publish(writer, new Map([['index.html', 'published']]));
    await writer.begin();
    await writer.keepAll(['index.html']);
    // Until the new version is swapped in, the published one is untouched.
    await writer.put('index.html', 'new version');
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('published');
    await writer.commit(new Set(['index.html']));
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('new version');
  });

  it('replaces the whole output folder, leaving no stale files and no staging folders', async () => {
    const parent = await parentFolder();
    const out = path.join(parent, 'dist');
    const writer = new DiskWriter(out, parent);
    await publish(writer, new Map([['stale.html', 'old']]));
    await publish(
      writer,
      new Map([
        ['index.html', 'new'],
        ['2019/09/index.html', 'issue'],
      ]),
    );
    expect((await readdir(out, { recursive: true })).sort()).toEqual([OUTPUT_MARKER, '2019', '2019/09', '2019/09/index.html', 'index.html']);
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('new');
    expect(await readdir(parent)).toEqual(['dist']);
  });

  it('removes the old version without reaching through a folder replaced by a link during the build', async () => {
    const parent = await parentFolder();
    const out = path.join(parent, 'dist');
    const elsewhere = path.join(parent, 'elsewhere');
    await mkdir(path.join(elsewhere, '09'), { recursive: true });
    await writeFile(path.join(elsewhere, '09', 'index.html'), 'not the build’s');
    const writer = new DiskWriter(out, parent);
    await publish(writer, new Map([['2019/09/index.html', 'issue']]));
    await writer.begin();
    await writer.put('2019/09/index.html', 'issue, edited');
    // By hand, while the build runs: the published year folder becomes a link to someone's folder.
    await rm(path.join(out, '2019'), { recursive: true });
    await symlink(elsewhere, path.join(out, '2019'));
    await writer.commit(new Set(['2019/09/index.html']));
    expect(await readFile(path.join(out, '2019/09/index.html'), 'utf8')).toBe('issue, edited');
    expect(await readFile(path.join(elsewhere, '09', 'index.html'), 'utf8')).toBe('not the build’s');
    // The link is not the build's: the old site is set aside with it, for the editor to look at.
    expect(writer.setAside?.files).toEqual(['2019']);
  });

  it('sets the old site aside, with a file put into it during the build, instead of removing it', async () => {
    const parent = await parentFolder();
    const out = path.join(parent, 'dist');
    const writer = new DiskWriter(out, parent, new Cache(path.join(parent, '.cache')));
    await publish(writer, new Map([['index.html', 'old']]));
    await writer.begin();
    await writer.put('index.html', 'new');
    // By hand, while the build runs.
    await writer.keepAll([]);
    await writeFile(path.join(out, '通知.docx'), '编辑的文件');
    await writer.commit(new Set(['index.html']));
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('new');
    expect(writer.setAside?.files).toEqual(['通知.docx']);
    expect(path.basename(writer.setAside!.dir)).toMatch(/^dist-旧网站-\d{8}-\d{6}$/);
    expect(await readFile(path.join(writer.setAside!.dir, '通知.docx'), 'utf8')).toBe('编辑的文件');
    // The next build leaves it alone: it is not the build's to remove.
    const aside = writer.setAside!.dir;
    await publish(writer, new Map([['index.html', 'newer']]));
    expect(writer.setAside).toBeUndefined();
    expect(await readFile(path.join(aside, '通知.docx'), 'utf8')).toBe('编辑的文件');
  });

  it('leaves the published folder as it was when writing fails', async () => {
    const parent = await parentFolder();
    const out = path.join(parent, 'dist');
    const writer = new DiskWriter(out, parent);
    await publish(writer, new Map([['index.html', 'published']]));
    // A file and a folder of the same name cannot both be written.
    await expect(
      publish(
        writer,
        new Map([
          ['a', 'file'],
          ['a/b.html', 'under a file'],
        ]),
      ),
    ).rejects.toThrow();
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('published');
    expect(await readdir(parent)).toEqual(['dist']);
  });

  it('keeps a file not put in the new version as it is published', async () => {
    const parent = await parentFolder();
    const out = path.join(parent, 'dist');
    const writer = new DiskWriter(out, parent, new Cache(path.join(parent, 'cache')));
    await publish(
      writer,
      new Map([
        ['index.html', 'home'],
        ['2019/09/index.html', 'issue'],
      ]),
    );
    await writer.begin();
    await writer.put('index.html', 'new home');
    expect(await writer.commit(new Set(['index.html', '2019/09/index.html']))).toEqual(['index.html']);
    expect(await readFile(path.join(out, '2019/09/index.html'), 'utf8')).toBe('issue');
  });
});

describe('DiskWriter with a cache', () => {
  const setup = async () => {
    const parent = await parentFolder();
    const out = path.join(parent, 'dist');
    return { out, writer: new DiskWriter(out, parent, new Cache(path.join(parent, 'cache'))) };
  };
  const site = (index: string) =>
    new Map([
      ['index.html', index],
      ['2019/09/index.html', 'issue'],
      ['assets/style.css', 'css'],
    ]);

  // Issue 23: the record of a staging folder goes with the folder, so none piles up in the cache.
  it('leaves no record of a staging folder in the cache once the build is done or dropped', async () => {
    const parent = await parentFolder();
    const out = path.join(parent, 'dist');
    const writer = new DiskWriter(out, parent, new Cache(path.join(parent, 'cache')));
    const entries = () => readdir(path.join(parent, 'cache', 'output'));
    await publish(writer, site('first'));
    // Only the record of the published folder.
    expect(await entries()).toHaveLength(1);
    await publish(writer, site('second'));
    await publish(writer, site('second'));
    // And the record of the spare, the old site kept for the next build (spare-site.ts).
    expect(await entries()).toHaveLength(2);
    await writer.begin();
    await writer.put('index.html', 'dropped');
    await writer.abort();
    // The spare became the staging folder, and went with it.
    expect(await entries()).toHaveLength(1);
    expect(await readdir(parent)).toEqual(['cache', 'dist']);
  });

  // Issue 23: npm run clean deletes .cache/; the site the build wrote is still proven its own.
  it('replaces its own site after the cache is deleted, and still refuses files added by hand', async () => {
    const parent = await parentFolder();
    const out = path.join(parent, 'dist');
    const cacheDir = path.join(parent, 'cache');
    await publish(new DiskWriter(out, parent, new Cache(cacheDir)), site('before clean'));
    await rm(cacheDir, { recursive: true, force: true });
    await publish(new DiskWriter(out, parent, new Cache(cacheDir)), site('after clean'));
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('after clean');
    await rm(cacheDir, { recursive: true, force: true });
    await writeFile(path.join(out, '编辑的笔记.txt'), '不是生成的');
    await expect(publish(new DiskWriter(out, parent, new Cache(cacheDir)), site('refused'))).rejects.toThrow('编辑的笔记.txt');
    expect(await readFile(path.join(out, '编辑的笔记.txt'), 'utf8')).toBe('不是生成的');
  });

  it('leaves the published folder alone when nothing changed', async () => {
    const { out, writer } = await setup();
    expect(await publish(writer, site('home'))).toEqual([OUTPUT_MARKER, '2019/09/index.html', 'assets/style.css', 'index.html'].sort());
    const before = await stat(path.join(out, 'index.html'));
    expect(await publish(writer, site('home'))).toEqual([]);
    const after = await stat(path.join(out, 'index.html'));
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
  });

  it('writes only the changed files, and keeps the others as they were', async () => {
    const { out, writer } = await setup();
    await publish(writer, site('home'));
    const issue = await stat(path.join(out, '2019/09/index.html'));
    expect(await publish(writer, site('new home'))).toEqual(['index.html']);
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('new home');
    const kept = await stat(path.join(out, '2019/09/index.html'));
    expect([kept.ino, kept.mtimeMs]).toEqual([issue.ino, issue.mtimeMs]);
  });

  it('writes anew a file changed by hand in the output folder', async () => {
    const { out, writer } = await setup();
    await publish(writer, site('home'));
    await writeFile(path.join(out, 'assets/style.css'), 'changed by hand');
    await publish(writer, site('home'));
    expect(await readFile(path.join(out, 'assets/style.css'), 'utf8')).toBe('css');
  });

  // Issue 23, class 5: a file added by hand is named, and the build refuses instead of deleting it.
  it.each([
    ['a file beside the pages', ['extra.html']],
    ['a file in a folder of its own', ['uploads/a.doc']],
    ['files in a folder the site has', ['assets/logo-new.png', '2019/09/附件.pdf']],
    ['a link', ['link-to-home']],
  ])('refuses to replace a folder holding %s, and names it', async (_, added) => {
    const { out, writer } = await setup();
    await publish(writer, site('home'));
    for (const file of added) {
      await mkdir(path.dirname(path.join(out, file)), { recursive: true });
      if (file.startsWith('link')) await symlink('index.html', path.join(out, file));
      else await writeFile(path.join(out, file), 'added by hand');
    }
    const before = await readdir(out, { recursive: true });
    const refused = publish(writer, site('new home'));
    await expect(refused).rejects.toThrow(/不是本程序生成的文件/);
    const message = await refused.catch((error: Error) => error.message);
    for (const file of added) expect(message).toContain(path.join('dist', file));
    expect(message).toContain('content/');
    expect(message).toContain('templates/static/');
    expect((await readdir(out, { recursive: true })).sort()).toEqual(before.sort());
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('home');
  });
});

describe('the marker', () => {
  it('is trusted by its content, not its name: a marker of any other content, or a link to a true one, is refused', async () => {
    const parent = await parentFolder();
    const real = path.join(parent, 'dist');
    await publish(new DiskWriter(real, parent), new Map([['index.html', 'home']]));
    const cases: [string, (dir: string) => Promise<unknown>][] = [
      ['empty', (dir) => writeFile(path.join(dir, OUTPUT_MARKER), '')],
      ['the old fixed text', (dir) => writeFile(path.join(dir, OUTPUT_MARKER), '联络动态 publisher: this folder is replaced as a whole by every build.\n')],
      ['a link to a true marker', (dir) => symlink(path.join(real, OUTPUT_MARKER), path.join(dir, OUTPUT_MARKER))],
      ['a true marker copied beside other files', async (dir) => writeFile(path.join(dir, OUTPUT_MARKER), await readFile(path.join(real, OUTPUT_MARKER)))],
      ['a folder', (dir) => mkdir(path.join(dir, OUTPUT_MARKER))],
    ];
    for (const [name, make] of cases) {
      const dir = path.join(parent, `notes-${cases.findIndex(([n]) => n === name)}`);
      await mkdir(dir);
      await writeFile(path.join(dir, 'index.html'), '编辑自己的文件');
      await make(dir);
      expect([name, await refusalText(dir, parent)]).toEqual([name, expect.stringContaining('不是本程序生成的文件')]);
      expect(await readFile(path.join(dir, 'index.html'), 'utf8')).toBe('编辑自己的文件');
    }
  });

  it('is proven without the cache by the files it lists, each with its checksum', async () => {
    const parent = await parentFolder();
    const out = path.join(parent, 'dist');
    await publish(
      new DiskWriter(out, parent),
      new Map([
        ['index.html', 'home'],
        ['a/b.html', 'b'],
      ]),
    );
    expect(await refusalText(out, parent)).toBeUndefined();
    await writeFile(path.join(out, 'a/b.html'), 'changed');
    expect(await refusalText(out, parent)).toContain('不是本程序生成的文件');
  });
});

describe('refuseOutputFolder', () => {
  it('refuses the project itself, its content, a file, and a folder of someone else’s files', async () => {
    const project = await mkdtemp(path.join(tmpdir(), 'lldt-project-'));
    const notes = path.join(project, 'notes');
    await mkdir(notes);
    await writeFile(path.join(notes, '稿子.md'), '编辑自己的文件');
    const lookalike = path.join(project, 'www');
    await mkdir(path.join(lookalike, 'assets'), { recursive: true });
    await writeFile(path.join(lookalike, 'index.html'), '<p>另一个网站</p>');
    expect(await refusalText(project, project)).toContain('是项目本身');
    expect(await refusalText(path.join(project, 'content'), project)).toContain('是项目本身');
    expect(await refusalText(notes, project)).toContain('不是本程序生成的文件');
    expect(await refusalText(lookalike, project)).toContain('不是本程序生成的文件');
    expect(await refusalText(path.join(notes, '稿子.md'), project)).toContain('是一个文件');
    expect(await readFile(path.join(notes, '稿子.md'), 'utf8')).toBe('编辑自己的文件');
  });

  it('refuses an output folder that is a link, and leaves the site it points to whole', async () => {
    const parent = await parentFolder();
    const served = path.join(parent, 'www');
    const first = new DiskWriter(served, parent);
    await publish(first, new Map([['index.html', 'the live site']]));
    const out = path.join(parent, 'dist');
    await symlink(served, out);
    const writer = new DiskWriter(out, parent);
    const refused = await publish(writer, new Map([['index.html', 'new']])).catch((error: Error) => error.message);
    expect(refused).toContain('是一个链接，指向');
    expect(refused).toContain('--out');
    expect(await readFile(path.join(served, 'index.html'), 'utf8')).toBe('the live site');
    expect((await readdir(parent)).sort()).toEqual(['dist', 'www']);
  });

  it('accepts a new folder, an empty one, and one it wrote', async () => {
    const project = await mkdtemp(path.join(tmpdir(), 'lldt-project-'));
    const out = path.join(project, 'dist');
    expect(await refusalText(out, project)).toBeUndefined();
    await mkdir(out);
    expect(await refusalText(out, project)).toBeUndefined();
    await publish(new DiskWriter(out, project), new Map([['index.html', 'home']]));
    expect(await refusalText(out, project)).toBeUndefined();
  });
});

describe('recoverOutputFolder', () => {
  /** A process id no process has: larger than any Linux allows. */
  const DEAD = 2 ** 22 + 1;

  it('puts the old site back when a build died between its two renames, and removes the rest', async () => {
    const parent = await parentFolder();
    const out = path.join(parent, 'dist');
    const cache = new Cache(path.join(parent, 'cache'));
    await publish(new DiskWriter(out, parent, cache), new Map([['index.html', 'old site']]));
    await rename(out, path.join(parent, `.dist-retired-${DEAD}`));
    await recoverOutputFolder(out, cache);
    expect((await readdir(parent)).sort()).toEqual(['cache', 'dist']);
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('old site');
  });

  it('removes a staging folder killed between the removal of its token and the swap: its marker proves it', async () => {
    const parent = await parentFolder();
    const out = path.join(parent, 'dist');
    const cache = new Cache(path.join(parent, 'cache'));
    const staging = path.join(parent, `.dist-staging-${DEAD}`);
    await publish(new DiskWriter(staging, parent), new Map([['index.html', 'new site']]));
    await publish(new DiskWriter(out, parent, cache), new Map([['index.html', 'old site']]));
    await recoverOutputFolder(out, cache);
    expect((await readdir(parent)).sort()).toEqual(['cache', 'dist']);
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('old site');
  });

  // Issue 23, class 6: a folder that merely looks like a dead build's is left alone.
  it('leaves alone folders that only look like a dead build’s staging or retired folder', async () => {
    const parent = await parentFolder();
    const out = path.join(parent, 'dist');
    const cache = new Cache(path.join(parent, 'cache'));
    const lookalikes = [`.dist-staging-${DEAD}`, `.dist-retired-${DEAD}`, `.dist-retired-${DEAD + 1}`];
    for (const name of lookalikes) {
      await mkdir(path.join(parent, name, 'assets'), { recursive: true });
      await writeFile(path.join(parent, name, 'index.html'), '别人的文件');
    }
    // One with a marker of the old fixed text, one with a link to a true marker.
    await writeFile(path.join(parent, lookalikes[1]!, OUTPUT_MARKER), '联络动态 publisher: this folder is replaced as a whole by every build.\n');
    const other = path.join(parent, 'other');
    await publish(new DiskWriter(other, parent), new Map([['index.html', 'x']]));
    await symlink(path.join(other, OUTPUT_MARKER), path.join(parent, lookalikes[2]!, OUTPUT_MARKER));
    await recoverOutputFolder(out, cache);
    expect((await readdir(parent)).sort()).toEqual([...lookalikes, 'other'].sort());
    for (const name of lookalikes) expect(await readFile(path.join(parent, name, 'index.html'), 'utf8')).toBe('别人的文件');
    // The build then refuses rather than remove one in its way: say the lookalike bears its own process id.
    const inTheWay = path.join(parent, `.dist-staging-${process.pid}`);
    await mkdir(inTheWay);
    await writeFile(path.join(inTheWay, 'keep.txt'), '别人的文件');
    await expect(new DiskWriter(out, parent, cache).begin()).rejects.toThrow(/不能确认是本程序的/);
    expect(await readFile(path.join(inTheWay, 'keep.txt'), 'utf8')).toBe('别人的文件');
  });

  // Issue 23: a killed build's staging record goes with its folder, whether it held its token or was still empty.
  it('removes a killed build’s staging folder and its record in the cache', async () => {
    const parent = await parentFolder();
    const out = path.join(parent, 'dist');
    const cache = new Cache(path.join(parent, 'cache'));
    const filled = path.join(parent, `.dist-staging-${DEAD}`);
    const empty = path.join(parent, `.dist-staging-${DEAD + 1}`);
    await cache.writeValue('output', hashOf('staging', filled), 'token');
    await cache.writeValue('output', hashOf('staging', empty), 'other token');
    await mkdir(filled);
    await writeFile(path.join(filled, '.lianluodongtai-staging'), 'token');
    await mkdir(empty);
    await recoverOutputFolder(out, cache);
    expect(await readdir(parent)).toEqual(['cache']);
    expect(await readdir(path.join(parent, 'cache', 'output'))).toEqual([]);
  });

  it('leaves the folders of a build still running alone', async () => {
    const parent = await parentFolder();
    const out = path.join(parent, 'dist');
    await mkdir(out);
    const running = path.join(parent, `.dist-staging-${process.ppid}`);
    await mkdir(running);
    await recoverOutputFolder(out);
    expect((await readdir(parent)).sort()).toEqual([`.dist-staging-${process.ppid}`, 'dist']);
  });
});

// An output folder on a file system without hard links (a FAT stick, some network shares): the
// files a build keeps are copied instead.
const noLinks = async () => {
  throw Object.assign(new Error('operation not permitted'), { code: 'EPERM' });
};

describe('DiskWriter without hard links', () => {
  it('copies the files it keeps, and the next version holds them', async () => {
    const parent = await mkdtemp(path.join(tmpdir(), 'lldt-nolink-'));
    const out = path.join(parent, 'dist');
    const writer = new DiskWriter(out, parent, undefined, noLinks);
    await writer.begin();
    await writer.put('index.html', 'home');
    await writer.put('2019/09/index.html', 'issue');
    await writer.commit(new Set(['index.html', '2019/09/index.html']));
    // The next version renders the home page only and keeps the issue page.
    await writer.begin();
    await writer.keepAll(['2019/09/index.html']);
    await writer.put('index.html', 'home, again');
    await writer.commit(new Set(['index.html', '2019/09/index.html']));
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('home, again');
    expect(await readFile(path.join(out, '2019/09/index.html'), 'utf8')).toBe('issue');
  });
});

describe('DiskWriter with the last version as its spare (spare-site.ts)', () => {
  const setup = async () => {
    const parent = await parentFolder();
    const out = path.join(parent, 'dist');
    const cacheDir = path.join(parent, 'cache');
    const writer = new DiskWriter(out, parent, new Cache(cacheDir));
    const spare = path.join(cacheDir, 'spare', hashOf(out));
    return { parent, out, writer, spare };
  };
  /** A version of the site: path → text. */
  const site = (files: Record<string, string>) => new Map(Object.entries(files));
  /** Every file under dir with its text, the marker left out. */
  const filesOf = async (dir: string) => {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    const files = entries.filter((e) => e.isFile() && e.name !== OUTPUT_MARKER).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
    return Object.fromEntries(await Promise.all(files.sort().map(async (file) => [file, await readFile(path.join(dir, file), 'utf8')])));
  };

  it('keeps the old site in the cache, and builds the next version in it', async () => {
    const { out, writer, spare } = await setup();
    await publish(writer, site({ 'a.html': '1', 'b.html': 'same' }));
    await publish(writer, site({ 'a.html': '2', 'b.html': 'same', '2019/09/c.html': 'new' }));
    expect(await filesOf(spare)).toEqual({ 'a.html': '1', 'b.html': 'same' });
    await publish(writer, site({ 'a.html': '3', 'b.html': 'same' }));
    expect(await filesOf(out)).toEqual({ 'a.html': '3', 'b.html': 'same' });
    expect(await filesOf(spare)).toEqual({ 'a.html': '2', 'b.html': 'same', '2019/09/c.html': 'new' });
    // Built in the spare of version 2: c.html and the folders it leaves empty are gone, d.html is new.
    await publish(writer, site({ 'a.html': '4', 'b.html': 'same', 'd.html': 'x' }));
    expect(await filesOf(out)).toEqual({ 'a.html': '4', 'b.html': 'same', 'd.html': 'x' });
    expect(await readdir(out)).not.toContain('2019');
    expect(await filesOf(spare)).toEqual({ 'a.html': '3', 'b.html': 'same' });
    // The folder the build found is still proven its own: no refusal, no file left over.
    expect(await refuseOutputFolder(out, path.dirname(out))).toBeUndefined();
  });

  it('never writes into a file of the spare that the published site shares', async () => {
    const { out, writer, spare } = await setup();
    const v = (b: string) =>
      new Map([
        ['a.html', b],
        ['b.html', 'same'],
      ]);
    await publish(writer, v('1'));
    await publish(writer, v('2'));
    await publish(writer, v('3'));
    // The spare's b.html and the published one are the same file (a hard link).
    expect((await stat(path.join(spare, 'b.html'))).ino).toBe((await stat(path.join(out, 'b.html'))).ino);
    await writer.begin();
    await writer.put('a.html', '4');
    await writer.put('b.html', 'changed');
    // The published site is as it was while the new version is made, and after it is dropped.
    expect(await filesOf(out)).toEqual({ 'a.html': '3', 'b.html': 'same' });
    await writer.commit(new Set(['a.html', 'b.html']));
    expect(await filesOf(out)).toEqual({ 'a.html': '4', 'b.html': 'changed' });
    expect(await filesOf(spare)).toEqual({ 'a.html': '3', 'b.html': 'same' });
  });

  it('publishes neither a file put into the spare nor one changed there', async () => {
    const { out, writer, spare } = await setup();
    await publish(writer, site({ 'a.html': '1', 'b.html': 'same' }));
    await publish(writer, site({ 'a.html': '2', 'b.html': 'same' }));
    await writeFile(path.join(spare, 'stray.html'), 'not the build’s');
    await mkdir(path.join(spare, 'x'));
    await writeFile(path.join(spare, 'x', 'stray.html'), 'not the build’s');
    // Changed in place: b.html is a file of the published site too, so a new one is put there.
    await rm(path.join(spare, 'b.html'));
    await writeFile(path.join(spare, 'b.html'), 'changed in the spare');
    await publish(writer, site({ 'a.html': '3', 'b.html': 'same', 'x/stray.html': 'the build’s' }));
    expect(await filesOf(out)).toEqual({ 'a.html': '3', 'b.html': 'same', 'x/stray.html': 'the build’s' });
    // The next build finds only its own files there.
    await publish(writer, site({ 'a.html': '4', 'b.html': 'same' }));
    expect(await filesOf(out)).toEqual({ 'a.html': '4', 'b.html': 'same' });
  });

  it('keeps no spare without a cache, and drops a spare whose record is gone', async () => {
    const parent = await parentFolder();
    const out = path.join(parent, 'dist');
    await publish(new DiskWriter(out, parent), site({ 'a.html': '1' }));
    await publish(new DiskWriter(out, parent), site({ 'a.html': '2' }));
    expect(await readdir(parent)).toEqual(['dist']);
    const { writer, spare, out: out2 } = await setup();
    await publish(writer, site({ 'a.html': '1' }));
    await publish(writer, site({ 'a.html': '2' }));
    await rm(path.join(path.dirname(path.dirname(spare)), 'output'), { recursive: true });
    await publish(new DiskWriter(out2, path.dirname(out2), new Cache(path.dirname(path.dirname(spare)))), site({ 'a.html': '3' }));
    expect(await filesOf(out2)).toEqual({ 'a.html': '3' });
  });

  it('makes the new version in the cache: nothing of the old site stands beside the output folder during a build', async () => {
    const { parent, writer, spare } = await setup();
    await publish(writer, site({ 'a.html': '1', '2019/09/index.html': 'withdrawn later' }));
    await publish(writer, site({ 'a.html': '2' }));
    await writer.begin();
    await writer.put('a.html', '3');
    expect(await readdir(parent)).toEqual(['cache', 'dist']);
    expect(await readdir(spare)).toContain('a.html');
    await writer.commit(new Set(['a.html']));
    expect(await readdir(parent)).toEqual(['cache', 'dist']);
  });

  it('touches nothing outside the cache when the spare, or a folder in it, is a link', async () => {
    const { parent, out, writer, spare } = await setup();
    const elsewhere = path.join(parent, 'documents');
    await mkdir(path.join(elsewhere, '2019'), { recursive: true });
    await writeFile(path.join(elsewhere, '报告.docx'), '编辑的文件');
    await writeFile(path.join(elsewhere, '2019', 'index.html'), '别处的文件');
    await publish(writer, site({ 'index.html': '1', '2019/index.html': 'year' }));
    await publish(writer, site({ 'index.html': '2', '2019/index.html': 'year' }));
    // The spare's folder 2019 made a link to the documents' folder of that name.
    await rm(path.join(spare, '2019'), { recursive: true });
    await symlink(path.join(elsewhere, '2019'), path.join(spare, '2019'));
    await publish(writer, site({ 'index.html': '3', '2019/index.html': 'year 3' }));
    // The spare itself a link to the documents.
    await rm(spare, { recursive: true });
    await symlink(elsewhere, spare);
    await publish(writer, site({ 'index.html': '4', '2019/index.html': 'year 4' }));
    expect(await filesOf(elsewhere)).toEqual({ '报告.docx': '编辑的文件', '2019/index.html': '别处的文件' });
    expect((await lstat(out)).isSymbolicLink()).toBe(false);
    expect(await filesOf(out)).toEqual({ 'index.html': '4', '2019/index.html': 'year 4' });
  });

  it('keeps as the spare only the old site its record describes', async () => {
    const { out, writer, parent } = await setup();
    const record = path.join(parent, 'cache', 'output', `${hashOf(out)}.entry`);
    await publish(writer, site({ 'a.html': '1' }));
    const recordOfA = await readFile(record);
    await publish(writer, site({ 'a.html': '2', 'x.html': 'x' }));
    // As a build killed between its publish and its record leaves it: dist/ is B, the record A's.
    await writeFile(record, recordOfA);
    const next = () => new DiskWriter(out, parent, new Cache(path.join(parent, 'cache')));
    await publish(next(), site({ 'a.html': '3', 'x.html': 'x' }));
    await publish(next(), site({ 'a.html': '4', 'x.html': 'x' }));
    expect(await filesOf(out)).toEqual({ 'a.html': '4', 'x.html': 'x' });
  });

  it('keeps one spare: another output folder’s goes', async () => {
    const { parent, writer, spare } = await setup();
    const other = new DiskWriter(path.join(parent, 'site2'), parent, new Cache(path.join(parent, 'cache')));
    await publish(other, site({ 'a.html': '1' }));
    await publish(other, site({ 'a.html': '2' }));
    await publish(writer, site({ 'a.html': '1' }));
    await publish(writer, site({ 'a.html': '2' }));
    expect(await readdir(path.dirname(spare))).toEqual([path.basename(spare)]);
  });

  it('leaves in place a file of the spare that is one the new version put under another case', async () => {
    const dir = await parentFolder();
    await writeFile(path.join(dir, 'PHOTO.JPG'), 'new');
    // On a disk that ignores case, photo.jpg is PHOTO.JPG: the same file, as a hard link is here.
    await link(path.join(dir, 'PHOTO.JPG'), path.join(dir, 'photo.jpg'));
    await writeFile(path.join(dir, 'other.jpg'), 'old');
    const written = { hash: 'h', size: 3, mtimeMs: 0 };
    expect(leftovers(dir, { 'photo.jpg': written, 'other.jpg': written }, { 'PHOTO.JPG': written })).toEqual(['other.jpg']);
    await copyFile(path.join(dir, 'PHOTO.JPG'), path.join(dir, 'Other.JPG'));
    expect(leftovers(dir, { 'other.jpg': written }, { 'Other.JPG': written })).toEqual(['other.jpg']);
  });

  it('still refuses a folder of the published site replaced by a link, after the site was found whole', async () => {
    const { parent, out, writer } = await setup();
    await publish(writer, site({ 'a.html': '1', '2019/09/index.html': 'issue' }));
    const copy = path.join(parent, 'copy');
    await cp(path.join(out, '2019', '09'), copy, { recursive: true });
    await rm(path.join(out, '2019', '09'), { recursive: true });
    await symlink(copy, path.join(out, '2019', '09'));
    expect(await writer.version()).toBeUndefined();
    await expect(writer.begin()).rejects.toThrow();
  });
});
