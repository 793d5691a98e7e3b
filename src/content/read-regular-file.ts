// Reads a file only when it is a regular file of a sane size. A FIFO would block the read
// forever and /dev/zero never ends, so the file is opened without blocking and what was opened
// is checked (not the path, which could be swapped between a check and the read), and no more
// than the limit is ever read. The read is synchronous: a build reads a thousand small files,
// and four calls into the thread pool for each (open, stat, read, close) cost more than the reading.
import { closeSync, constants, fstatSync, openSync, readlinkSync, readSync, realpathSync, type Stats } from 'node:fs';
import path from 'node:path';

export type FileRead =
  | { ok: true; bytes: Buffer }
  | { ok: false; problem: 'missing' | 'folder' | 'not-regular' }
  | { ok: false; problem: 'too-large'; limit: number }
  | { ok: false; problem: 'outside'; target: string };

const realRoots = new Map<string, string>();

/** Where the open file really is: what /proc says of its descriptor (no path swapped since counts), else its path resolved. */
function realPathOf(fd: number, absPath: string): string {
  try {
    return readlinkSync(`/proc/self/fd/${fd}`);
  } catch {
    return realpathSync(absPath);
  }
}

/** The folder a file must really be in (the project), resolved once: a link out of it is not followed. */
function outside(fd: number, absPath: string, within: string): string | undefined {
  let root = realRoots.get(within);
  if (root === undefined) {
    root = realpathSync(within);
    realRoots.set(within, root);
  }
  const real = realPathOf(fd, absPath);
  return real === root || real.startsWith(root.endsWith(path.sep) ? root : `${root}${path.sep}`) ? undefined : real;
}

/** Opening a FIFO for reading without O_NONBLOCK waits for a writer; a regular file is unaffected. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

export interface Reading {
  /** A folder the file must really be inside, links followed (the project). */
  within?: string;
  /** false: a symbolic link is not followed, and reads as missing (the cache's entries). */
  followLinks?: boolean;
}

/** Why a file is not read: as readRegularFile says it. */
export type FileProblem = Exclude<FileRead, { ok: true }>;

/**
 * Opens a file as readRegularFile does and checks what was opened (a regular file, really inside
 * `within`, at most maxBytes), then gives the open file to `use`; closed after. A problem found is
 * returned instead, and `use` is not called.
 */
export function withRegularFile<T>(
  absPath: string,
  maxBytes: number,
  { within, followLinks = true }: Reading,
  use: (fd: number, stats: Stats) => T,
): T | FileProblem {
  let fd: number;
  try {
    fd = openSync(absPath, followLinks ? OPEN_FLAGS : OPEN_FLAGS | (constants.O_NOFOLLOW ?? 0));
  } catch (error) {
    return { ok: false, problem: (error as NodeJS.ErrnoException).code === 'EISDIR' ? 'folder' : 'missing' };
  }
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) return { ok: false, problem: 'folder' };
    if (!stats.isFile()) return { ok: false, problem: 'not-regular' };
    const target = within === undefined ? undefined : outside(fd, absPath, within);
    if (target !== undefined) return { ok: false, problem: 'outside', target };
    if (stats.size > maxBytes) return { ok: false, problem: 'too-large', limit: maxBytes };
    return use(fd, stats);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EISDIR') return { ok: false, problem: 'folder' };
    return { ok: false, problem: 'missing' };
  } finally {
    try {
      closeSync(fd);
    } catch {
      // A close that fails (a network file system) does not make the bytes read wrong.
    }
  }
}

/** The bytes of an open file checked by withRegularFile, to its end but never past the limit. */
export function readOpenFile(fd: number, stats: Stats, maxBytes: number): FileRead {
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
}

export function readRegularFile(absPath: string, maxBytes: number, reading: Reading = {}): FileRead {
  return withRegularFile(absPath, maxBytes, reading, (fd, stats) => readOpenFile(fd, stats, maxBytes));
}
