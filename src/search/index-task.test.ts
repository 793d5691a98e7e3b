import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Failure } from '../messages/failure.ts';
import { runTask, withWorkers } from '../workers/pool.ts';
import type { IndexJob } from './index-task.ts';
import { closePagefind, type Documents, type IndexFiles, indexWithPagefind } from './run-pagefind.ts';
import { splitChunks } from './split-chunks.ts';

const part = (n: number): Documents => [
  {
    url: `/2019/${n}/#article-1`,
    content: `<!DOCTYPE html><html lang="zh-CN"><head><title>第${n}期</title></head><body><h1>第${n}期</h1><p>代表工作 ${n} 危桥重建</p></body></html>`,
  },
];

const index = (documents: Documents, background = false) => runTask<IndexJob, IndexFiles>('search', { work: '总第1–100期', documents }, { background });
const base64 = (files: IndexFiles) => files.map(([file, bytes]) => [file, Buffer.from(bytes).toString('base64')]);

describe('the search index task', () => {
  afterEach(closePagefind);

  it('indexes several parts side by side into the files Pagefind makes of each in this thread, their chunks cut small', async () => {
    const parts = [1, 2, 3, 4, 5].map(part);
    const fromPool = await withWorkers('search', {}, () => Promise.all(parts.map((documents) => index(documents))));
    for (const [i, documents] of parts.entries()) {
      expect(base64(fromPool[i]!)).toEqual(base64(splitChunks(await indexWithPagefind('总第1–100期', documents))));
    }
  });

  it('indexes in the background lane too, and again once the lane’s threads have ended', async () => {
    expect((await withWorkers('search', { background: true }, () => index(part(6), true))).length).toBeGreaterThan(0);
    expect((await withWorkers('search', { background: true }, () => index(part(7), true))).length).toBeGreaterThan(0);
  });

  describe('with a Pagefind that crashes mid-run', () => {
    const env = process.env.PAGEFIND_BINARY_PATH;
    afterEach(() => {
      if (env === undefined) delete process.env.PAGEFIND_BINARY_PATH;
      else process.env.PAGEFIND_BINARY_PATH = env;
    });

    it('fails the part with the catalogue’s message naming it, and the next part, with Pagefind working, indexes', async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'lldt-fake-'));
      try {
        const program = path.join(dir, 'pagefind');
        await writeFile(program, `#!/bin/sh\nif [ "$1" = --version ]; then echo "pagefind 1.6.0"; exit 0; fi\necho '!!garbage!!,'\nexec sleep 1000\n`);
        await chmod(program, 0o755);
        // A thread takes the environment as it is when it starts: the lane's threads start in withWorkers.
        process.env.PAGEFIND_BINARY_PATH = program;
        const failed = await withWorkers('search', {}, () => index(part(8)).catch((error: unknown) => error));
        expect(failed).toBeInstanceOf(Failure);
        expect((failed as Failure).rule).toBe('search-crashed');
        expect((failed as Failure).message).toContain('为总第1–100期建立搜索索引时，Pagefind 意外退出');
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
      if (env === undefined) delete process.env.PAGEFIND_BINARY_PATH;
      else process.env.PAGEFIND_BINARY_PATH = env;
      expect((await withWorkers('search', {}, () => index(part(9)))).length).toBeGreaterThan(0);
    });
  });
});
