// The build's one cache, in .cache/build/ of the project: rendered articles, search index parts,
// printed PDFs and what was last written to the output folder. Entries are keyed by a hash of
// everything they were made from and of the tool itself, never by modification times.
//
// One policy for every entry: the cache only ever saves time. Each entry carries its length and
// checksum, and its reader checks its shape; an entry that is missing, unreadable, truncated,
// corrupt, of the wrong shape or of another format version is a miss (and is removed), never an
// error and never a wrong output. A write that fails (a full disk, no permission) is skipped.
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { readRegularFile } from '../content/read-regular-file.ts';
import { writeAtomically } from '../files.ts';
import type { Namespace } from './namespaces.ts';

/** Raised when the layout of entries changes: every entry of an older layout is a miss. */
const FORMAT = 'lldt-cache 3';

/** sha256 of the parts, in order, as hex. */
export function hashOf(...parts: (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    hash.update(part);
    hash.update('\0');
  }
  return hash.digest('hex');
}

const bytesHashes = new WeakMap<Uint8Array, string>();

/**
 * hashOf(content) of a file's content. Of bytes (never changed once made), made once, or known from
 * where they were kept with it (knownHash): a search part's files, read back from the cache, are
 * not hashed again to be published.
 */
export function hashOfContent(content: string | Uint8Array): string {
  if (typeof content === 'string') return hashOf(content);
  let hash = bytesHashes.get(content);
  if (hash === undefined) {
    hash = hashOf(content);
    bytesHashes.set(content, hash);
  }
  return hash;
}

/** Records the hash of bytes read back with it from a whole entry, where hashOfContent made it. */
export function knownHash(bytes: Uint8Array, hash: string): void {
  bytesHashes.set(bytes, hash);
}

const valueHashes = new WeakMap<object, string>();

/**
 * The hash of a value's JSON, made once per object, or the hash of what it was made from when
 * that was recorded (madeFrom): an issue is part of the key of its page, its PDF and its search
 * index part. The values hashed are never changed once made.
 */
export function hashOfValue(value: object): string {
  let hash = valueHashes.get(value);
  if (hash === undefined) {
    hash = hashOf(JSON.stringify(value));
    valueHashes.set(value, hash);
  }
  return hash;
}

/**
 * Records that a value is made from exactly these inputs, by code the tool's version covers: its
 * hash (hashOfValue) is then theirs, without its JSON (an issue's is megabytes of articles).
 */
export function madeFrom(value: object, ...inputs: string[]): void {
  valueHashes.set(value, hashOf('made from', ...inputs));
}

/** The folder of the running program: src/ when run from the sources, lib/ when compiled. */
const PROGRAM_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TOOL_DIR = path.dirname(PROGRAM_DIR);

let toolVersion: Promise<string> | undefined;

/**
 * The version of the tool itself: a hash of its program files and of the exact versions of its
 * dependencies (package-lock.json). Any change to either makes every entry new.
 */
export function currentToolVersion(): Promise<string> {
  toolVersion ??= (async () => {
    const entries = await readdir(PROGRAM_DIR, { recursive: true, withFileTypes: true });
    const files = entries
      .filter((e) => e.isFile() && /\.(ts|js|json)$/.test(e.name) && !/\.test\.[jt]s$/.test(e.name))
      .map((e) => path.join(e.parentPath, e.name))
      .sort();
    files.push(path.join(TOOL_DIR, 'package-lock.json'));
    const contents = await Promise.all(files.map((file) => readFile(file).catch(() => '')));
    return hashOf(...files.map((f) => path.relative(TOOL_DIR, f)), ...contents);
  })();
  return toolVersion;
}

interface Header {
  format: string;
  length: number;
  sha256: string;
}

function isHeader(value: unknown): value is Header {
  const h = value as Header;
  return typeof h === 'object' && h !== null && h.format === FORMAT && Number.isSafeInteger(h.length) && typeof h.sha256 === 'string';
}

/** An entry as stored: a line of JSON with the payload's format, length and checksum, then the payload. */
export function sealEntry(payload: Uint8Array): Buffer {
  const header: Header = { format: FORMAT, length: payload.length, sha256: hashOf(payload) };
  return Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), payload]);
}

/** The payload of a stored entry, or undefined when it is not whole and exactly as written. */
export function openEntry(stored: Buffer): Buffer | undefined {
  const end = stored.indexOf(0x0a);
  if (end < 0 || end > 512) return undefined;
  let header: unknown;
  try {
    header = JSON.parse(stored.subarray(0, end).toString('utf8'));
  } catch {
    return undefined;
  }
  if (!isHeader(header)) return undefined;
  const payload = stored.subarray(end + 1);
  return payload.length === header.length && hashOf(payload) === header.sha256 ? payload : undefined;
}

/** Far above any entry the build writes (a search part of 250 issues is a few MB). */
const MAX_ENTRY_BYTES = 1024 ** 3;

/**
 * An entry's bytes, when it is a regular file: a symbolic link (to /dev/zero, or to another entry),
 * a FIFO or a device is a miss, never a read that does not end nor another key's entry. Read
 * synchronously, as content/ is (read-regular-file.ts): at 1000 issues, the cached issues of a build
 * after an edit were read in 0.46 s through the thread pool, and in 0.36 s so. A search part's entry
 * is a few MB: a few milliseconds of the main thread.
 */
function readEntryFile(file: string): Buffer | undefined {
  const read = readRegularFile(file, MAX_ENTRY_BYTES, { followLinks: false });
  return read.ok ? read.bytes : undefined;
}

/** Checks a value read back from the cache: true when it has the shape its reader expects. */
export type ShapeCheck<T> = (value: unknown) => value is T;

export class Cache {
  /** Entries found and not found so far, by namespace, for npm run build -- --timings. */
  readonly lookups: Partial<Record<Namespace, { hits: number; misses: number }>> = {};

  /** The entries of each namespace, listed once: a key not listed is a miss without a read. */
  private readonly listings = new Map<Namespace, Promise<Set<string>>>();

  constructor(readonly dir: string) {}

  private listing(namespace: Namespace): Promise<Set<string>> {
    let listed = this.listings.get(namespace);
    if (!listed) {
      listed = readdir(path.join(this.dir, namespace)).then(
        (names) => new Set(names.filter((name) => name.endsWith('.entry'))),
        () => new Set<string>(),
      );
      this.listings.set(namespace, listed);
    }
    return listed;
  }

  private fileOf(namespace: Namespace, key: string): string {
    return path.join(this.dir, namespace, `${key}.entry`);
  }

  /**
   * The entries of a namespace as key, size and modification time, sorted: they differ whenever an
   * entry is written again (unverified: reading one may still miss).
   */
  async versions(namespace: Namespace): Promise<string[]> {
    const names = [...(await this.listing(namespace))].sort();
    return names.map((name) => {
      let version = '-';
      try {
        const found = statSync(path.join(this.dir, namespace, name));
        version = `${found.size} ${found.mtimeMs}`;
      } catch {
        // Gone since it was listed: a miss.
      }
      return `${name.slice(0, -'.entry'.length)} ${version}`;
    });
  }

  /** The keys of the entries stored in a namespace (unverified: reading one may still miss). */
  async keys(namespace: Namespace): Promise<string[]> {
    return [...(await this.listing(namespace))].map((name) => name.slice(0, -'.entry'.length));
  }

  /** Whether an entry is stored under this key (unverified: reading it may still miss). */
  async has(namespace: Namespace, key: string): Promise<boolean> {
    return (await this.listing(namespace)).has(`${key}.entry`);
  }

  /** The bytes stored under this key, verified, or undefined. */
  async read(namespace: Namespace, key: string): Promise<Buffer | undefined> {
    return this.counted(namespace, await this.open(namespace, key));
  }

  private counted<T>(namespace: Namespace, found: T | undefined): T | undefined {
    this.tally(namespace, found !== undefined);
    return found;
  }

  /** Counts a lookup made of an entry that holds many (a pack of issues): a hit when found. */
  tally(namespace: Namespace, hit: boolean): void {
    const counts = this.lookups[namespace] ?? { hits: 0, misses: 0 };
    counts[hit ? 'hits' : 'misses']++;
    this.lookups[namespace] = counts;
  }

  private async open(namespace: Namespace, key: string): Promise<Buffer | undefined> {
    if (!(await this.listing(namespace)).has(`${key}.entry`)) return undefined;
    const file = this.fileOf(namespace, key);
    const stored = readEntryFile(file);
    if (stored === undefined) {
      // Not a regular file (a link, a FIFO): removed, as a damaged entry is; a link's target is untouched.
      await rm(file, { recursive: true, force: true }).catch(() => undefined);
      return undefined;
    }
    const payload = openEntry(stored);
    if (payload === undefined) await rm(file, { force: true }).catch(() => undefined);
    return payload;
  }

  /**
   * The value stored under this key, when it is whole and has the expected shape. counted false:
   * the caller counts the lookups itself (tally), an entry holding many.
   */
  async readValue<T>(namespace: Namespace, key: string, isValid: ShapeCheck<T>, { counted = true } = {}): Promise<T | undefined> {
    const count = <V>(found: V | undefined) => (counted ? this.counted(namespace, found) : found);
    const bytes = await this.open(namespace, key);
    if (bytes === undefined) return count(undefined);
    let value: unknown;
    try {
      value = deserialize(bytes);
    } catch {
      value = undefined; // written by another version of Node whose format this one cannot read
    }
    if (isValid(value)) return count(value);
    await rm(this.fileOf(namespace, key), { force: true }).catch(() => undefined);
    return count(undefined);
  }

  /**
   * Stores bytes; written to a temporary file and renamed, so no reader ever sees half of it. False
   * when it could not be written (a full disk, no permission): the cache only loses time.
   */
  async write(namespace: Namespace, key: string, payload: Uint8Array | string): Promise<boolean> {
    const written = await writeAtomically(this.fileOf(namespace, key), sealEntry(typeof payload === 'string' ? Buffer.from(payload) : payload)).then(
      () => true,
      () => false,
    );
    if (written) (await this.listing(namespace)).add(`${key}.entry`);
    return written;
  }

  /**
   * Stores a value of plain data (objects, arrays, strings, numbers, booleans, null, undefined),
   * in V8's serialization rather than JSON: Chinese text is read back as it is held in memory, not
   * decoded from UTF-8 (the 999 issues a build after an edit reads: 14 ms, not 90). A value that
   * cannot be stored so (a function in it) is a mistake of the caller's, thrown.
   */
  async writeValue(namespace: Namespace, key: string, value: unknown): Promise<boolean> {
    return this.write(namespace, key, serialize(value));
  }

  /** Removes one entry, if it is there. */
  async remove(namespace: Namespace, key: string): Promise<void> {
    await rm(this.fileOf(namespace, key), { force: true }).catch(() => undefined);
    (await this.listing(namespace)).delete(`${key}.entry`);
  }

  /** Removes the entries of a namespace that are not in keep, and stray files. */
  async prune(namespace: Namespace, keep: ReadonlySet<string>): Promise<void> {
    const dir = path.join(this.dir, namespace);
    const names = await readdir(dir).catch(() => [] as string[]);
    // A .tmp file is another build's entry being written.
    const pruned = names.filter((name) => !name.endsWith('.tmp') && !(name.endsWith('.entry') && keep.has(name.slice(0, -'.entry'.length))));
    await Promise.all(pruned.map((name) => rm(path.join(dir, name), { recursive: true, force: true }).catch(() => undefined)));
    const listed = await this.listing(namespace);
    for (const name of pruned) listed.delete(name);
  }
}
