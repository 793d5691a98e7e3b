import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DAMAGES } from '../../test/damage.ts';
import { Cache, hashOf, hashOfValue, openEntry, sealEntry } from './cache.ts';

const isPair = (v: unknown): v is { a: number; b: string } =>
  typeof v === 'object' && v !== null && typeof (v as { a: unknown }).a === 'number' && typeof (v as { b: unknown }).b === 'string';

describe('cache entries', () => {
  it('read back exactly what was written', () => {
    const payload = Buffer.from('联络动态');
    expect(openEntry(sealEntry(payload))).toEqual(payload);
  });

  for (const [name, damage] of Object.entries(DAMAGES)) {
    it(`are a miss, removed, when ${name}`, async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'lldt-cache-'));
      const cache = new Cache(dir);
      await cache.writeValue('issues', 'key', { a: 1, b: '期' });
      const file = path.join(dir, 'issues', 'key.entry');
      await writeFile(file, damage(await readFile(file)));
      expect(await cache.readValue('issues', 'key', isPair)).toBeUndefined();
      expect(await readdir(path.join(dir, 'issues'))).toEqual([]);
    });
  }

  // Issue 23, class 4: an entry that is no regular file never hangs the build.
  it.each([
    ['a link to an endless device', (file: string) => symlink('/dev/zero', file)],
    ['a link to a device that never answers', (file: string) => symlink('/dev/random', file)],
    ['a FIFO', async (file: string) => execFileSync('mkfifo', [file])],
    [
      'a link to a FIFO',
      async (file: string) => {
        execFileSync('mkfifo', [`${file}.fifo`]);
        await symlink(`${file}.fifo`, file);
      },
    ],
    [
      'a link to a valid entry elsewhere',
      async (file: string) => {
        const other = new Cache(await mkdtemp(path.join(tmpdir(), 'lldt-cache-')));
        await other.writeValue('issues', 'key', { a: 1, b: '期' });
        await symlink(path.join(other.dir, 'issues', 'key.entry'), file);
      },
    ],
    ['a folder', async (file: string) => execFileSync('mkdir', [file])],
  ])('are a miss, at once, when the entry is %s', async (_, make) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'lldt-cache-'));
    const cache = new Cache(dir);
    await cache.writeValue('issues', 'key', { a: 1, b: '期' });
    const file = path.join(dir, 'issues', 'key.entry');
    await rm(file);
    await make(file);
    const fresh = new Cache(dir);
    expect(await fresh.readValue('issues', 'key', isPair)).toBeUndefined();
    expect(await fresh.read('issues', 'key')).toBeUndefined();
    // Made again: the next read is a hit.
    await fresh.writeValue('issues', 'key', { a: 2, b: '期' });
    expect(await fresh.readValue('issues', 'key', isPair)).toEqual({ a: 2, b: '期' });
  });

  it('are a miss when whole but of the wrong shape', async () => {
    const cache = new Cache(await mkdtemp(path.join(tmpdir(), 'lldt-cache-')));
    await cache.writeValue('issues', 'key', { a: '1', b: '期' });
    expect(await cache.readValue('issues', 'key', isPair)).toBeUndefined();
  });

  it('count as hits when found whole and of the right shape, and as misses otherwise', async () => {
    const cache = new Cache(await mkdtemp(path.join(tmpdir(), 'lldt-cache-')));
    await cache.writeValue('issues', 'good', { a: 1, b: '期' });
    await cache.writeValue('issues', 'wrong shape', { a: '1', b: '期' });
    await cache.write('issues', 'bytes', '期');
    await cache.readValue('issues', 'good', isPair);
    await cache.readValue('issues', 'wrong shape', isPair);
    await cache.readValue('issues', 'missing', isPair);
    await cache.read('issues', 'bytes');
    await cache.read('issues', 'missing');
    expect(cache.lookups).toEqual({ issues: { hits: 2, misses: 3 } });
  });

  it('are known to be stored, by key, without being read', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'lldt-cache-'));
    await new Cache(dir).writeValue('search', 'stored', { a: 1, b: '期' });
    const fresh = new Cache(dir);
    expect(await fresh.has('search', 'stored')).toBe(true);
    expect(await fresh.has('search', 'other')).toBe(false);
    expect(fresh.lookups.search).toBeUndefined();
    await rm(dir, { recursive: true, force: true });
  });

  it('are skipped when the cache cannot be written', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'lldt-cache-')), 'a-file');
    await writeFile(file, '');
    const cache = new Cache(file);
    await cache.writeValue('issues', 'key', { a: 1, b: '期' });
    expect(await cache.readValue('issues', 'key', isPair)).toBeUndefined();
  });
});

describe('hashOfValue', () => {
  it('hashes a value’s JSON: equal values, equal hashes; another value, another hash', () => {
    const issue = { total: 583, articles: [{ id: 'article-1' }] };
    expect(hashOfValue(issue)).toBe(hashOf(JSON.stringify(issue)));
    expect(hashOfValue({ total: 583, articles: [{ id: 'article-1' }] })).toBe(hashOfValue(issue));
    expect(hashOfValue({ total: 584, articles: [{ id: 'article-1' }] })).not.toBe(hashOfValue(issue));
  });
});
