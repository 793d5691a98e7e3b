// A full disk under the output folder: the build stops with a message in Chinese, the published
// site stays as it was with nothing left beside it, and once there is room the next build is the
// cold build. The output folder is on a small tmpfs of its own, which needs root to mount (as on
// the project's machines and in CI).
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from './build.ts';
import { cli, copyProject } from './cli.ts';
import { readTree } from './site.ts';

const isRoot = process.getuid?.() === 0;

/** Why this test cannot run here, said in the run's summary (test/slowest-reporter.ts), or undefined. */
const CANNOT_RUN = isRoot ? undefined : 'needs root, to mount a small tmpfs (run npm test as root, as CI does)';

describe('a full disk under the output folder', () => {
  let mount: string | undefined;
  beforeAll(async () => {
    if (CANNOT_RUN) return;
    mount = await mkdtemp(path.join(tmpdir(), 'lldt-small-disk-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mount]);
  });
  afterAll(async () => {
    if (!mount) return;
    execFileSync('umount', [mount]);
    await rm(mount, { recursive: true, force: true });
  });

  it('stops the build with what to do, keeps the published site, and the next build with room is the cold one', async (context) => {
    if (CANNOT_RUN || !mount) return context.skip(`cannot run: ${CANNOT_RUN}`);
    const dir = await copyProject();
    const out = path.join(mount, 'dist');
    expect((await cli(dir, 'build', '--out', out)).code).toBe(0);
    const published = await readTree(out);

    // Fill the disk, then change what every page shows.
    const filler = path.join(mount, 'filler');
    try {
      execFileSync('dd', ['if=/dev/zero', `of=${filler}`, 'bs=64k'], { stdio: 'ignore' });
    } catch {
      // dd stops when the disk is full: that is the point.
    }
    await writeFile(path.join(dir, 'templates', 'assets', 'style.css'), '\n/* 改过的样式 */\n', { flag: 'a' });
    const full = await cli(dir, 'build', '--out', out);
    expect(full.code).toBe(69);
    expect(full.stderr).toContain('磁盘空间不足');
    expect(full.stderr).not.toMatch(/\n\s+at /);
    expect(await readTree(out)).toEqual(published);
    expect((await readdir(mount)).sort()).toEqual(['dist', 'filler']);

    await rm(filler);
    expect((await cli(dir, 'build', '--out', out)).code).toBe(0);
    const cold = path.join(dir, 'dist-cold');
    await mkdir(cold);
    expect((await build({ projectDir: dir, outDir: cold, write: true, cacheDir: false })).ok).toBe(true);
    expect(await readTree(out)).toEqual(await readTree(cold));
  });

  // Issue 23, class 7: a read-only disk is the machine's refusal (69), never a bug (70).
  it.for([
    ['the output folder on a read-only disk', 'dist'],
    ['a new output folder, two levels down, on a read-only disk', 'a/b/dist'],
  ])('stops with disk-read-only for %s, and keeps the published site', async ([, out = ''], context) => {
    if (CANNOT_RUN || !mount) return context.skip(`cannot run: ${CANNOT_RUN}`);
    const dir = await copyProject();
    const disk = path.join(mount, `ro-${out.length}`);
    await mkdir(disk);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', disk]);
    try {
      expect((await cli(dir, 'build', '--out', path.join(disk, 'dist'))).code).toBe(0);
      const published = await readTree(path.join(disk, 'dist'));
      execFileSync('mount', ['-o', 'remount,ro', disk]);
      await writeFile(path.join(dir, 'templates', 'assets', 'style.css'), '\n/* 改过的样式 */\n', { flag: 'a' });
      const refused = await cli(dir, 'build', '--out', path.join(disk, out));
      expect(refused.code).toBe(69);
      expect(refused.stderr).toContain('这个目录是只读的 [bulletin:disk-read-only]');
      expect(refused.stderr).not.toMatch(/\n\s+at |bulletin:bug/);
      expect(await readTree(path.join(disk, 'dist'))).toEqual(published);
    } finally {
      execFileSync('umount', [disk]);
    }
  });
});
