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
  it('lists every stage with its time, and the parsed issues and their articles come from the cache on the second build', async () => {
    const dir = await copyProject();
    const first = await cli(dir, 'build', '--timings');
    expect(first.code).toBe(0);
    for (const label of ['0 启动（Node 与程序载入）', '1 读取稿件', '2 解析与排版', '3 全刊检查', '5 PDF', '6 生成页面', '7 搜索索引', '8 写出网站', '合计']) {
      expect(first.stdout).toMatch(new RegExp(`^ +\\d+\\.\\d\\d 秒 +\\S+  ${label.replace(/[()（）]/g, '\\$&')}$`, 'm'));
    }
    expect(lookupsOf(first.stdout, '2 解析与排版')).toBe('0/4');
    // Two parts of the index: 2018's, and the latest year's of its own.
    expect(lookupsOf(first.stdout, '7 搜索索引')).toBe('0/2');

    // A template changed: the pages are made again, the issues and the index come from the cache.
    await appendFile(path.join(dir, 'templates', 'base.njk'), '\n');
    const second = await cli(dir, 'build', '--timings');
    expect(second.code).toBe(0);
    expect(lookupsOf(second.stdout, '2 解析与排版')).toBe('4/4');
    expect(lookupsOf(second.stdout, '7 搜索索引')).toBe('2/2');

    // Nothing changed: the build reads the sources, finds the site as it would make it, and stops.
    const third = await cli(dir, 'build', '--timings');
    expect(third.stdout).toContain('网站已是最新');
    expect(lookupsOf(third.stdout, '2 解析与排版')).toBeUndefined();
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
