// npm run build -- --timings: each stage's time and the build cache's hits, as an editor sees them.
import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, copyProject } from './cli.ts';
import { PROJECT_DIR } from './site.ts';

/** The hits/lookups column of a stage's row, by its label. */
function lookupsOf(stdout: string, label: string): string | undefined {
  const row = stdout.split('\n').find((line) => line.endsWith(`  ${label}`));
  return row?.trim().split(/\s+/)[2];
}

describe('npm run build -- --timings', () => {
  it('lists every stage with its time, and the articles come from the cache on the second build', async () => {
    const dir = await copyProject();
    const first = await cli(dir, 'build', '--timings');
    expect(first.code).toBe(0);
    for (const label of [
      '0 启动（Node 与程序载入）',
      '1 读取稿件',
      '2 解析',
      '3 全刊检查',
      '4 正文排版',
      '6 PDF',
      '7 生成页面',
      '8 搜索索引',
      '9 写出网站',
      '合计',
    ]) {
      expect(first.stdout).toMatch(new RegExp(`^ +\\d+\\.\\d\\d 秒 +\\S+  ${label.replace(/[()（）]/g, '\\$&')}$`, 'm'));
    }
    expect(lookupsOf(first.stdout, '4 正文排版')).toBe('0/4');
    expect(lookupsOf(first.stdout, '8 搜索索引')).toBe('0/1');

    // A template changed: the pages are made again, the articles and the index come from the cache.
    await appendFile(path.join(dir, 'templates', 'base.njk'), '\n');
    const second = await cli(dir, 'build', '--timings');
    expect(second.code).toBe(0);
    expect(lookupsOf(second.stdout, '4 正文排版')).toBe('4/4');
    expect(lookupsOf(second.stdout, '8 搜索索引')).toBe('1/1');

    // Nothing changed: the build reads the sources, finds the site as it would make it, and stops.
    const third = await cli(dir, 'build', '--timings');
    expect(third.stdout).toContain('网站已是最新');
    expect(lookupsOf(third.stdout, '4 正文排版')).toBeUndefined();
  });

  it('prints nothing of it without the option', async () => {
    const dir = await copyProject();
    const { code, stdout } = await cli(dir, 'build');
    expect(code).toBe(0);
    expect(stdout).not.toContain('各阶段用时');
  });

  it('is in the help of build, check and pdf', async () => {
    for (const command of ['build', 'check', 'pdf']) {
      const { stdout } = await cli(PROJECT_DIR, command, '--help');
      expect(stdout).toContain('--timings');
    }
  });
});
