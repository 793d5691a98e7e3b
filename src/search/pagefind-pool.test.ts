import { afterEach, describe, expect, it } from 'vitest';
import { PagefindPool } from './pagefind-pool.ts';
import { closePagefind, type Documents, indexWithPagefind } from './run-pagefind.ts';
import { splitChunks } from './split-chunks.ts';

const part = (n: number): Documents => [
  {
    url: `/2019/${n}/#article-1`,
    content: `<!DOCTYPE html><html lang="zh-CN"><head><title>第${n}期</title></head><body><h1>第${n}期</h1><p>代表工作 ${n} 危桥重建</p></body></html>`,
  },
];

describe('the Pagefind pool', () => {
  afterEach(closePagefind);

  it('indexes several parts side by side into the files Pagefind makes of each in this thread, their chunks cut small', async () => {
    const pool = new PagefindPool();
    try {
      const parts = [1, 2, 3, 4, 5].map(part);
      const fromPool = await Promise.all(parts.map((documents) => pool.index('总第1–100期', documents)));
      for (const [i, documents] of parts.entries()) {
        const here = splitChunks(await indexWithPagefind('总第1–100期', documents));
        expect(fromPool[i]!.map(([file, bytes]) => [file, Buffer.from(bytes).toString('base64')])).toEqual(
          here.map(([file, bytes]) => [file, Buffer.from(bytes).toString('base64')]),
        );
      }
    } finally {
      await pool.close();
    }
  });

  it('fails the parts still waiting when it is closed, and the parts after it still index', async () => {
    const pool = new PagefindPool();
    const settling = Promise.allSettled([1, 2, 3, 4, 5, 6].map((n) => pool.index('总第1–100期', part(n))));
    await pool.close();
    const settled = await settling;
    expect(settled.some((s) => s.status === 'rejected')).toBe(true);
    const again = new PagefindPool();
    try {
      expect((await again.index('总第1–100期', part(7))).length).toBeGreaterThan(0);
    } finally {
      await again.close();
    }
  });
});
