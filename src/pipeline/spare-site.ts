// The site's last version, kept in the cache when a build swaps a new one in, to be the next
// build's staging folder. A site of 1000 issues is about 5000 files: a build that changes one
// issue would otherwise hard-link some 5000 unchanged files into an empty staging folder, then
// remove the 5000 of the old version. In the spare, the files the new version keeps as they are
// need no link, only a check that each is as it was written (its size and time), and the old
// version is renamed, not removed.
//
// The spare lives in the cache (.cache/build/spare/), and the new version is made in it there,
// never beside the output folder: a web server serving the output folder's parent would serve an
// old version, an issue withdrawn since included. Its unchanged files are the published site's
// own (hard links), so the writer never writes into one: a file replaced is removed first, then
// written anew. It is taken only when it is a folder holding folders and regular files alone, the
// files its record lists: a link anywhere in it would lead the writer's removals out of it.

import { lstatSync } from 'node:fs';
import { mkdir, readdir, rename, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { type Cache, hashOf } from '../cache/cache.ts';
import { mapLimited } from '../concurrency.ts';
import { entriesUnder, isPublished, MANIFESTS, type Manifest } from './manifest.ts';

const SPARES = 'spare';
const spareKey = (outDir: string) => hashOf('spare', outDir);
const spareFolder = (cache: Cache, outDir: string) => path.join(cache.dir, SPARES, hashOf(outDir));

const isRealFolder = (dir: string) => lstatSync(dir, { throwIfNoEntry: false })?.isDirectory() === true;

/** The spare taken as the staging folder: where it is, and the files it holds, as written. */
export interface TakenSpare {
  dir: string;
  /** As written; one missing or changed since is found so when it is looked at. */
  files: Manifest;
}

/**
 * Takes the output folder's spare, where it lies, to make the new version in. Its record is removed
 * at once: a build killed meanwhile leaves a folder without one, which the next build removes.
 * Resolves to undefined when there is no spare to take (one not whole is removed).
 */
export async function takeSpare(cache: Cache | undefined, outDir: string): Promise<TakenSpare | undefined> {
  if (!cache) return undefined;
  const dir = spareFolder(cache, outDir);
  const record = await cache.readValue(MANIFESTS, spareKey(outDir), isPublished);
  await cache.remove(MANIFESTS, spareKey(outDir));
  const entries = record && isRealFolder(dir) ? entriesUnder(dir) : [];
  if (!record || entries.length === 0 || !entries.every((entry) => entry.regular)) {
    // rm does not follow links: a link in it goes, what it points to stays.
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
    return undefined;
  }
  // Only files its record lists may be published.
  await removeFiles(
    dir,
    entries.filter((entry) => !Object.hasOwn(record.files, entry.file)).map((entry) => entry.file),
  );
  return { dir, files: record.files };
}

/**
 * Keeps a folder of the site that the build wrote (files: as written) as the output folder's spare,
 * in place of any other spare (another output folder's too). False when it cannot be (no cache, or
 * the cache on another disk): the caller removes it.
 */
export async function keepSpare(cache: Cache | undefined, outDir: string, dir: string, files: Manifest): Promise<boolean> {
  if (!cache) return false;
  const spare = spareFolder(cache, outDir);
  if (dir !== spare) {
    // Older spares, and one left by a build killed before its record was written: the cache's.
    const spares = path.dirname(spare);
    const names = await readdir(spares).catch(() => [] as string[]);
    await Promise.all(names.map((name) => rm(path.join(spares, name), { recursive: true, force: true }).catch(() => undefined)));
    await mkdir(spares, { recursive: true }).catch(() => undefined);
    const kept = await rename(dir, spare).then(
      () => true,
      () => false,
    );
    if (!kept) return false;
  }
  await cache.writeValue(MANIFESTS, spareKey(outDir), { files });
  return true;
}

/** Files removed at once. */
const REMOVED_AT_ONCE = 32;

/** Removes files of a folder of the site, then the folders they leave empty. */
export async function removeFiles(dir: string, files: readonly string[]): Promise<void> {
  await mapLimited([...files], REMOVED_AT_ONCE, (file) => rm(path.join(dir, file), { force: true }));
  const folders = new Set<string>();
  for (const file of files) for (let folder = path.dirname(file); folder !== '.'; folder = path.dirname(folder)) folders.add(folder);
  // A folder's path is longer than its parent's: the deepest go first.
  for (const folder of [...folders].sort((a, b) => b.length - a.length)) await rmdir(path.join(dir, folder)).catch(() => undefined);
}

const folded = (file: string) => file.normalize('NFC').toLowerCase();

/**
 * The spare's files the new version does not take, less any that is one of its files under another
 * case (on a disk that ignores case, 照片.JPG put in place of 照片.jpg is the same file).
 */
export function leftovers(dir: string, spare: Manifest, kept: Manifest): string[] {
  const left = Object.keys(spare);
  const byFold = new Map(Object.keys(kept).map((file) => [folded(file), file]));
  return left.filter((file) => {
    const twin = byFold.get(folded(file));
    if (twin === undefined || twin === file) return true;
    const a = lstatSync(path.join(dir, file), { throwIfNoEntry: false });
    const b = lstatSync(path.join(dir, twin), { throwIfNoEntry: false });
    return !(a && b && a.ino === b.ino && a.dev === b.dev);
  });
}
