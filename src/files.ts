// Writing files so that nothing is lost: an editor's file is never written over, and a file is
// either there whole or not changed.
import { randomUUID } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Creates the file with this text, unless one is there already: false when it is. */
export async function writeNewFile(file: string, text: string): Promise<boolean> {
  await mkdir(path.dirname(file), { recursive: true });
  try {
    // "wx": fails when the file exists, so an editor's file is never written over.
    await writeFile(file, text, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/**
 * Writes a file so that it is either there whole or not changed: to a temporary name beside it,
 * then renamed over it. Rejects when it cannot be written. The calls themselves are synchronous:
 * a third of the work of writing through promises, measured when a build wrote a cache entry an
 * issue (now packs of many: pipeline/issue-packs.ts).
 */
export async function writeAtomically(file: string, content: Uint8Array | string): Promise<void> {
  const temporary = `${file}.${randomUUID()}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(temporary, content);
    renameSync(temporary, file);
  } catch (error) {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Left as it is: the cache and the next build ignore a .tmp file.
    }
    throw error;
  }
}
