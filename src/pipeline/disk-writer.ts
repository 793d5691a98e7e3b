// The site on disk, published atomically. A new version is written to a staging folder beside
// the output folder, then takes its place: a failed build never leaves a half-written site, and
// readers never see one. A file that has not changed since the last build is not written again:
// it is hard-linked from the published folder (same file, same modification time), and when
// nothing at all changed, the published folder is left as it is. What was written is remembered
// in the cache with each file's size and modification time, so a file changed by hand in the
// output folder is written anew.
//
// The writer replaces only a folder it can prove it wrote, an empty one or none. The proof is the
// marker file's content, not its name: the marker lists every file of the site with its checksum,
// and it is trusted when its own checksum is the one the build recorded (the cache), or, with no
// record, when every file it lists is found with its checksum. A file in the folder that the
// marker does not list was put there by someone else: the build names it and refuses, rather than
// delete it. Each build first recovers from a build that was killed: it puts the old site back if
// the output folder is missing, and removes the staging and retired folders of builds no longer
// running, each only when proven its own (a retired folder by its marker, a staging folder by the
// record the build made before creating it).
import { randomUUID } from 'node:crypto';
import { constants, lstatSync, mkdirSync, readlinkSync, rmSync, type Stats, statSync, writeFileSync } from 'node:fs';
import { copyFile, link, mkdir, readdir, realpath, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type Cache, hashOf, hashOfContent, hashOfValue } from '../cache/cache.ts';
import { mapLimited } from '../concurrency.ts';
import { readRegularFile } from '../content/read-regular-file.ts';
import { type ContentEntry, given, OUTPUT_FOLDER, textOf } from '../messages/catalogue.ts';
import { neitherMadeNorKept } from '../messages/commands.ts';
import { filesUnder, isPublished, isSitePath, MANIFESTS, type Manifest, type Published } from './manifest.ts';
import { keepSpare, leftovers, removeFiles, takeSpare } from './spare-site.ts';
import type { Writer } from './writer.ts';

/** A file in every output folder the build writes: the build replaces only a folder that holds it. */
export const OUTPUT_MARKER = '.lianluodongtai-site';
const MARKER_TEXT = '联络动态 publisher: this folder is replaced as a whole by every build.\n';

/** The marker's content: its header, then each other file of the site as "sha256 path", sorted. */
function markerText(files: Manifest): string {
  const lines = Object.keys(files)
    .filter((file) => file !== OUTPUT_MARKER)
    .sort()
    .map((file) => `${files[file]!.hash} ${file}\n`);
  return MARKER_TEXT + lines.join('');
}

/** Far above any site's marker (a line per file): a larger file is no marker. */
const MAX_MARKER_BYTES = 64 * 1024 * 1024;

/** The files a marker lists, with their checksums, when it is one (a regular file, not a link); and its own checksum. */
function readMarker(dir: string): { listed: Map<string, string>; hash: string } | undefined {
  const file = path.join(dir, OUTPUT_MARKER);
  if (!lstatSync(file, { throwIfNoEntry: false })?.isFile()) return undefined;
  const read = readRegularFile(file, MAX_MARKER_BYTES);
  if (!read.ok) return undefined;
  const text = read.bytes.toString('utf8');
  if (!text.startsWith(MARKER_TEXT)) return undefined;
  const listed = new Map<string, string>();
  for (const line of text.slice(MARKER_TEXT.length).split('\n')) {
    if (line === '') continue;
    const match = /^([0-9a-f]{64}) (.+)$/.exec(line);
    if (!match || !isSitePath(match[2]!)) return undefined;
    listed.set(match[2]!, match[1]!);
  }
  return { listed, hash: hashOf(read.bytes) };
}

const sha256OfFile = (file: string): string | undefined => {
  const read = readRegularFile(file, Number.MAX_SAFE_INTEGER);
  return read.ok ? hashOf(read.bytes) : undefined;
};

/**
 * Whether the build wrote this folder, by proof: undefined when it holds no marker it can trust;
 * else the files in it that the marker does not vouch for (put there since, by someone else).
 */
export function foreignFiles(dir: string, recorded?: Manifest): string[] | undefined {
  // The marker as the build's record has it written (its size and time, as every file is checked
  // in version()): the record says which files the build wrote, without reading the marker.
  const written = recorded?.[OUTPUT_MARKER];
  const markerNow = written && lstatSync(path.join(dir, OUTPUT_MARKER), { throwIfNoEntry: false });
  if (written && markerNow?.isFile() && markerNow.size === written.size && markerNow.mtimeMs === written.mtimeMs) {
    return filesUnder(dir)
      .filter((file) => file !== OUTPUT_MARKER && !Object.hasOwn(recorded, file))
      .sort();
  }
  const marker = readMarker(dir);
  if (!marker) return undefined;
  const found = filesUnder(dir).filter((file) => file !== OUTPUT_MARKER);
  // The build's record vouches for the marker, and says which files the build wrote.
  if (recorded?.[OUTPUT_MARKER]?.hash === marker.hash) return found.filter((file) => !Object.hasOwn(recorded, file)).sort();
  // Without it, the marker is proven by the files it lists: each found as listed.
  const present = new Set(found);
  if (![...marker.listed].every(([file, hash]) => !present.has(file) || sha256OfFile(path.join(dir, file)) === hash)) return undefined;
  return found.filter((file) => !marker.listed.has(file)).sort();
}

/** Files taken over from the published version at once (hard links made side by side). */
const KEPT_AT_ONCE = 32;

/**
 * Files are written synchronously, and a put resolves at once: a loop of puts alone would hold the
 * event loop until its last file. Every TURN_MS the loop is let turn, so that what came in meanwhile
 * is taken: a search thread done with its part is sent the next (at 1000 issues, one waited up to
 * 1.2 s for the pages to be written).
 */
const TURN_MS = 10;
let lastTurn = performance.now();

async function takeTurn(): Promise<void> {
  if (performance.now() - lastTurn < TURN_MS) return;
  await new Promise((resolve) => setImmediate(resolve));
  lastTurn = performance.now();
}

/** The build refuses to replace this folder: the refusal (OUTPUT_FOLDER) says why and what to do. */
export class OutputFolderRefused extends Error {
  constructor(
    readonly outDir: string,
    readonly refusal: ContentEntry<void>,
  ) {
    super(textOf(refusal, undefined));
  }
}

const inside = (parent: string, child: string) => child === parent || child.startsWith(`${parent}${path.sep}`);

/** At most this many foreign files are named in the message. */
const NAMED = 10;

/**
 * Why the build must not replace this folder, or undefined when it may; recorded: what the build
 * recorded of it; proven: the writer found it just now holding the files recorded and no other.
 */
export async function refuseOutputFolder(outDir: string, projectDir: string, recorded?: Manifest, proven = false): Promise<ContentEntry<void> | undefined> {
  const out = path.resolve(outDir);
  const project = path.resolve(projectDir);
  const folder = path.relative(project, out) || '.';
  if (inside(out, project) || ['content', 'templates', 'src', 'lib', 'node_modules', '.git', '.cache'].some((d) => inside(path.join(project, d), out))) {
    return given(OUTPUT_FOLDER.inProject, { folder });
  }
  // A link would be renamed away with the old site, and the folder it points to emptied with it.
  if (lstatSync(out, { throwIfNoEntry: false })?.isSymbolicLink()) {
    return given(OUTPUT_FOLDER.isLink, { folder, target: await realpath(out).catch(() => readlinkSync(out)) });
  }
  const info = await stat(out).catch(() => undefined);
  if (info && !info.isDirectory()) return given(OUTPUT_FOLDER.isFile, { folder });
  // Found by the writer just now to hold the files recorded and no other: no listing again.
  if (proven) return undefined;
  const entries = await readdir(out).catch(() => [] as string[]);
  if (entries.length === 0) return undefined;
  const foreign = foreignFiles(out, recorded);
  if (foreign === undefined) return given(OUTPUT_FOLDER.unmarked, { folder, marker: OUTPUT_MARKER });
  if (foreign.length > 0) {
    const named = foreign.slice(0, NAMED).map((file) => path.join(folder, file));
    return given(OUTPUT_FOLDER.foreignFiles, { folder, named, count: foreign.length });
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
export async function recoverOutputFolder(outDir: string, cache?: Cache, recorded?: Manifest): Promise<void> {
  const parent = path.dirname(outDir);
  const base = path.basename(outDir);
  const leftover = new RegExp(`^\\.${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(staging|retired)-(\\d+)$`);
  const names = await readdir(parent).catch(() => [] as string[]);
  const candidates = names
    .map((name) => ({ name, match: leftover.exec(name) }))
    .filter((e) => e.match && !isRunning(Number(e.match[2])))
    .map((e) => ({ dir: path.join(parent, e.name), kind: e.match![1]! }));
  // Only folders proven the build's own: a retired one holds a site with its marker and nothing
  // else; a staging one was recorded by the build before it was made, or holds such a site (killed
  // between the removal of its token and the swap). Lookalikes are left alone.
  const dead: typeof candidates = [];
  for (const candidate of candidates) {
    // A staging folder killed after its token went and before the swap holds a whole site: its marker proves it.
    const ownStaging = candidate.kind === 'staging' && (await isOwnStaging(candidate.dir, cache));
    if (ownStaging || foreignFiles(candidate.dir, recorded)?.length === 0) dead.push(candidate);
  }
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
  await Promise.all(
    dead.map(async (d) => {
      if (d.kind === 'retired') return removeSite(d.dir);
      await rm(d.dir, { recursive: true, force: true });
      await cache?.remove(MANIFESTS, stagingKey(d.dir));
    }),
  );
  // A folder a build was killed making, before it held its token, is empty: removing an empty
  // folder removes no one's files.
  await Promise.all(
    candidates
      .filter((c) => !dead.includes(c))
      .map(async (c) => {
        const removed = await rmdir(c.dir).then(
          () => true,
          () => false,
        );
        if (removed && c.kind === 'staging') await cache?.remove(MANIFESTS, stagingKey(c.dir));
      }),
  );
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

/**
 * Removes a folder of the build's, the file that proves it its own last (a site's marker, or a
 * staging folder's token): a kill midway leaves a folder that still proves itself the build's,
 * which the next build removes.
 */
async function removeSite(dir: string, last = OUTPUT_MARKER): Promise<void> {
  // A link in its place (put there by hand meanwhile) goes alone: what it points to is not the build's.
  if (lstatSync(dir, { throwIfNoEntry: false })?.isSymbolicLink()) return rm(dir, { force: true });
  const names = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(names.filter((name) => name !== last).map((name) => rm(path.join(dir, name), { recursive: true, force: true })));
  await rm(dir, { recursive: true, force: true });
}

/** The cache key under which a build records the staging folder it is about to make. */
const stagingKey = (staging: string) => hashOf('staging', staging);

/** Whether the build recorded this staging folder before making it, and the folder has its record's token. */
async function isOwnStaging(dir: string, cache?: Cache): Promise<boolean> {
  const token = await cache?.readValue(MANIFESTS, stagingKey(dir), (v: unknown): v is string => typeof v === 'string');
  if (token === undefined) return false;
  const file = path.join(dir, STAGING_TOKEN);
  if (!lstatSync(file, { throwIfNoEntry: false })?.isFile()) return false;
  const read = readRegularFile(file, 1024);
  return read.ok && read.bytes.toString('utf8') === token;
}

/** A file in a staging folder while it is being filled: the token of the build's record. */
const STAGING_TOKEN = '.lianluodongtai-staging';

/**
 * Swaps the staging folder in for the output folder; on failure the output folder is put back.
 * The old site is then removed, unless files were put into it during the build (recorded: what the
 * build found there when it began): then it is set aside whole, and those files returned.
 */
async function swapIn(outDir: string, staging: string, recorded?: Manifest, cache?: Cache): Promise<SetAside | undefined> {
  const retired = path.join(path.dirname(outDir), `.${path.basename(outDir)}-retired-${process.pid}`);
  if (
    await stat(retired).then(
      () => true,
      () => false,
    )
  )
    throw new OutputFolderRefused(outDir, leftInTheWay(retired));
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
  if (!hadOutput) return undefined;
  const foreign = foreignFiles(retired, recorded);
  if (foreign === undefined || foreign.length > 0) {
    // Under a name an editor finds beside the output folder, and no later build takes for its own.
    const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
    const aside = path.join(path.dirname(outDir), `${path.basename(outDir)}-旧网站-${stamp}`);
    const moved = await rename(retired, aside).then(
      () => true,
      () => false,
    );
    return { dir: moved ? aside : retired, files: foreign ?? [] };
  }
  // The old site is the next build's staging folder (spare-site.ts), or removed. A removal that
  // fails (a file held open on Windows) leaves it for the next build to remove, proven by its
  // marker, rather than failing this build: the new site is in place.
  if (isVersion(retired, recorded) && (await keepSpare(cache, outDir, retired, recorded))) return undefined;
  await removeSite(retired).catch(() => undefined);
  return undefined;
}

/** Whether the folder's marker is the one written with these files (its size and time): the folder is that version. */
function isVersion(dir: string, files?: Manifest): files is Manifest {
  const written = files?.[OUTPUT_MARKER];
  const found = written && lstatSync(path.join(dir, OUTPUT_MARKER), { throwIfNoEntry: false });
  return !!found && found.isFile() && found.size === written.size && found.mtimeMs === written.mtimeMs;
}

/** The old site, left beside the new one because files were put into it during the build. */
export interface SetAside {
  dir: string;
  /** The files the build did not write, relative to dir (none named: its marker was gone). */
  files: string[];
}

/** The refusal for a folder of the build's names that it cannot prove its own. */
const leftInTheWay = (dir: string) => given(OUTPUT_FOLDER.leftInTheWay, { dir });

export class DiskWriter implements Writer {
  readonly outDir: string;
  private staging = '';
  private manifest: Manifest = {};
  /** The manifest whose every file was found as written, by this build: not checked again. */
  private checked?: Manifest;
  /** The files of the version this writer's last commit published, as it wrote them. */
  private committed?: Manifest;
  /**
   * The manifest whose files were found as written and alone in the folder (listed), by the last
   * version(): begin() right after it need not list the folder again for files put there by hand.
   */
  private listed?: Manifest;
  /** What the build found recorded of the output folder when it began. */
  private recorded?: Manifest;
  /** The old site of the last commit, when it was set aside rather than removed (swapIn). */
  setAside?: SetAside;
  private published?: Published;
  /** Whether the record was looked up: a build that finds none looks once. */
  private lookedUp = false;
  private next: Manifest = {};
  /** The files of the staging folder taken from the spare (spare-site.ts), as written, that the new version has not taken yet. */
  private spare: Manifest = {};
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
    if (!this.lookedUp) this.published = await this.cache?.readValue(MANIFESTS, this.manifestKey, isPublished);
    this.lookedUp = true;
    return this.published;
  }

  /**
   * The version of the published folder, when it holds exactly the files written, each as it was
   * written (a hash of what was written); first undoes what a killed build left.
   */
  async version(): Promise<string | undefined> {
    const published = await this.readPublished();
    if (!published || !this.allIntact(published)) return undefined;
    await recoverOutputFolder(this.outDir, this.cache, published.files);
    return hashOfValue(published.files);
  }

  committedVersion(): string | undefined {
    return this.committed && hashOfValue(this.committed);
  }

  /**
   * Whether the output folder holds exactly the files published, each as it was written. Checked
   * with synchronous calls: thousands of stat()s through the thread pool cost more than the calls.
   */
  private allIntact(published: Published): boolean {
    this.manifest = published.files;
    if (this.checked === published.files) return true;
    const files = Object.keys(published.files);
    const found = filesUnder(this.outDir);
    const whole = found.length === files.length && found.every((file) => Object.hasOwn(published.files, file)) && files.every((file) => this.writtenAsIs(file));
    if (whole) this.checked = this.listed = published.files;
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
    this.staging = '';
    const recorded = (await this.readPublished())?.files;
    this.recorded = recorded;
    this.setAside = undefined;
    await recoverOutputFolder(this.outDir, this.cache, recorded);
    const proven = recorded !== undefined && this.listed === recorded;
    this.listed = undefined;
    const refusal = await refuseOutputFolder(this.outDir, this.projectDir, recorded, proven);
    if (refusal) throw new OutputFolderRefused(this.outDir, refusal);
    this.manifest = recorded ?? {};
    this.next = {};
    this.written = 0;
    this.folders.clear();
    const spare = await takeSpare(this.cache, this.outDir);
    this.spare = { ...spare?.files };
    if (spare) {
      this.staging = spare.dir;
      return;
    }
    const staging = path.join(path.dirname(this.outDir), `.${path.basename(this.outDir)}-staging-${process.pid}`);
    // Left by a build of this process id that recovery could not prove its own: not removed.
    if (
      await stat(staging).then(
        () => true,
        () => false,
      )
    )
      throw new OutputFolderRefused(this.outDir, leftInTheWay(staging));
    // Recorded before it is made, so that a build killed at any point leaves a folder it can prove its own.
    const token = randomUUID();
    await this.cache?.writeValue(MANIFESTS, stagingKey(staging), token);
    await makeFolder(staging);
    this.staging = staging;
    await writeFile(path.join(staging, STAGING_TOKEN), token).catch(async (error: unknown) => {
      // A full disk: the folder, just made and empty of anything else, goes with the build.
      await this.abort();
      throw error;
    });
  }

  /** The published file, when it is still exactly as this writer wrote it with this hash. */
  private intact(file: string, hash?: string): boolean {
    const written = this.manifest[file];
    if (!written || (hash !== undefined && written.hash !== hash)) return false;
    return this.checked === this.manifest || this.writtenAsIs(file);
  }

  private folderFor(target: string): void {
    const dir = path.dirname(target);
    if (this.folders.has(dir)) return;
    mkdirSync(dir, { recursive: true });
    this.folders.add(dir);
  }

  /**
   * Takes the published file into the new version: a hard link, or a copy where the file system has
   * none (a FAT stick, some network shares); false when it cannot be.
   */
  private async keep(file: string, hash?: string): Promise<boolean> {
    if (!this.intact(file, hash)) return false;
    if (this.fromSpare(file, this.manifest[file]!.hash)) return true;
    await this.clearSpare(file);
    const source = path.join(this.outDir, file);
    const target = path.join(this.staging, file);
    this.folderFor(target);
    const linked = await this.linkFile(source, target).then(
      () => true,
      () => false,
    );
    if (linked) {
      this.next[file] = this.manifest[file]!;
      return true;
    }
    const copied = await copyFile(source, target, constants.COPYFILE_EXCL).then(
      () => true,
      () => false,
    );
    if (!copied) return false;
    this.written += 1; // a new file: the output folder is replaced, with the times recorded here
    const { size, mtimeMs } = await stat(target);
    this.next[file] = { hash: this.manifest[file]!.hash, size, mtimeMs };
    return true;
  }

  /**
   * Takes the spare's file into the new version when it has this hash and is as it was written;
   * a file of the spare is looked at once.
   */
  private fromSpare(file: string, hash: string): boolean {
    const spare = this.spare[file];
    if (spare?.hash !== hash) return false;
    const now = lstatSync(path.join(this.staging, file), { throwIfNoEntry: false });
    // Changed since it was written: left for clearSpare to remove.
    if (!now?.isFile() || now.size !== spare.size || now.mtimeMs !== spare.mtimeMs) return false;
    delete this.spare[file];
    const published = this.manifest[file];
    if (published?.hash !== hash || published.size !== spare.size || published.mtimeMs !== spare.mtimeMs) this.written += 1;
    this.next[file] = spare;
    return true;
  }

  /** Removes the spare's file at this path, which the new version does not take. */
  private async clearSpare(file: string): Promise<void> {
    if (!Object.hasOwn(this.spare, file)) return;
    delete this.spare[file];
    await rm(path.join(this.staging, file), { force: true });
  }

  async put(file: string, content: string | Uint8Array): Promise<void> {
    await takeTurn();
    const hash = hashOfContent(content);
    if (this.next[file]?.hash === hash) return;
    const target = path.join(this.staging, file);
    // Already in the new version (kept, a hard link to the published file): never written through.
    if (this.next[file]) await rm(target, { force: true });
    delete this.next[file];
    if (this.fromSpare(file, hash)) return;
    await this.clearSpare(file);
    if (await this.keep(file, hash)) return;
    this.folderFor(target);
    // Never into a file already there: it may be a hard link to a file of the published site. One
    // there under another name (a spare's file on a disk that ignores case) is removed first.
    // Written synchronously: for a site's thousands of small files, a third of the work that
    // writing through promises is (a cold build at 1000 issues writes 5000).
    try {
      writeFileSync(target, content, { flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      rmSync(target, { force: true });
      writeFileSync(target, content, { flag: 'wx' });
    }
    this.written += 1;
    const { size, mtimeMs } = statSync(target);
    this.next[file] = { hash, size, mtimeMs };
  }

  async keepAll(files: Iterable<string>): Promise<void> {
    // Many at once: each link waits on the file system, one after the other they took a third of
    // a second for the 6000 files of a site of 1000 issues.
    await mapLimited(
      [...files].filter((file) => this.next[file] === undefined),
      KEPT_AT_ONCE,
      (file) => this.keep(file),
    );
  }

  async commit(files: ReadonlySet<string>): Promise<string[]> {
    try {
      for (const file of files) {
        if (this.next[file] === undefined && !(await this.keep(file))) throw new Error(neitherMadeNorKept(file));
      }
      await removeFiles(this.staging, leftovers(this.staging, this.spare, this.next));
      this.spare = {};
      await rm(path.join(this.staging, STAGING_TOKEN), { force: true });
      const { [OUTPUT_MARKER]: _, ...site } = this.next;
      await this.put(OUTPUT_MARKER, markerText(site));
    } catch (error) {
      await this.abort();
      throw error;
    }
    const all = Object.keys(this.next).sort();
    // The marker changes with any file it lists: named only when it is new.
    const changed = all.filter((file) => this.manifest[file]?.hash !== this.next[file]!.hash && (file !== OUTPUT_MARKER || !this.manifest[file]));
    const removed = Object.keys(this.manifest).filter((file) => this.next[file] === undefined);
    const untouched = this.written === 0 && removed.length === 0 && filesUnder(this.outDir).length === all.length;
    const record = async () => {
      this.published = { files: this.next };
      this.committed = this.next;
      await this.cache?.writeValue(MANIFESTS, this.manifestKey, this.published);
    };
    if (untouched) {
      // The same site: kept as the spare of the next build, else dropped.
      if (await keepSpare(this.cache, this.outDir, this.staging, this.next)) await this.forgetStaging();
      else await this.abort();
      await record();
      return [];
    }
    try {
      this.setAside = await swapIn(this.outDir, this.staging, this.recorded, this.cache);
    } catch (error) {
      await this.abort();
      throw error;
    }
    await this.forgetStaging();
    await record();
    return [...changed, ...removed].sort();
  }

  async abort(): Promise<void> {
    if (!this.staging) return;
    // Its token last: a kill midway leaves a folder the next build still proves its own.
    await removeSite(this.staging, STAGING_TOKEN);
    await this.forgetStaging();
  }

  /** The staging folder is gone (swapped in or removed): its record is no longer needed. */
  private async forgetStaging(): Promise<void> {
    await this.cache?.remove(MANIFESTS, stagingKey(this.staging));
  }
}
