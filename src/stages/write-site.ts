// Stage 9: the site in memory → the output folder, all at once. The pages go to a staging
// folder beside it, which then takes the output folder's place: a failed build never leaves a
// half-written site, and readers never see one. A file whose content has not changed since the
// last build is not written again: it is hard-linked from the published folder into the staging
// one (the same file, same modification time), and when nothing at all changed, the published
// folder is left as it is. What was written is remembered in the build cache, with each file's
// size and modification time, so a file changed by hand in the output folder is written anew.
import { link, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { hashOf, type BuildCache } from '../cache/build-cache.ts';
import type { SiteOutput } from './render-pages.ts';

interface Written {
  hash: string;
  size: number;
  mtimeMs: number;
}

type Manifest = Record<string, Written>;

const NAMESPACE = 'output';

/** The files of the manifest that are still in the output folder as they were written. */
async function intact(outDir: string, manifest: Manifest): Promise<Set<string>> {
  const checks = await Promise.all(
    Object.entries(manifest).map(async ([file, written]) => {
      const now = await stat(path.join(outDir, file)).catch(() => undefined);
      return now && now.size === written.size && now.mtimeMs === written.mtimeMs ? file : undefined;
    }),
  );
  return new Set(checks.filter((file): file is string => file !== undefined));
}

async function countFiles(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => !entry.isDirectory()).length;
}

async function replace(outDir: string, staging: string): Promise<void> {
  const retired = `${staging.replace(/-staging-/, '-retired-')}`;
  await rm(retired, { recursive: true, force: true });
  const hadOutput = await rename(outDir, retired).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false;
      throw error;
    },
  );
  await rename(staging, outDir);
  if (hadOutput) await rm(retired, { recursive: true, force: true });
}

export interface WriteResult {
  written: number;
  kept: number;
}

export async function writeSite(outDir: string, output: SiteOutput, cache?: BuildCache): Promise<WriteResult> {
  const resolved = path.resolve(outDir);
  const key = hashOf(resolved);
  const manifest = (await cache?.get<Manifest>(NAMESPACE, key)) ?? {};
  const unchanged = await intact(resolved, manifest);
  const files = [...output.keys()].sort();
  const hashes = new Map(files.map((file) => [file, hashOf(output.get(file)!)]));
  const same = (file: string) => unchanged.has(file) && manifest[file]!.hash === hashes.get(file);
  if (files.every(same) && Object.keys(manifest).length === files.length && (await countFiles(resolved)) === files.length) {
    return { written: 0, kept: files.length };
  }

  const staging = path.join(path.dirname(resolved), `.${path.basename(resolved)}-staging-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  const next: Manifest = {};
  let written = 0;
  try {
    for (const dir of new Set(files.map((file) => path.dirname(path.join(staging, file))))) await mkdir(dir, { recursive: true });
    for (const file of files) {
      const target = path.join(staging, file);
      const linked = same(file) && (await link(path.join(resolved, file), target).then(() => true, () => false));
      if (linked) {
        next[file] = manifest[file]!;
        continue;
      }
      await writeFile(target, output.get(file)!);
      written += 1;
      const { size, mtimeMs } = await stat(target);
      next[file] = { hash: hashes.get(file)!, size, mtimeMs };
    }
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  await replace(resolved, staging);
  await cache?.set(NAMESPACE, key, next);
  return { written, kept: files.length - written };
}
