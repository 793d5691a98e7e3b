import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MINIMAL_SITE } from '../../test/site.ts';
import { Cache } from '../cache/cache.ts';
import type { RawSource } from '../content/load-content.ts';
import { parseAndRender } from './parse-and-render.ts';

/** The sample site of the tests (never the project's own content/, an office's real archive). */
const PROJECT = path.resolve(import.meta.dirname, '../../test/fixtures/sample');
const SAMPLE = path.join(PROJECT, 'content', '2019', '09.md');

/** n issue files, each of its own: 期号 1…n, with a sentence that says which. */
async function issues(n: number, changed: ReadonlySet<number> = new Set()): Promise<RawSource[]> {
  const text = await readFile(SAMPLE, 'utf8');
  return Array.from({ length: n }, (_, i) => {
    const number = i + 1;
    const body = text.replace(/^issue: \d+$/m, `issue: ${number}`).replace('。', changed.has(number) ? `。第${number}份，改过。` : `。第${number}份。`);
    return { relPath: `content/2031/${String(number).padStart(2, '0')}.md`, read: { ok: true, bytes: Buffer.from(body) } };
  });
}

async function newCache(): Promise<Cache> {
  return new Cache(await mkdtemp(path.join(tmpdir(), 'lldt-packs-')));
}

const packFiles = async (cache: Cache) => (await readdir(path.join(cache.dir, 'issues'))).filter((name) => name.endsWith('.entry')).sort();

/** Parses with a fresh Cache object on the same folder, as a new build would. */
async function parse(dir: string, raws: RawSource[], prune = true) {
  const cache = new Cache(dir);
  const results = await parseAndRender(PROJECT, raws, { site: MINIMAL_SITE, toolVersion: 'test', cache, prune, packSize: 4 });
  return { cache, results };
}

const bodies = (results: Awaited<ReturnType<typeof parseAndRender>>) => results.map((r) => r.articles?.map((a) => a.html).join(''));

describe('the issues kept in packs', () => {
  it('keeps the issues rendered together in packs of packSize, and takes them all back', async () => {
    const { dir } = await newCache();
    const first = await parse(dir, await issues(10));
    expect(await packFiles(first.cache)).toHaveLength(3);
    expect(first.cache.lookups.issues).toEqual({ hits: 0, misses: 10 });
    const again = await parse(dir, await issues(10));
    expect(again.cache.lookups.issues).toEqual({ hits: 10, misses: 0 });
    expect(bodies(again.results)).toEqual(bodies(first.results));
    expect(bodies(again.results)[6]).toContain('第7份');
  });

  it('keeps a pack that still holds most issues wanted; packs again those of one that holds few', async () => {
    const { dir } = await newCache();
    const first = await parse(dir, await issues(8));
    const packs = await packFiles(first.cache);
    expect(packs).toHaveLength(2);
    // One issue of the first four changed: its pack holds three still wanted, and is kept.
    const one = await parse(dir, await issues(8, new Set([2])));
    expect(one.cache.lookups.issues).toEqual({ hits: 7, misses: 1 });
    expect(bodies(one.results)[1]).toContain('第2份，改过');
    const afterOne = await packFiles(one.cache);
    expect(afterOne).toHaveLength(3);
    expect(afterOne).toEqual(expect.arrayContaining(packs));
    // Two more of them changed: the pack holds one issue still wanted (期号 1), packed again with the new ones.
    const three = await parse(dir, await issues(8, new Set([2, 3, 4])));
    expect(three.cache.lookups.issues).toEqual({ hits: 6, misses: 2 });
    const afterThree = await packFiles(three.cache);
    expect(afterThree).toHaveLength(3);
    expect(afterThree.filter((name) => packs.includes(name))).toHaveLength(1);
    const last = await parse(dir, await issues(8, new Set([2, 3, 4])));
    expect(last.cache.lookups.issues).toEqual({ hits: 8, misses: 0 });
    expect(bodies(last.results)).toEqual(bodies(three.results));
  });

  it('packs again the small packs that pile up, one a build after an edit', async () => {
    const { dir } = await newCache();
    await parse(dir, await issues(8));
    const changed = new Set<number>();
    for (const number of [1, 2, 5, 6, 7]) {
      changed.add(number);
      await parse(dir, await issues(8, changed));
    }
    const last = await parse(dir, await issues(8, changed));
    expect(last.cache.lookups.issues).toEqual({ hits: 8, misses: 0 });
    expect((await packFiles(last.cache)).length).toBeLessThanOrEqual(2 + 4);
  });

  it('renders again the issues of a damaged pack, and only those', async () => {
    const { dir } = await newCache();
    const first = await parse(dir, await issues(8));
    const [damaged] = await packFiles(first.cache);
    const file = path.join(dir, 'issues', damaged!);
    const bytes = await readFile(file);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 10) ^ 0xff, bytes.length - 10);
    await writeFile(file, bytes);
    const again = await parse(dir, await issues(8));
    expect(again.cache.lookups.issues).toEqual({ hits: 4, misses: 4 });
    expect(bodies(again.results)).toEqual(bodies(first.results));
    expect((await parse(dir, await issues(8))).cache.lookups.issues).toEqual({ hits: 8, misses: 0 });
  });

  it('after a partial reading (the dev server after a save) adds a pack and removes none', async () => {
    const { dir } = await newCache();
    const first = await parse(dir, await issues(8));
    const packs = await packFiles(first.cache);
    const saved = (await issues(8, new Set([3])))[2]!;
    const partial = await parse(dir, [saved], false);
    expect(partial.cache.lookups.issues).toEqual({ hits: 0, misses: 1 });
    const after = await packFiles(partial.cache);
    expect(after).toHaveLength(3);
    expect(after).toEqual(expect.arrayContaining(packs));
    expect((await parse(dir, await issues(8, new Set([3])))).cache.lookups.issues).toEqual({ hits: 8, misses: 0 });
  });

  it('after saves in a row, finds an issue saved back as it was, in the pack that held it', async () => {
    const { dir } = await newCache();
    await parse(dir, await issues(8));
    // One process, as the dev server: two saves of 期号 3, then its first text again.
    const cache = new Cache(dir);
    const options = { site: MINIMAL_SITE, toolVersion: 'test', cache, prune: false, packSize: 4 };
    const saved = (await issues(8, new Set([3])))[2]!;
    const savedAgain = { ...saved, read: { ok: true as const, bytes: Buffer.from(`${(saved.read as { bytes: Buffer }).bytes}\n再改一处。\n`) } };
    for (const raw of [saved, savedAgain]) await parseAndRender(PROJECT, [raw], options);
    expect(cache.lookups.issues).toEqual({ hits: 0, misses: 2 });
    const [reverted] = await parseAndRender(PROJECT, [(await issues(8))[2]!], options);
    expect(cache.lookups.issues).toEqual({ hits: 1, misses: 2 });
    expect(reverted!.articles!.map((a) => a.html).join('')).toContain('第3份。');
  });

  it('reads no pack of another tool or other settings, and a build of them removes those', async () => {
    const { dir } = await newCache();
    await parse(dir, await issues(4));
    const other = new Cache(dir);
    await parseAndRender(PROJECT, await issues(4), { site: MINIMAL_SITE, toolVersion: 'another', cache: other, packSize: 4 });
    expect(other.lookups.issues).toEqual({ hits: 0, misses: 4 });
    expect(await packFiles(other)).toHaveLength(1);
  });
});
