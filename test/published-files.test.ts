// Pictures and attachments put in content/ are published at the same path in the site, where the
// page that names them loads them; one that is missing, a link, or too large is not published, and
// the page that names it is warned of at its line. Each test has a project of its own.
import { appendFile, cp, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Cache } from '../src/cache/cache.ts';
import { readPublished } from '../src/content/published-files.ts';
import { applySaves, devProject } from '../src/dev/dev-session.ts';
import { MAX_PUBLISHED_BYTES } from '../src/limits.ts';
import { Failure } from '../src/messages/failure.ts';
import { lookUp } from '../src/model/output.ts';
import { DiskWriter, OUTPUT_MARKER } from '../src/pipeline/disk-writer.ts';
import { Project } from '../src/pipeline/project.ts';
import { build } from './build.ts';
import { readTree, sampleProject } from './site.ts';

/** A PNG's first bytes, and some more: what the build publishes as it is. */
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('现场照片')]);

/** A copy of the sample project (content/ and templates/), in a temporary folder of its own. */
async function project(): Promise<string> {
  const sample = await sampleProject();
  const dir = await mkdtemp(path.join(tmpdir(), 'lldt-pictures-'));
  await cp(path.join(sample, 'content'), path.join(dir, 'content'), { recursive: true });
  await cp(path.join(sample, 'templates'), path.join(dir, 'templates'), { recursive: true });
  return dir;
}

/** Adds a paragraph at the end of content/2019/10.md; returns the line it is on. */
async function addLine(dir: string, text: string): Promise<number> {
  const file = path.join(dir, 'content', '2019', '10.md');
  const before = await readFile(file, 'utf8');
  const body = before.endsWith('\n') ? before : `${before}\n`;
  await writeFile(file, `${body}\n${text}\n`);
  return body.split('\n').length + 1;
}

const warningsOf = (result: Awaited<ReturnType<typeof build>>, relPath: string) =>
  result.files
    .filter((f) => f.path === relPath)
    .flatMap((f) => f.messages.filter((m) => m.ruleId === 'missing-resource' || m.ruleId === 'resource-not-published'));

describe('pictures of content/', () => {
  it('does not look for a link to another site among the site’s files, on a site at a domain’s root', async () => {
    const dir = await project();
    const siteFile = path.join(dir, 'content', 'site.yml');
    await writeFile(siteFile, (await readFile(siteFile, 'utf8')).replace(/^baseUrl: .*$/m, 'baseUrl: https://example.gov.cn/'));
    await addLine(dir, '全文见[全国人大网](https://www.npc.gov.cn/npc/c2/index.html)，另见[第9期](../09/)和[缺的一期](../07/)。');
    const result = await build({ projectDir: dir });
    expect(warningsOf(result, 'content/2019/10.md').map((m) => m.reason)).toEqual([expect.stringContaining('找不到页面 ../07/')]);
  });

  it('are published where the page loads them: beside the issue file, or in the issue’s own folder', async () => {
    const dir = await project();
    await addLine(dir, '![会议现场](现场照片.png)\n\n[附件](附件/通知.pdf)');
    await mkdir(path.join(dir, 'content', '2019', '10', '附件'), { recursive: true });
    await writeFile(path.join(dir, 'content', '2019', '10', '现场照片.png'), PNG);
    await writeFile(path.join(dir, 'content', '2019', '10', '附件', '通知.pdf'), '%PDF-1.4');
    // A folder named like a picture is looked into, not published.
    await mkdir(path.join(dir, 'content', '2019', '10', '相册.png', '一'), { recursive: true });
    await writeFile(path.join(dir, 'content', '2019', '10', '相册.png', '一', '甲.jpg'), PNG);
    await mkdir(path.join(dir, 'content', '2019', '旧照.png'));
    const result = await build({ projectDir: dir, cacheDir: false, search: false });
    expect(result.ok).toBe(true);
    expect(warningsOf(result, 'content/2019/10.md')).toEqual([]);
    const site = result.output!;
    expect(Buffer.from(site.get('2019/10/现场照片.png')!)).toEqual(PNG);
    expect(String(site.get('2019/10/附件/通知.pdf'))).toBe('%PDF-1.4');
    expect(site.has('2019/10/相册.png/一/甲.jpg')).toBe(true);
    expect(result.files.flatMap((f) => f.messages).filter((m) => m.ruleId === 'resource-not-published')).toEqual([]);
    // The page's address, read as the browser reads it from the page, is the file published.
    const page = String(site.get('2019/10/index.html'));
    const src = /<img[^>]* src="([^"]+)"/.exec(page)![1]!;
    expect(lookUp(site, new URL(src, 'https://example.gov.cn/lldt/2019/10/').pathname, '/lldt/')).toEqual({ file: '2019/10/现场照片.png' });
  });

  it('a picture directly in the year’s folder is published in that year’s folder', async () => {
    const dir = await project();
    await addLine(dir, '![会议现场](../现场照片.png)');
    await writeFile(path.join(dir, 'content', '2019', '现场照片.png'), PNG);
    const result = await build({ projectDir: dir, cacheDir: false, search: false });
    expect(warningsOf(result, 'content/2019/10.md')).toEqual([]);
    expect(result.output!.has('2019/现场照片.png')).toBe(true);
  });

  it('a missing picture is warned of at its line, with where to put it; the build still publishes', async () => {
    const dir = await project();
    const line = await addLine(dir, '![会议现场](现场照片.png)');
    const result = await build({ projectDir: dir, cacheDir: false, search: false });
    expect(result.ok).toBe(true);
    const [warning, ...others] = warningsOf(result, 'content/2019/10.md');
    expect(others).toEqual([]);
    expect(warning!.fatal).toBe(false);
    expect(warning!.line).toBe(line);
    expect(warning!.reason).toBe('找不到图片 现场照片.png：请把它放到 content/2019/10/现场照片.png（与页面 2019/10/ 对应），或改正文件名');
  });

  it('a missing attachment or page linked to is warned of; the site’s own pages and assets are not', async () => {
    const dir = await project();
    const line = await addLine(dir, '[通知](../09/通知.pdf)、[旧一期](../../2017/03/)、[上一期](../09/)、[往期](/lldt/archive/)、[本年](../)');
    const result = await build({ projectDir: dir, cacheDir: false, search: false });
    const reasons = warningsOf(result, 'content/2019/10.md').map((m) => [m.line, m.reason]);
    expect(reasons).toEqual([
      [line, '找不到文件 ../09/通知.pdf：请把它放到 content/2019/09/通知.pdf，或改正文件名'],
      [line, '找不到页面 ../../2017/03/：网站里没有页面 2017/03/（那一期没有发布，或地址写错了），请改正地址'],
    ]);
  });

  it('a draft left out of the site is checked too, its links to itself found', async () => {
    const dir = await project();
    const file = path.join(dir, 'content', '2019', '10.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^issue: 10$/m, 'issue: 10\ndraft: true'));
    const line = await addLine(dir, '![会议现场](现场照片.png)[本期](./)[开头](#top)');
    const result = await build({ projectDir: dir, cacheDir: false, search: false });
    expect(result.output!.has('2019/10/index.html')).toBe(false);
    expect(warningsOf(result, 'content/2019/10.md').map((m) => [m.line, m.reason.split('：')[0]])).toEqual([[line, '找不到图片 现场照片.png']]);
  });

  it('a link, one out of the project, or a file over the limit is not published, and is named', async () => {
    const dir = await project();
    const outside = await mkdtemp(path.join(tmpdir(), 'lldt-outside-'));
    await writeFile(path.join(outside, 'secret.png'), PNG);
    await mkdir(path.join(dir, 'content', '2019', '10'));
    await writeFile(path.join(dir, 'content', '2019', '10', 'real.png'), PNG);
    // A link to a file outside the project, and one to a file inside it: neither is followed.
    await symlink(path.join(outside, 'secret.png'), path.join(dir, 'content', '2019', '10', 'out.png'));
    await symlink(path.join(dir, 'content', '2019', '10', 'real.png'), path.join(dir, 'content', '2019', '10', 'in.png'));
    // A year folder that is a link out of the project: its pictures are not read.
    await mkdir(path.join(outside, '2020'));
    await writeFile(path.join(outside, '2020', 'x.png'), PNG);
    await symlink(path.join(outside, '2020'), path.join(dir, 'content', '2020'));
    await writeFile(path.join(dir, 'content', '2019', 'big.png'), Buffer.alloc(MAX_PUBLISHED_BYTES + 1));
    const line = await addLine(dir, '![甲](out.png)![乙](in.png)![丙](real.png)');
    const result = await build({ projectDir: dir, cacheDir: false, search: false });
    expect(result.ok).toBe(true);
    const site = result.output!;
    expect([...site.keys()].filter((file) => file.endsWith('.png'))).toEqual(['2019/10/real.png']);
    const named = (relPath: string) => warningsOf(result, relPath).map((m) => m.reason);
    expect(named('content/2019/10/out.png')).toEqual([expect.stringMatching(/^这个文件没有发布：它是链接/)]);
    expect(named('content/2019/10/in.png')).toEqual([expect.stringMatching(/^这个文件没有发布：它是链接/)]);
    expect(named('content/2020/x.png')).toEqual([expect.stringContaining(`指向项目以外（${path.join(outside, '2020', 'x.png')}）`)]);
    expect(named('content/2019/big.png')).toEqual([expect.stringContaining('超过 20 MB')]);
    expect(warningsOf(result, 'content/2019/10.md').map((m) => [m.line, m.reason.split('：')[0]])).toEqual([
      [line, '找不到图片 out.png'],
      [line, '找不到图片 in.png'],
    ]);
    await rm(outside, { recursive: true, force: true });
  });
});

describe('an incremental build after adding or removing a picture', () => {
  it('equals a cold build, and the up-to-date build tells the warning again', async () => {
    const dir = await project();
    const cacheDir = path.join(dir, '.cache', 'build');
    await addLine(dir, '![会议现场](现场照片.png)');
    const cold = async () => {
      const out = await mkdtemp(path.join(tmpdir(), 'lldt-cold-'));
      await build({ projectDir: dir, cacheDir: false, write: true, outDir: path.join(out, 'dist'), search: false });
      const tree = await readTree(path.join(out, 'dist'));
      tree.delete(OUTPUT_MARKER);
      return tree;
    };
    const warm = async () => {
      const result = await build({ projectDir: dir, cacheDir, write: true, search: false });
      const tree = await readTree(path.join(dir, 'dist'));
      tree.delete(OUTPUT_MARKER);
      return { result, tree };
    };
    const first = await warm();
    expect(warningsOf(first.result, 'content/2019/10.md')).toHaveLength(1);
    const again = await warm();
    expect(again.result.upToDate).toBe(true);
    expect(warningsOf(again.result, 'content/2019/10.md')).toHaveLength(1);

    await mkdir(path.join(dir, 'content', '2019', '10'));
    await writeFile(path.join(dir, 'content', '2019', '10', '现场照片.png'), PNG);
    const added = await warm();
    expect(added.result.upToDate).toBe(false);
    expect(warningsOf(added.result, 'content/2019/10.md')).toEqual([]);
    expect(added.tree.has('2019/10/现场照片.png')).toBe(true);
    expect(added.tree).toEqual(await cold());

    await appendFile(path.join(dir, 'content', '2019', '10', '现场照片.png'), '改过');
    const changed = await warm();
    expect(Buffer.from(changed.tree.get('2019/10/现场照片.png')!, 'base64').toString('latin1')).toContain(Buffer.from('改过').toString('latin1'));
    expect(changed.tree).toEqual(await cold());

    await rm(path.join(dir, 'content', '2019', '10'), { recursive: true });
    const removed = await warm();
    expect(removed.tree.has('2019/10/现场照片.png')).toBe(false);
    expect(warningsOf(removed.result, 'content/2019/10.md')).toHaveLength(1);
    expect(removed.tree).toEqual(await cold());
  });
});

describe('the dev server', () => {
  it('serves a picture added, changed and removed as the build publishes it', async () => {
    const dir = await project();
    await addLine(dir, '![会议现场](现场照片.png)');
    const { project: devSite, writer } = devProject(dir);
    const first = await applySaves(devSite, writer);
    expect(first.report).toContain('找不到图片 现场照片.png');
    const picture = path.join(dir, 'content', '2019', '10', '现场照片.png');
    await mkdir(path.dirname(picture));
    await writeFile(picture, PNG);
    const update = await applySaves(devSite, writer, ['content/2019/10/', 'content/2019/10/现场照片.png']);
    expect(update.changed).toContain('2019/10/现场照片.png');
    expect(update.report).not.toContain('找不到图片');
    expect(lookUp(writer.output, '/lldt/2019/10/%E7%8E%B0%E5%9C%BA%E7%85%A7%E7%89%87.png', '/lldt/')).toEqual({ file: '2019/10/现场照片.png' });
    const built = await build({ projectDir: dir, cacheDir: false, search: false, drafts: true });
    const withoutSearch = (site: Map<string, string | Uint8Array>) =>
      new Map([...site].filter(([file]) => !file.startsWith('pagefind/')).map(([file, content]) => [file, Buffer.from(content).toString('base64')]));
    expect(withoutSearch(writer.output)).toEqual(withoutSearch(built.output!));

    await rm(picture);
    const removed = await applySaves(devSite, writer, ['content/2019/10/现场照片.png']);
    expect(removed.changed).toContain('2019/10/现场照片.png');
    expect(writer.output.has('2019/10/现场照片.png')).toBe(false);
    expect(removed.report).toContain('找不到图片 现场照片.png');
  });
});

describe('the bytes of pictures', () => {
  /** Three pictures in content/2019/10/, each of its own bytes; their paths in the project. */
  async function pictures(dir: string): Promise<string[]> {
    await mkdir(path.join(dir, 'content', '2019', '10'));
    const relPaths = ['甲.png', '乙.png', '丙.png'].map((name) => path.join('content', '2019', '10', name));
    for (const [i, relPath] of relPaths.entries()) await writeFile(path.join(dir, relPath), Buffer.concat([PNG, Buffer.from(`第${i}张`)]));
    return relPaths;
  }

  it('are read only when the cache has no hash for the file as it is now: never twice for a file left as it was', async () => {
    const dir = await project();
    const relPaths = await pictures(dir);
    const cacheDir = path.join(dir, '.cache', 'build');
    const find = () => readPublished(dir, relPaths, new Cache(cacheDir));
    const first = await find();
    expect(first.read).toEqual(relPaths);
    const again = await find();
    expect(again.read).toEqual([]);
    expect(again.key).toEqual(first.key);
    // Read when asked for, as they are, with the hash the key was made of.
    expect(Buffer.from(again.files.get('2019/10/乙.png')!)).toEqual(await readFile(path.join(dir, relPaths[1]!)));
    expect(Object.fromEntries(again.key)[relPaths[1]!]).toBe(again.files.hashOf('2019/10/乙.png'));
    // Touched: read again, and its hash is what it was.
    const [a, b, c] = relPaths.map((relPath) => path.join(dir, relPath)) as [string, string, string];
    await utimes(a, new Date(), new Date(Date.now() + 5000));
    const touched = await find();
    expect(touched.read).toEqual([relPaths[0]]);
    expect(touched.key).toEqual(first.key);
    // Changed to bytes of the same length, its modification time set back: read again all the same.
    const { atime, mtime } = await stat(b);
    await writeFile(b, Buffer.concat([PNG, Buffer.from('第9张')]));
    await utimes(b, atime, mtime);
    const changed = await find();
    expect(changed.read).toEqual([relPaths[1]]);
    expect(changed.key[1]).not.toEqual(first.key[1]);
    // Replaced by a link to a file out of the project, same size: not followed, not published, whatever the cache holds.
    const outside = await mkdtemp(path.join(tmpdir(), 'lldt-outside-'));
    await writeFile(path.join(outside, 'secret.png'), await readFile(c));
    await rm(c);
    await symlink(path.join(outside, 'secret.png'), c);
    const linked = await find();
    expect(linked.files.has('2019/10/丙.png')).toBe(false);
    expect(linked.refused.map((f) => f.path)).toEqual([relPaths[2]]);
    await rm(outside, { recursive: true, force: true });
  });

  it('one removed after the build found it, before its bytes were read: the build stops, says so in Chinese, and publishes nothing', async () => {
    const dir = await project();
    const relPaths = await pictures(dir);
    const out = path.join(dir, 'dist');
    const first = new Project({ projectDir: dir });
    expect((await first.run({ writer: new DiskWriter(out, dir, first.cache), search: false })).ok).toBe(true);
    // A new output folder, the pictures' hashes in the cache: their bytes are read only to be published.
    await rm(out, { recursive: true });
    const gone = path.join(dir, relPaths[1]!);
    class RemovesAPicture extends DiskWriter {
      override async begin(): Promise<void> {
        await rm(gone);
        return super.begin();
      }
    }
    const site = new Project({ projectDir: dir });
    const failed = await site.run({ writer: new RemovesAPicture(out, dir, site.cache), search: false }).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(Failure);
    expect((failed as Failure).format()).toContain(`${relPaths[1]!.split(path.sep).join('/')} 在生成网站的过程中被删除`);
    expect((failed as Failure).exitCode).toBe(75);
    expect(await stat(out).catch(() => undefined)).toBeUndefined();
    expect((await readdir(dir)).filter((name) => name.startsWith('.dist-'))).toEqual([]);
  });

  it('a build with nothing changed reads none; one after an edit keeps them in the site as they were', async () => {
    const dir = await project();
    const relPaths = await pictures(dir);
    const out = path.join(dir, 'dist');
    const run = async () => {
      const site = new Project({ projectDir: dir });
      const result = await site.run({ writer: new DiskWriter(out, dir, site.cache), search: false });
      expect(result.ok).toBe(true);
      return { result, lookups: site.cache!.lookups.pictures };
    };
    expect((await run()).lookups).toEqual({ hits: 0, misses: 3 });
    const warm = await run();
    expect(warm.result.upToDate).toBe(true);
    expect(warm.lookups).toEqual({ hits: 3, misses: 0 });
    const published = path.join(out, '2019', '10', '甲.png');
    const before = await stat(published);
    await addLine(dir, '![甲](甲.png)');
    const edited = await run();
    expect(edited.result.upToDate).toBe(false);
    expect(edited.lookups).toEqual({ hits: 3, misses: 0 });
    expect(edited.result.changed).toContain('2019/10/index.html');
    expect(edited.result.changed.filter((file) => file.endsWith('.png'))).toEqual([]);
    // Kept: the file the last build published, linked into the new version.
    expect((await stat(published)).ino).toBe(before.ino);
    // A picture saved anew (a new file renamed over it) is read and published.
    await writeFile(`${path.join(dir, relPaths[0]!)}.tmp`, Buffer.concat([PNG, Buffer.from('新的')]));
    await rename(`${path.join(dir, relPaths[0]!)}.tmp`, path.join(dir, relPaths[0]!));
    const saved = await run();
    expect(saved.lookups).toEqual({ hits: 2, misses: 1 });
    expect(saved.result.changed.filter((file) => file.endsWith('.png'))).toEqual(['2019/10/甲.png']);
    expect(await readFile(published)).toEqual(Buffer.concat([PNG, Buffer.from('新的')]));
  });
});
