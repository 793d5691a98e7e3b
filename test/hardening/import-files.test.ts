// Issue 23, classes 9 and 11: what npm run import meets in place of a document. Every file it
// does not import is named with a Chinese message and exit 1; none ends in a stack trace, none
// is skipped without a word, none makes it wait.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, open, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, copyProject } from '../cli.ts';
import { CORPUS_FILE } from '../site.ts';

/** A file of this many bytes that takes no room on the disk (a sparse file). */
async function sparse(file: string, bytes: number): Promise<void> {
  const handle = await open(file, 'w');
  await handle.truncate(bytes);
  await handle.close();
}

async function projectWithoutIssues(): Promise<string> {
  const dir = await copyProject();
  for (const year of await readdir(path.join(dir, 'content'))) {
    if (/^\d{4}$/.test(year)) await rm(path.join(dir, 'content', year), { recursive: true });
  }
  return dir;
}

const NOT_REGULAR = '这不是普通的文件（是管道、设备或套接字）';

describe('npm run import names what it cannot read', () => {
  it.each([
    ['2 GB exactly, a .txt', 'huge.txt', 2 * 1024 ** 3],
    ['4 GB, a .pdf', 'huge.pdf', 4 * 1024 ** 3],
    ['just past 2 GB, a .docx', 'huge.docx', 2 * 1024 ** 3 + 1],
  ])('refuses a file of %s with a message, no stack trace', async (_, name, bytes) => {
    const dir = await projectWithoutIssues();
    const source = await mkdtemp(path.join(tmpdir(), 'lldt-huge-'));
    await sparse(path.join(source, name), bytes);
    for (const named of [path.join(source, name), source]) {
      const { code, stdout, stderr } = await cli(dir, 'import', named);
      expect(code).toBe(1);
      expect(stdout + stderr).toContain(`${name}`);
      expect(stdout + stderr).toMatch(/文件有 \d+\.\d GB，远超一期刊物的篇幅/);
      expect(stdout + stderr).not.toMatch(/\n\s+at |RangeError|ERR_FS_FILE_TOO_LARGE/);
    }
    expect(await readdir(path.join(dir, 'content'))).toEqual(['site.yml']);
  });

  it.each([
    ['a FIFO', (file: string) => execFileSync('mkfifo', [file])],
    [
      'a link to a FIFO',
      async (file: string) => {
        execFileSync('mkfifo', [`${file}.fifo`]);
        await symlink(`${file}.fifo`, file);
      },
    ],
    ['a link to a device', (file: string) => symlink('/dev/null', file)],
    ['a link to a folder', (file: string) => symlink(tmpdir(), file)],
  ])('names %s in a folder, next to a document it imports', async (_, make) => {
    const dir = await projectWithoutIssues();
    const source = await mkdtemp(path.join(tmpdir(), 'lldt-fifo-'));
    await mkdir(path.join(source, '2019'));
    await make(path.join(source, '2019', '第8期.txt'));
    await writeFile(path.join(source, '2019', '第9期.txt'), execFileSync('cat', [CORPUS_FILE]));
    const { code, stdout, stderr } = await cli(dir, 'import', source);
    expect(code).toBe(1);
    expect(stdout + stderr).toContain(`第8期.txt`);
    expect(stdout + stderr).toContain(NOT_REGULAR);
    expect(await readdir(path.join(dir, 'content', '2019'))).toEqual(['09.md']);
  });

  it('names a folder holding nothing but a FIFO, instead of importing “0 files”', async () => {
    const dir = await projectWithoutIssues();
    const source = await mkdtemp(path.join(tmpdir(), 'lldt-fifo-'));
    execFileSync('mkfifo', [path.join(source, '09.PDF')]);
    const { code, stdout, stderr } = await cli(dir, 'import', source);
    expect(code).toBe(1);
    expect(stdout + stderr).toContain('09.PDF');
    expect(stdout + stderr).toContain(NOT_REGULAR);
  });
});
