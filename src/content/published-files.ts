// The pictures and attachments of content/ (load-content.ts lists them), read to be published at
// the same path in the site. Only a regular file really inside the project is read, never through
// a link to the file (a link out of the project could publish a system file), and within its
// limit; each other one is named with a warning, and the pages that show it are told it is missing.
//
// Their bytes are read only when they must be: each file's hash is kept in the cache under its
// path and what fstat says of the file opened (device, inode, size, modification and change
// times), so that a build that finds everything as it was reads none of them, and one that
// publishes keeps those the site has already. A file changed in any way gets a new change time
// (which no tool can set back), so its entry is missed and its bytes are read and hashed again.
import { fstatSync, lstatSync } from 'node:fs';
import path from 'node:path';
import { VFile } from 'vfile';
import { type Cache, hashOf } from '../cache/cache.ts';
import { MAX_PUBLISHED_BYTES } from '../limits.ts';
import { CATALOGUE, CONTENT } from '../messages/catalogue.ts';
import { Failure } from '../messages/failure.ts';
import { NOT_PUBLISHED } from '../messages/parts.ts';
import { FILE_START, report } from '../messages.ts';
import { publishedSitePath } from './load-content.ts';
import { type FileProblem, readOpenFile, readRegularFile, withRegularFile } from './read-regular-file.ts';

/** The cache's namespace of the files' hashes (cache/namespaces.ts). */
const NAMESPACE = 'pictures';

/** Raised when what an entry of the namespace means changes. */
const ENTRY_VERSION = 'published-file 1';

/**
 * The pictures and attachments of content/ at their paths in the site: each file's bytes are read
 * when first asked for (when the site is made, and only for the files it lacks), with the same
 * checks as when it was found, and kept. Its hash is known before: the plan keys the file on it.
 */
export class PublishedBytes implements ReadonlyMap<string, Uint8Array> {
  private readonly found = new Map<string, { relPath: string; hash: string; bytes?: Uint8Array }>();

  constructor(private readonly root: string) {}

  /** A file found (its bytes when they were read to hash it). */
  add(sitePath: string, relPath: string, hash: string, bytes?: Uint8Array): void {
    this.found.set(sitePath, { relPath, hash, bytes });
  }

  /** The hash of a file's bytes (cache.ts hashOf), as the plan keys a file published as it is. */
  hashOf(sitePath: string): string | undefined {
    return this.found.get(sitePath)?.hash;
  }

  get size(): number {
    return this.found.size;
  }

  has(sitePath: string): boolean {
    return this.found.has(sitePath);
  }

  /**
   * The file's bytes, read now when they were not. A file gone or changed into a link since it was
   * found fails the run, with what to do (nothing is published); one saved again since is published
   * as it is now (its new times make the next build read it and find its new hash).
   */
  get(sitePath: string): Uint8Array | undefined {
    const file = this.found.get(sitePath);
    if (!file) return undefined;
    if (!file.bytes) {
      const read = readRegularFile(path.join(this.root, file.relPath), MAX_PUBLISHED_BYTES, { within: this.root, followLinks: false });
      if (!read.ok) throw Failure.of(CATALOGUE.publishedFileGone, { file: file.relPath });
      file.bytes = read.bytes;
    }
    return file.bytes;
  }

  keys(): MapIterator<string> {
    return this.found.keys();
  }

  *entries(): MapIterator<[string, Uint8Array]> {
    for (const sitePath of this.found.keys()) yield [sitePath, this.get(sitePath)!];
  }

  *values(): MapIterator<Uint8Array> {
    for (const [, bytes] of this.entries()) yield bytes;
  }

  [Symbol.iterator](): MapIterator<[string, Uint8Array]> {
    return this.entries();
  }

  forEach(callback: (value: Uint8Array, key: string, map: ReadonlyMap<string, Uint8Array>) => void, thisArg?: unknown): void {
    for (const [sitePath, bytes] of this.entries()) callback.call(thisArg, bytes, sitePath, this);
  }
}

export interface PublishedFiles {
  /** Site path → bytes (read when asked for): what the site publishes from content/. */
  files: PublishedBytes;
  /** Each file as found, for the whole-build key: its path and the hash of its bytes, or why it is not published. */
  key: (readonly [relPath: string, hash: string])[];
  /** The files not published, each with its warning. */
  refused: VFile[];
  /** The files whose bytes were read to hash them (their entries missed). */
  read: string[];
}
/** Why a listed file is not published; undefined when it is gone (removed since it was listed). */
function whyNot(root: string, relPath: string, problem: string, target?: string): string | undefined {
  const absPath = path.join(root, relPath);
  switch (problem) {
    case 'outside':
      return NOT_PUBLISHED.outside(target ?? '');
    case 'too-large':
      return NOT_PUBLISHED.tooLarge(MAX_PUBLISHED_BYTES / 1024 / 1024);
    case 'folder':
      return undefined;
    case 'missing':
      // A link is not followed, and reads as missing.
      return lstatSync(absPath, { throwIfNoEntry: false })?.isSymbolicLink() ? NOT_PUBLISHED.link : undefined;
    default:
      return NOT_PUBLISHED.notRegularFile;
  }
}

const isEntry = (value: unknown): value is { hash: string } =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { hash?: unknown }).hash === 'string' &&
  /^[0-9a-f]{64}$/.test((value as { hash: string }).hash);

/**
 * The key of a file's entry: its path and the file opened as fstat describes it (never what its
 * path leads to now), taken before its bytes are read: a write during the read changes it after.
 */
function entryOf(fd: number, relPath: string): string {
  const { dev, ino, size, mtimeNs, ctimeNs } = fstatSync(fd, { bigint: true });
  return hashOf(ENTRY_VERSION, relPath, `${dev} ${ino} ${size} ${mtimeNs} ${ctimeNs}`);
}

/**
 * Finds the listed files of content/ (relative to the project, in path order), each checked as it
 * is opened; the bytes of a file are read only when the cache has no hash for it as it is now.
 */
export async function readPublished(root: string, relPaths: readonly string[], cache?: Cache): Promise<PublishedFiles> {
  const published: PublishedFiles = { files: new PublishedBytes(root), key: [], refused: [], read: [] };
  const reading = { within: root, followLinks: false };
  const entries = new Set<string>();
  for (const relPath of relPaths) {
    const absPath = path.join(root, relPath);
    const found = cache && withRegularFile(absPath, MAX_PUBLISHED_BYTES, reading, (fd) => ({ ok: true as const, entry: entryOf(fd, relPath) }));
    const cached = found?.ok ? await cache!.readValue(NAMESPACE, found.entry, isEntry) : undefined;
    if (found?.ok && cached) {
      entries.add(found.entry);
      published.files.add(publishedSitePath(relPath), relPath, cached.hash);
      published.key.push([relPath, cached.hash]);
      continue;
    }
    const read = withRegularFile(absPath, MAX_PUBLISHED_BYTES, reading, (fd, stats) => {
      const entry = entryOf(fd, relPath);
      const bytes = readOpenFile(fd, stats, MAX_PUBLISHED_BYTES);
      return bytes.ok ? { ...bytes, entry } : bytes;
    });
    if (!read.ok) {
      refuse(published, root, relPath, read);
      continue;
    }
    const hash = hashOf(read.bytes);
    published.read.push(relPath);
    entries.add(read.entry);
    await cache?.writeValue(NAMESPACE, read.entry, { hash });
    published.files.add(publishedSitePath(relPath), relPath, hash, read.bytes);
    published.key.push([relPath, hash]);
  }
  await cache?.prune(NAMESPACE, entries);
  return published;
}

function refuse(published: PublishedFiles, root: string, relPath: string, read: FileProblem): void {
  const why = whyNot(root, relPath, read.problem, read.problem === 'outside' ? read.target : undefined);
  published.key.push([relPath, `(${read.problem})`]);
  if (why === undefined) return;
  const file = new VFile({ path: relPath, cwd: root, value: '' });
  report(file, CONTENT.resourceNotPublished, { why }, FILE_START);
  published.refused.push(file);
}
