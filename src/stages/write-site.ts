// Stage 8: the site in memory → the output folder, all at once. The pages are written to a
// staging folder beside it, which then takes the output folder's place: a failed build
// never leaves a half-written site, and readers never see one.
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SiteOutput } from './render-pages.ts';

export async function writeSite(outDir: string, output: SiteOutput): Promise<void> {
  const parent = path.dirname(path.resolve(outDir));
  const name = path.basename(outDir);
  const staging = path.join(parent, `.${name}-staging-${process.pid}`);
  const retired = path.join(parent, `.${name}-retired-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  try {
    for (const file of [...output.keys()].sort()) {
      const target = path.join(staging, file);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, output.get(file)!);
    }
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  await rm(retired, { recursive: true, force: true });
  const hadOutput = await rename(outDir, retired).then(() => true, (error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return false;
    throw error;
  });
  await rename(staging, outDir);
  if (hadOutput) await rm(retired, { recursive: true, force: true });
}
