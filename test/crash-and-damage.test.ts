// What an unlucky office does to a build: kills it anywhere, damages its cache. After each,
// the next build publishes a site byte-identical to a cold build, and leaves no folder behind.
import { spawn } from 'node:child_process';
import { link, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiskWriter } from '../src/pipeline/disk-writer.ts';
import { Project } from '../src/pipeline/project.ts';
import { build } from './build.ts';
import { CLI, copyProject } from './cli.ts';
import { DAMAGES } from './damage.ts';
import { readTree } from './site.ts';
import { scaled } from './time-limit.ts';

async function coldTree(dir: string): Promise<Map<string, string>> {
  const cold = path.join(dir, 'dist-cold');
  expect((await build({ projectDir: dir, outDir: cold, write: true, cacheDir: false })).ok).toBe(true);
  return readTree(cold);
}

async function cacheEntries(dir: string): Promise<string[]> {
  const root = path.join(dir, '.cache', 'build');
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.entry')).map((e) => path.join(e.parentPath, e.name));
}

describe('a damaged cache only costs time', () => {
  it.each(Object.keys(DAMAGES))('every entry %s: the next build is the cold build', async (damage) => {
    const dir = await copyProject();
    await writeFile(path.join(dir, 'content', '2019', '现场照片.png'), '一张照片的字节');
    const dist = { projectDir: dir, outDir: path.join(dir, 'dist'), write: true };
    expect((await build(dist)).ok).toBe(true);
    // Every kind of entry: parsed issues with their articles, the templates compiled, search index parts, the files of the published folder, the run's record, a picture's hash.
    const entries = await cacheEntries(dir);
    expect(new Set(entries.map((e) => path.basename(path.dirname(e))))).toEqual(new Set(['issues', 'templates', 'search', 'output', 'record', 'pictures']));
    for (const entry of entries) await writeFile(entry, DAMAGES[damage]!(await readFile(entry)));
    const after = await build(dist);
    expect(after.ok).toBe(true);
    expect(await readTree(path.join(dir, 'dist'))).toEqual(await coldTree(dir));
  });

  it('valid entries of the wrong shape are misses too', async () => {
    const dir = await copyProject();
    const dist = { projectDir: dir, outDir: path.join(dir, 'dist'), write: true };
    expect((await build(dist)).ok).toBe(true);
    const { sealEntry } = await import('../src/cache/cache.ts');
    for (const [i, entry] of (await cacheEntries(dir)).entries()) {
      const wrong = [
        { articles: [], messages: [] },
        { parsed: { meta: { issue: 9 } }, articles: [{ id: 1 }], messages: [] },
        [['pagefind.js', 5]],
        { files: { 'index.html': 3 } },
        { files: {}, stamp: { key: 'k', summary: { issues: 1, pages: 1, pdfs: [], drafts: [], messages: [] }, render: { key: 'k', issues: [{ source: 1 }] } } },
        { files: { '../outside.html': { hash: 'x', size: 1, mtimeMs: 1 } } },
      ][i % 6];
      await writeFile(entry, sealEntry(Buffer.from(JSON.stringify(wrong))));
    }
    expect((await build(dist)).ok).toBe(true);
    expect(await readTree(path.join(dir, 'dist'))).toEqual(await coldTree(dir));
  });
});

/** Runs npm run build and kills it with SIGKILL after `ms` milliseconds (or lets it finish). */
function buildKilledAfter(dir: string, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'build'], { cwd: dir, stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

describe('a build killed at any point', () => {
  it(
    'leaves the published site or the new one, and the next build restores the cold build with no leftovers',
    async () => {
      const dir = await copyProject();
      await buildKilledAfter(dir, scaled(60_000));
      // Seeded, so a failure can be replayed: kill points spread over the whole build.
      let seed = 9;
      const next = () => {
        seed = (seed * 48271) % 2147483647;
        return seed / 2147483647;
      };
      for (let round = 0; round < 20; round++) {
        // Each round changes the content, so the build has work to do when it is killed.
        const issue = path.join(dir, 'content', '2019', '09.md');
        await writeFile(issue, `${await readFile(issue, 'utf8')}\n第 ${round} 次补充的一段。\n`);
        await buildKilledAfter(dir, 80 + Math.floor(next() * 900));
        // Whatever the kill left, the published folder is a whole site, the old or the new.
        const published = await readdir(path.join(dir, 'dist')).catch(() => [] as string[]);
        if (published.length > 0) expect(published).toContain('index.html');
      }
      await buildKilledAfter(dir, scaled(60_000));
      expect(await readTree(path.join(dir, 'dist'))).toEqual(await coldTree(dir));
      expect((await readdir(dir)).filter((name) => name.startsWith('.dist-'))).toEqual([]);
    },
    scaled(240_000),
  );
});

describe('a file put into the output folder while the build runs', () => {
  it('is kept with the old site, set aside beside the new one, and the build says where', async () => {
    const dir = await copyProject();
    expect((await build({ projectDir: dir, write: true, search: false })).ok).toBe(true);
    const out = path.join(dir, 'dist');
    await writeFile(
      path.join(dir, 'content', '2019', '09.md'),
      (await readFile(path.join(dir, 'content', '2019', '09.md'), 'utf8')).replace('各地坚持抓好', '各地始终坚持抓好'),
    );
    const project = new Project({ projectDir: dir });
    let dropped = false;
    // Each file the build keeps is linked; at the first, an editor saves a document into dist/.
    const linkThenDrop = async (existing: string, newPath: string) => {
      await link(existing, newPath);
      if (!dropped) await writeFile(path.join(out, '通知.docx'), '编辑的文件');
      dropped = true;
    };
    const result = await project.run({ writer: new DiskWriter(out, dir, project.cache, linkThenDrop), search: false });
    expect(result.ok).toBe(true);
    const warnings = result.files.flatMap((f) => f.messages.filter((m) => m.ruleId === 'output-folder-set-aside').map((m) => `${f.path} ${m.reason}`));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('生成期间 dist 里多了不是本程序生成的文件：dist/通知.docx');
    const aside = (await readdir(dir)).find((name) => name.startsWith('dist-旧网站-'))!;
    expect(warnings[0]).toContain(`留在 ${aside}`);
    expect(await readFile(path.join(dir, aside, '通知.docx'), 'utf8')).toBe('编辑的文件');
    expect(await readFile(path.join(out, '2019', '09', 'index.html'), 'utf8')).toContain('各地始终坚持抓好');
  });
});
