// Reads a file only when it is a regular file of a sane size. A FIFO would block the read
// forever and /dev/zero never ends, so the file is opened without blocking and what was opened
// is checked (not the path, which could be swapped between a check and the read), and no more
// than the limit is ever read.
import { constants } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';

export type FileRead =
  | { ok: true; bytes: Buffer }
  | { ok: false; problem: 'missing' | 'folder' | 'not-regular' }
  | { ok: false; problem: 'too-large'; limit: number };

/** Opening a FIFO for reading without O_NONBLOCK waits for a writer; a regular file is unaffected. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

export async function readRegularFile(absPath: string, maxBytes: number): Promise<FileRead> {
  let handle: FileHandle;
  try {
    handle = await open(absPath, OPEN_FLAGS);
  } catch (error) {
    return { ok: false, problem: (error as NodeJS.ErrnoException).code === 'EISDIR' ? 'folder' : 'missing' };
  }
  try {
    const stats = await handle.stat();
    if (stats.isDirectory()) return { ok: false, problem: 'folder' };
    if (!stats.isFile()) return { ok: false, problem: 'not-regular' };
    if (stats.size > maxBytes) return { ok: false, problem: 'too-large', limit: maxBytes };
    // The file may grow while it is read: read to its end, but never past the limit.
    let buffer = Buffer.allocUnsafe(stats.size + 1);
    let total = 0;
    for (;;) {
      if (total === buffer.length) buffer = Buffer.concat([buffer], Math.min(2 * buffer.length, maxBytes + 1));
      const { bytesRead } = await handle.read(buffer, total, buffer.length - total, total);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) return { ok: false, problem: 'too-large', limit: maxBytes };
    }
    return { ok: true, bytes: buffer.subarray(0, total) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EISDIR') return { ok: false, problem: 'folder' };
    return { ok: false, problem: 'missing' };
  } finally {
    await handle.close();
  }
}
