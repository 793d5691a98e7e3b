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

/** Swaps the staging folder in for the output folder; on failure the output folder is put back. */
async function replace(outDir: string, staging: string): Promise<void> {
  const retired = path.join(path.dirname(outDir), `.${path.basename(outDir)}-retired-${process.pid}`);
  await rm(retired, { recursive: true, force: true });
  const hadOutput = await rename(outDir, retired).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false;
      throw error;
    },
  );
  try {
    await rename(staging, outDir);
  } catch (error) {
    if (hadOutput) await rename(retired, outDir).catch(() => undefined);
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  if (hadOutput) await rm(retired, { recursive: true, force: true });
}

/**
 * A file in every output folder the build writes: the build replaces only a folder that holds
 * it (or an empty one, or none), never a folder of someone's own files given by mistake.
 */
export const OUTPUT_MARKER = '.lianluodongtai-site';

/** Why the build must not replace this folder, or undefined when it may. */
export async function refuseOutputFolder(outDir: string, projectDir: string): Promise<string | undefined> {
  const out = path.resolve(outDir);
  const project = path.resolve(projectDir);
  const inside = (parent: string, child: string) => child === parent || child.startsWith(`${parent}${path.sep}`);
  const shown = path.relative(project, out) || '.';
  if (inside(out, project) || ['content', 'templates', 'src', 'node_modules', '.git'].some((d) => inside(path.join(project, d), out))) {
    return `输出目录 ${shown} 是项目本身或它的 content、templates 等目录：生成网站会整个替换输出目录，请另选一个目录，例如 dist`;
  }
  const entries = await readdir(out).catch(() => [] as string[]);
  // A site written before the marker existed has its home page and assets.
  const ours = entries.includes(OUTPUT_MARKER) || (entries.includes('index.html') && entries.includes('assets'));
  if (entries.length > 0 && !ours) {
    return `输出目录 ${shown} 里已有不是本程序生成的文件：生成网站会整个替换输出目录，请另选一个空目录或不存在的目录，或先把其中的文件移走`;
  }
  return undefined;
}

export interface WriteResult {
  written: number;
  kept: number;
}

export async function writeSite(outDir: string, site: SiteOutput, cache?: BuildCache): Promise<WriteResult> {
  const output = new Map(site).set(OUTPUT_MARKER, '联络动态 publisher: this folder is replaced as a whole by every build.\n');
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
