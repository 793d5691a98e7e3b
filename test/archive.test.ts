// The archive's completeness: gaps in 总期号 and 期号 are notes in npm run check (not errors, and
// not in npm run build), the year pages say which issues are missing, and /archive/ lists every
// issue by year with its articles and counts by year and column.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, copyProject } from './cli.ts';

describe('gaps in the archive', () => {
  it('npm run check notes them at the issue after each gap, and still passes', async () => {
    const dir = await copyProject();
    const { code, stdout, stderr } = await cli(dir, 'check');
    expect(code).toBe(0);
    expect(stdout).toContain('检查通过');
    expect(stderr).toContain('content/2018/12.md:4:8: 提示：缺少总第563—573期（2018年第1—11期）');
    expect(stderr).toContain('content/2019/08.md:4:8: 提示：缺少总第575—581期（2019年第1—7期）');
    expect(stderr).toContain('共 0 个错误，0 个警告，2 条提示。');
  });

  it('npm run build keeps quiet about them, and the year pages and /archive/ show them', async () => {
    const dir = await copyProject();
    const { code, stderr } = await cli(dir, 'build');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const page = (name: string) => readFile(path.join(dir, 'dist', name), 'utf8');
    expect(await page('2019/index.html')).toContain('本年缺第1—7期。');
    expect(await page('2018/index.html')).toContain('本年缺第1—11期。');
    const archive = await page('archive/index.html');
    expect(archive).toContain('<h1 class="archive-heading">往期总目录</h1>');
    expect(archive).toContain('共 4 期、9 篇文章');
    // 2019: 3 issues, 7 articles, by column in site.yml's order (调研报告 工作动态 经验交流 信息摘编 快讯).
    expect(archive).toMatch(
      /<th scope="row"><a href="#year-2019">2019年<\/a><\/th><td>3<\/td><td>7<\/td><td>1<\/td><td>1<\/td><td>1<\/td><td>1<\/td><td>3<\/td><td>第1—7期<\/td>/,
    );
    // Each issue in a line; its articles are on its year's page, one click further.
    expect(archive).toContain('<li><a href="../2019/09/">第9期</a> <small>4月29日</small></li>');
    expect(archive).toContain('各期的文章见 <a href="../2019/">2019年各期</a>');
    expect(archive).not.toContain('#article-1');
    expect(await page('2019/index.html')).toContain('<a href="../2019/09/#article-1">关于');
    expect(await page('index.html')).toContain('<a href="./archive/">往期总目录</a>');
    expect(await page('sitemap.xml')).toContain('<loc>https://example.gov.cn/lldt/archive/</loc>');
  });
});
