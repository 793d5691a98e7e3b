// A persistent cache of the build's costly work, in .cache/build/ of the project: rendered
// articles, search index parts, and what was last written to the output folder. Entries are
// keyed by a hash of everything they were made from, and by the tool's own version (its source
// and its dependencies), never by modification times: a stale page is worse than a slow build.
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TOOL_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** sha256 of the parts, in order, as hex. */
export function hashOf(...parts: (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    hash.update(typeof part === 'string' ? part : Buffer.from(part));
    hash.update('\0');
  }
  return hash.digest('hex');
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && /\.(ts|js|json)$/.test(e.name) && !e.name.endsWith('.test.ts'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

let toolVersion: Promise<string> | undefined;

/**
 * The version of the tool itself: a hash of its source files and of the exact versions of
 * its dependencies (package-lock.json). Any change to either makes every entry new.
 */
export function currentToolVersion(): Promise<string> {
  toolVersion ??= (async () => {
    const files = [...(await filesUnder(path.join(TOOL_DIR, 'src'))), path.join(TOOL_DIR, 'package-lock.json')];
    const contents = await Promise.all(files.map((file) => readFile(file)));
    return hashOf(...files.map((f) => path.relative(TOOL_DIR, f)), ...contents);
  })();
  return toolVersion;
}

export class BuildCache {
  constructor(readonly dir: string) {}

  private fileOf(namespace: string, key: string, extension = 'json'): string {
    return path.join(this.dir, namespace, `${key}.${extension}`);
  }

  /** The value stored under this key, or undefined (also when the entry cannot be read). */
  async get<T>(namespace: string, key: string): Promise<T | undefined> {
    const bytes = await this.getBytes(namespace, key, 'json');
    try {
      return bytes === undefined ? undefined : (JSON.parse(bytes.toString('utf8')) as T);
    } catch {
      return undefined;
    }
  }

  /** Stores a value; written to a temporary file and renamed, so a reader never sees half of it. */
  async set(namespace: string, key: string, value: unknown): Promise<void> {
    await this.setBytes(namespace, key, Buffer.from(JSON.stringify(value)), 'json');
  }

  /** Bytes stored under this key, or undefined. */
  async getBytes(namespace: string, key: string, extension = 'bin'): Promise<Buffer | undefined> {
    return readFile(this.fileOf(namespace, key, extension)).catch(() => undefined);
  }

  /**
   * Stores bytes. The cache only saves time: when it cannot be written (a full disk, no
   * permission), the build goes on without it.
   */
  async setBytes(namespace: string, key: string, bytes: Uint8Array, extension = 'bin'): Promise<void> {
    const file = this.fileOf(namespace, key, extension);
    const temporary = `${file}.${randomUUID()}.tmp`;
    try {
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(temporary, bytes);
      await rename(temporary, file);
    } catch {
      await rm(temporary, { force: true }).catch(() => undefined);
    }
  }

  /** Removes the entries of a namespace that are not in keep. */
  async prune(namespace: string, keep: ReadonlySet<string>): Promise<void> {
    const dir = path.join(this.dir, namespace);
    const names = await readdir(dir).catch(() => [] as string[]);
    await Promise.all(
      names
        // A .tmp file is another build's entry being written.
        .filter((name) => !name.endsWith('.tmp') && !keep.has(name.replace(/\.(json|bin)$/, '')))
        .map((name) => rm(path.join(dir, name), { force: true }).catch(() => undefined)),
    );
  }
}
