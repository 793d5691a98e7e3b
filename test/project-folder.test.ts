// Run outside a project (an empty folder, or inside the project's content/), every command that
// needs one stops first with one message saying where to go, and writes nothing.
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../src/messages/exit-codes.ts';
import { cli, copyProject } from './cli.ts';

const COMMANDS: string[][] = [
  ['build'],
  ['check'],
  ['pdf'],
  ['new', '--date', '2019-06-10'],
  ['dev', '--port', '0'],
  ['import', 'old.txt'],
  ['import', '--dry-run', 'old.txt'],
];

const said = (folder: string) =>
  `错误：当前文件夹 ${folder} 不是刊物项目（没有 content/ 文件夹） [bulletin:not-a-project]\n  请到包含 content/ 和 templates/ 的文件夹里运行，例如 cd 联络动态\n`;

describe('a command run outside a project', () => {
  it.each(COMMANDS)('%s in an empty folder says it is not a project, and writes nothing', async (...args) => {
    const folder = await mkdtemp(path.join(tmpdir(), 'lldt-elsewhere-'));
    await writeFile(path.join(folder, 'old.txt'), '联络动态\n2019年第11期\n');
    const { code, stdout, stderr } = await cli(folder, ...args);
    expect(stderr).toBe(said(folder));
    expect(stdout).toBe('');
    expect(code).toBe(EXIT.usage);
    expect(await readdir(folder)).toEqual(['old.txt']);
  });

  it.each([
    ['content', '..'],
    [path.join('content', '2019'), path.join('..', '..')],
    ['templates', '..'],
  ])('from the project’s %s names the project’s folder to go to', async (inside, go) => {
    const project = await copyProject();
    const folder = path.join(project, inside);
    await mkdir(folder, { recursive: true });
    const { code, stderr } = await cli(folder, 'build');
    expect(stderr).toBe(
      `错误：当前文件夹 ${folder} 不是刊物项目（没有 content/ 文件夹） [bulletin:not-a-project]\n  它在刊物项目 ${project} 里面：请到那个文件夹里运行，例如 cd ${go}\n`,
    );
    expect(code).toBe(EXIT.usage);
    expect(await readdir(project)).toEqual(expect.not.arrayContaining(['dist', '.cache']));
  });

  it('still answers --help anywhere', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'lldt-elsewhere-'));
    for (const name of ['build', 'new', 'import']) {
      const { code, stdout } = await cli(folder, name, '--help');
      expect(code).toBe(EXIT.ok);
      expect(stdout).toContain('用法');
    }
  });

  it('runs in the project’s own folder as before', async () => {
    const project = await copyProject();
    const { code, stdout } = await cli(project, 'check');
    expect(code).toBe(EXIT.ok);
    expect(stdout).toContain('检查通过');
  });
});

describe('a project without its templates/ folder', () => {
  it.each([['build'], ['check']])('%s says the templates are missing and what to do, and publishes nothing', async (command) => {
    const project = await copyProject();
    await rm(path.join(project, 'templates'), { recursive: true });
    const { code, stderr } = await cli(project, command);
    expect(stderr).toContain('项目里没有 templates/ 文件夹');
    expect(stderr).toContain('[bulletin:templates-missing]');
    expect(stderr).toContain('请把本程序自带的 templates/ 文件夹复制到项目里');
    expect(stderr).not.toContain('bulletin:bug');
    expect(code).toBe(EXIT.usage);
    expect(await readdir(project)).not.toContain('dist');
  });
});
