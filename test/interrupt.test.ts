// Ctrl+C during npm run build: one line that says the build stopped and the published folder is
// as it was, exit code 130, and the next build removes what the stopped one left.
import { spawn } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROMIUM, hasChromium } from './browser.ts';
import { CLI, cli, copyProject } from './cli.ts';
import { readTree } from './site.ts';

/** Runs the command line, sends it SIGINT as soon as stdout has a line that matches `when`; its exit and output. */
function interruptWhen(cwd: string, args: string[], when: RegExp): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let sent = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (!sent && when.test(stdout)) sent = child.kill('SIGINT');
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

describe('Ctrl+C during npm run build', () => {
  it('says the build was stopped and dist/ is as it was, exits with 130; the next build cleans up after it', async () => {
    // The build's progress lines are the PDFs it prints, one by one: npm run build -- --pdf.
    expect(hasChromium(), `PDF 测试需要 Chromium（${CHROMIUM}）：apt-get install chromium fonts-noto-cjk`).toBe(true);
    const dir = await copyProject();
    expect((await cli(dir, 'build')).code).toBe(0);
    const dist = path.join(dir, 'dist');
    const before = await readTree(dist);
    // An edit, so that the build stopped had a new site under way.
    const issue = path.join(dir, 'content', '2019', '09.md');
    await writeFile(issue, (await readFile(issue, 'utf8')).replace('各地坚持抓好', '各地始终坚持抓好'));
    const stopped = await interruptWhen(dir, ['build', '--pdf'], /^PDF 1\/\d+/m);
    expect(stopped.stdout).toMatch(/^PDF 1\//m);
    expect({ code: stopped.code, signal: stopped.signal }).toEqual({ code: 130, signal: null });
    expect(stopped.stderr.trim().split('\n').at(-1)).toBe('已停止生成（Ctrl+C）：dist/ 保持原样，没有写完的新网站会在下次生成时清除。');
    expect(stopped.stdout).not.toContain('已生成网站');
    expect(await readTree(dist)).toEqual(before);
    const next = await cli(dir, 'build');
    expect(next.code).toBe(0);
    expect(await readFile(path.join(dist, '2019', '09', 'index.html'), 'utf8')).toContain('各地始终坚持抓好');
    expect((await readdir(dir)).filter((name) => name.startsWith('.dist-'))).toEqual([]);
  });
});
