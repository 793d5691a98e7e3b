// The site on disk, published atomically. A new version is written to a staging folder beside
// the output folder, then takes its place: a failed build never leaves a half-written site, and
// readers never see one. A file that has not changed since the last build is not written again:
// it is hard-linked from the published folder (same file, same modification time), and when
// nothing at all changed, the published folder is left as it is. What was written is remembered
// in the cache with each file's size and modification time, so a file changed by hand in the
// output folder is written anew.
//
// The writer replaces only a folder it wrote itself (it holds the marker file), an empty one or
// none. Each build first recovers from a build that was killed: it puts the old site back if the
// output folder is missing, and removes the staging and retired folders of builds no longer running.
import { readdirSync, type Stats, statSync } from 'node:fs';
import { copyFile, link, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type Cache, hashOf } from '../cache/cache.ts';
import type { Namespace } from '../cache/namespaces.ts';
import { isKeptMessage } from '../messages.ts';
import type { BuildStamp, BuildSummary, LastSite, PublishedIssue, RenderRecord, Writer } from './writer.ts';

/** A file in every output folder the build writes: the build replaces only a folder that holds it. */
export const OUTPUT_MARKER = '.lianluodongtai-site';
const MARKER_TEXT = '联络动态 publisher: this folder is replaced as a whole by every build.\n';

interface Written {
  hash: string;
  size: number;
  mtimeMs: number;
}

type Manifest = Record<string, Written>;

/** What the cache keeps of the published folder: its files as written, and the stamp of the build. */
interface Published {
  files: Manifest;
  stamp?: BuildStamp;
}

const MANIFESTS: Namespace = 'output';

/** A path inside the output folder, as the writer records it: relative, never leading out of it. */
const isSitePath = (file: string) => file !== '' && !path.isAbsolute(file) && !file.includes('\0') && !file.split(/[\\/]/).includes('..');

function isManifest(value: unknown): value is Manifest {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return (
    Object.keys(value).every(isSitePath) &&
    Object.values(value).every(
      (w: Written) => typeof w === 'object' && w !== null && typeof w.hash === 'string' && typeof w.size === 'number' && typeof w.mtimeMs === 'number',
    )
  );
}

function isSummary(value: unknown): value is BuildSummary {
  const s = value as BuildSummary;
  return (
    typeof s === 'object' &&
    s !== null &&
    typeof s.issues === 'number' &&
    typeof s.pages === 'number' &&
    Array.isArray(s.pdfs) &&
    Array.isArray(s.drafts) &&
    Array.isArray(s.messages) &&
    s.messages.every((f) => typeof f.path === 'string' && Array.isArray(f.messages) && f.messages.every(isKeptMessage))
  );
}

const isPublishedIssue = (v: unknown) => {
  const i = v as PublishedIssue;
  return (
    typeof i === 'object' &&
    i !== null &&
    typeof i.source === 'string' &&
    typeof i.path === 'string' &&
    Number.isSafeInteger(i.year) &&
    typeof i.print === 'string'
  );
};

function isRenderRecord(value: unknown): value is RenderRecord {
  const r = value as RenderRecord;
  return typeof r === 'object' && r !== null && typeof r.key === 'string' && Array.isArray(r.issues) && r.issues.every(isPublishedIssue);
}

function isPublished(value: unknown): value is Published {
  const p = value as Published;
  return (
    typeof p === 'object' &&
    p !== null &&
    isManifest(p.files) &&
    (p.stamp === undefined ||
      (typeof p.stamp.key === 'string' && isSummary(p.stamp.summary) && (p.stamp.render === undefined || isRenderRecord(p.stamp.render))))
  );
}

/** The build refuses to replace this folder: the message says why and what to do. */
export class OutputFolderRefused extends Error {
  constructor(
    readonly outDir: string,
    message: string,
  ) {
    super(message);
  }
}

const inside = (parent: string, child: string) => child === parent || child.startsWith(`${parent}${path.sep}`);

/** Why the build must not replace this folder, or undefined when it may. */
export async function refuseOutputFolder(outDir: string, projectDir: string): Promise<string | undefined> {
  const out = path.resolve(outDir);
  const project = path.resolve(projectDir);
  const shown = path.relative(project, out) || '.';
  if (inside(out, project) || ['content', 'templates', 'src', 'lib', 'node_modules', '.git', '.cache'].some((d) => inside(path.join(project, d), out))) {
    return `输出目录 ${shown} 是项目本身或它的 content、templates 等目录：生成网站会整个替换输出目录，请另选一个目录，例如 dist`;
  }
  const info = await stat(out).catch(() => undefined);
  if (info && !info.isDirectory()) return `输出目录 ${shown} 是一个文件，不是目录：请另选一个目录，例如 dist`;
  const entries = await readdir(out).catch(() => [] as string[]);
  if (entries.length > 0 && !entries.includes(OUTPUT_MARKER)) {
    return `输出目录 ${shown} 里已有不是本程序生成的文件（没有 ${OUTPUT_MARKER} 标记）：生成网站会整个替换输出目录，请另选一个空目录或不存在的目录，或先把其中的文件移走`;
  }
  return undefined;
}

const isRunning = (pid: number) => {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Undoes what a killed build left: the old site put back when the output folder is missing
 * (the build died between its two renames), and the staging and retired folders removed.
 * Folders of builds still running are left alone.
 */
export async function recoverOutputFolder(outDir: string): Promise<void> {
  const parent = path.dirname(outDir);
  const base = path.basename(outDir);
  const leftover = new RegExp(`^\\.${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(staging|retired)-(\\d+)$`);
  const names = await readdir(parent).catch(() => [] as string[]);
  const dead = names
    .map((name) => ({ name, match: leftover.exec(name) }))
    .filter((e) => e.match && !isRunning(Number(e.match[2])))
    .map((e) => ({ dir: path.join(parent, e.name), kind: e.match![1]! }));
  const hasOutput = await stat(outDir).then(
    () => true,
    () => false,
  );
  if (!hasOutput) {
    const retired = dead.filter((d) => d.kind === 'retired');
    const newest = (await Promise.all(retired.map(async (d) => ({ ...d, mtime: (await stat(d.dir)).mtimeMs })))).sort((a, b) => b.mtime - a.mtime)[0];
    if (newest) {
      await rename(newest.dir, outDir);
      dead.splice(dead.indexOf(dead.find((d) => d.dir === newest.dir)!), 1);
    }
  }
  await Promise.all(dead.map((d) => rm(d.dir, { recursive: true, force: true })));
}

/**
 * Makes a folder and the folders above it that are missing, one at a time: Node's recursive
 * mkdir says ENOENT where the disk said EROFS (a read-only disk), so the message would be wrong.
 */
async function makeFolder(dir: string): Promise<void> {
  const missing: string[] = [];
  for (
    let at = dir;
    !(await stat(at).then(
      () => true,
      () => false,
    ));
    at = path.dirname(at)
  ) {
    missing.push(at);
    if (path.dirname(at) === at) break;
  }
  for (const folder of missing.reverse()) {
    await mkdir(folder).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
  }
}

/** Swaps the staging folder in for the output folder; on failure the output folder is put back. */
async function swapIn(outDir: string, staging: string): Promise<void> {
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
    throw error;
  }
  if (hadOutput) await rm(retired, { recursive: true, force: true });
}

function countFiles(dir: string): number {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => !entry.isDirectory()).length;
  } catch {
    return 0;
  }
}

export class DiskWriter implements Writer {
  readonly outDir: string;
  private staging = '';
  private manifest: Manifest = {};
  /** The manifest whose every file was found as written, by this build: not checked again. */
  private checked?: Manifest;
  private published?: Published;
  /** Whether the record was looked up: a build that finds none looks once. */
  private lookedUp = false;
  private next: Manifest = {};
  private written = 0;
  private readonly folders = new Set<string>();

  constructor(
    outDir: string,
    private readonly projectDir: string,
    private readonly cache?: Cache,
    /** How a kept file is linked (the tests give one that fails, as a FAT stick's does). */
    private readonly linkFile: (existing: string, newPath: string) => Promise<void> = link,
  ) {
    this.outDir = path.resolve(outDir);
  }

  private get manifestKey(): string {
    return hashOf(this.outDir);
  }

  private async readPublished(): Promise<Published | undefined> {
    if (!this.lookedUp) this.published = await this.cache?.readJson(MANIFESTS, this.manifestKey, isPublished);
    this.lookedUp = true;
    return this.published;
  }

  /** The summary of the build that left the output folder as it is, when its key is this one and no file was touched since. */
  async current(key: string): Promise<BuildSummary | undefined> {
    const published = await this.readPublished();
    if (!published?.stamp || published.stamp.key !== key || !this.allIntact(published)) return undefined;
    await recoverOutputFolder(this.outDir);
    return published.stamp.summary;
  }

  async last(): Promise<LastSite | undefined> {
    const published = await this.readPublished();
    const render = published?.stamp?.render;
    if (!render || !this.allIntact(published)) return undefined;
    return { render, files: Object.keys(published.files).filter((file) => file !== OUTPUT_MARKER) };
  }

  /**
   * Whether the output folder holds exactly the files published, each as it was written. Checked
   * with synchronous calls: thousands of stat()s through the thread pool cost more than the calls.
   */
  private allIntact(published: Published): boolean {
    this.manifest = published.files;
    if (this.checked === published.files) return true;
    const files = Object.keys(published.files);
    const whole = files.every((file) => this.writtenAsIs(file)) && countFiles(this.outDir) === files.length;
    if (whole) this.checked = published.files;
    return whole;
  }

  /** Whether the file found is the one this writer wrote: its size and modification time. */
  private writtenAsIs(file: string): boolean {
    const written = this.manifest[file];
    let now: Stats;
    try {
      now = statSync(path.join(this.outDir, file));
    } catch {
      return false;
    }
    return now.isFile() && now.size === written?.size && now.mtimeMs === written.mtimeMs;
  }

  async begin(): Promise<void> {
    await recoverOutputFolder(this.outDir);
    const refusal = await refuseOutputFolder(this.outDir, this.projectDir);
    if (refusal) throw new OutputFolderRefused(this.outDir, refusal);
    this.manifest = (await this.readPublished())?.files ?? {};
    this.next = {};
    this.written = 0;
    this.folders.clear();
    this.staging = path.join(path.dirname(this.outDir), `.${path.basename(this.outDir)}-staging-${process.pid}`);
    await rm(this.staging, { recursive: true, force: true });
    await makeFolder(this.staging);
  }

  /** The published file, when it is still exactly as this writer wrote it with this hash. */
  private intact(file: string, hash?: string): boolean {
    const written = this.manifest[file];
    if (!written || (hash !== undefined && written.hash !== hash)) return false;
    return this.checked === this.manifest || this.writtenAsIs(file);
  }

  private async folderFor(target: string): Promise<void> {
    const dir = path.dirname(target);
    if (this.folders.has(dir)) return;
    await mkdir(dir, { recursive: true });
    this.folders.add(dir);
  }

  /**
   * Takes the published file into the new version: a hard link, or a copy where the file system has
   * none (a FAT stick, some network shares); false when it cannot be.
   */
  private async keep(file: string, hash?: string): Promise<boolean> {
    if (!this.intact(file, hash)) return false;
    const source = path.join(this.outDir, file);
    const target = path.join(this.staging, file);
    await this.folderFor(target);
    const linked = await this.linkFile(source, target).then(
      () => true,
      () => false,
    );
    if (linked) {
      this.next[file] = this.manifest[file]!;
      return true;
    }
    const copied = await copyFile(source, target).then(
      () => true,
      () => false,
    );
    if (!copied) return false;
    this.written += 1; // a new file: the output folder is replaced, with the times recorded here
    const { size, mtimeMs } = await stat(target);
    this.next[file] = { hash: this.manifest[file]!.hash, size, mtimeMs };
    return true;
  }

  async put(file: string, content: string | Uint8Array): Promise<void> {
    const hash = hashOf(content);
    if (this.next[file]?.hash === hash) return;
    const target = path.join(this.staging, file);
    // Already in the new version (kept, a hard link to the published file): never written through.
    if (this.next[file]) await rm(target, { force: true });
    delete this.next[file];
    if (await this.keep(file, hash)) return;
    await this.folderFor(target);
    await writeFile(target, content);
    this.written += 1;
    const { size, mtimeMs } = await stat(target);
    this.next[file] = { hash, size, mtimeMs };
  }

  async keepAll(files: Iterable<string>): Promise<void> {
    for (const file of files) if (this.next[file] === undefined) await this.keep(file);
  }

  async commit(files: ReadonlySet<string>, stamp?: BuildStamp): Promise<string[]> {
    try {
      for (const file of files) {
        if (this.next[file] === undefined && !(await this.keep(file))) throw new Error(`${file}\uFF1A没有生成，也不在已发布的网站中（这是程序的问题）`);
      }
      await this.put(OUTPUT_MARKER, MARKER_TEXT);
    } catch (error) {
      await this.abort();
      throw error;
    }
    const all = Object.keys(this.next).sort();
    const changed = all.filter((file) => this.manifest[file]?.hash !== this.next[file]!.hash);
    const removed = Object.keys(this.manifest).filter((file) => this.next[file] === undefined);
    const untouched = this.written === 0 && removed.length === 0 && countFiles(this.outDir) === all.length;
    const record = async () => {
      this.published = { files: this.next, stamp };
      await this.cache?.writeJson(MANIFESTS, this.manifestKey, this.published);
    };
    if (untouched) {
      await this.abort();
      await record();
      return [];
    }
    try {
      await swapIn(this.outDir, this.staging);
    } catch (error) {
      await this.abort();
      throw error;
    }
    await record();
    return [...changed, ...removed].sort();
  }

  async abort(): Promise<void> {
    if (this.staging) await rm(this.staging, { recursive: true, force: true });
  }
}
