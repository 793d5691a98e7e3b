import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSite } from './write-site.ts';

describe('writeSite', () => {
  it('replaces the whole output folder, leaving no stale files and no staging folders', async () => {
    const parent = await mkdtemp(path.join(tmpdir(), 'lldt-write-'));
    const out = path.join(parent, 'dist');
    await mkdir(out);
    await writeFile(path.join(out, 'stale.html'), 'old');
    await writeSite(out, new Map([['index.html', 'new'], ['2019/09/index.html', 'issue']]));
    expect((await readdir(out, { recursive: true })).sort()).toEqual(['2019', '2019/09', '2019/09/index.html', 'index.html']);
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
