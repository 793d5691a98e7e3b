// Reads a file only when it is a regular file of a sane size. A FIFO would block the read
// forever and /dev/zero never ends, so the file is opened without blocking and what was opened
// is checked (not the path, which could be swapped between a check and the read), and no more
// than the limit is ever read. The read is synchronous: a build reads a thousand small files,
// and four calls into the thread pool for each (open, stat, read, close) cost more than the reading.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

export type FileRead =
  | { ok: true; bytes: Buffer }
  | { ok: false; problem: 'missing' | 'folder' | 'not-regular' }
  | { ok: false; problem: 'too-large'; limit: number };

/** Opening a FIFO for reading without O_NONBLOCK waits for a writer; a regular file is unaffected. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

export function readRegularFile(absPath: string, maxBytes: number): FileRead {
  let fd: number;
  try {
    fd = openSync(absPath, OPEN_FLAGS);
  } catch (error) {
    return { ok: false, problem: (error as NodeJS.ErrnoException).code === 'EISDIR' ? 'folder' : 'missing' };
  }
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) return { ok: false, problem: 'folder' };
    if (!stats.isFile()) return { ok: false, problem: 'not-regular' };
    if (stats.size > maxBytes) return { ok: false, problem: 'too-large', limit: maxBytes };
    // The file may grow while it is read: read to its end, but never past the limit.
    let buffer = Buffer.allocUnsafe(stats.size + 1);
    let total = 0;
    for (;;) {
      if (total === buffer.length) buffer = Buffer.concat([buffer], Math.min(2 * buffer.length, maxBytes + 1));
      const bytesRead = readSync(fd, buffer, total, buffer.length - total, total);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) return { ok: false, problem: 'too-large', limit: maxBytes };
    }
    return { ok: true, bytes: buffer.subarray(0, total) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EISDIR') return { ok: false, problem: 'folder' };
    return { ok: false, problem: 'missing' };
  } finally {
    closeSync(fd);
  }
}
