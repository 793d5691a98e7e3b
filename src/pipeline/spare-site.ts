// The site's last version, kept in the cache when a build swaps a new one in, to be the next
// build's staging folder. A site of 1000 issues is about 5000 files: a build that changes one
// issue would otherwise hard-link some 5000 unchanged files into an empty staging folder, then
// remove the 5000 of the old version. From the spare, the files the new version keeps as they
// are need no link, only a check that each is as it was written (its size and time), and the old
// version is renamed, not removed.
//
// The spare lives in the cache (.cache/build/spare/), never beside the output folder: a web
// server serving the output folder's parent would serve an old version, an issue withdrawn
// since included. It shares its unchanged files with the published site (hard links), so the
// writer never writes into one of its files: a file replaced is removed first, then written anew.
import { mkdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type Cache, hashOf } from '../cache/cache.ts';
import { mapLimited } from '../concurrency.ts';
import { filesUnder, isPublished, MANIFESTS, type Manifest } from './manifest.ts';

const succeeds = (done: Promise<unknown>) =>
  done.then(
    () => true,
    () => false,
  );

const spareKey = (outDir: string) => hashOf('spare', outDir);
const spareFolder = (cache: Cache, outDir: string) => path.join(cache.dir, 'spare', hashOf(outDir));

/** The file that marks a staging folder as a build's own, and the text it holds (disk-writer.ts). */
export interface StagingToken {
  name: string;
  text: string;
}

/** The spare taken as the staging folder: the files it holds, as written, and any others found in it. */
export interface TakenSpare {
  /** As written; one missing or changed since is found so when it is looked at. */
  files: Manifest;
  /** The files found in it that its record does not list (the folder is listed at the first call). */
  strays: () => string[];
}

/**
 * Takes the output folder's spare as the staging folder: given its token first (so that a build
 * killed after the rename leaves a staging folder it can prove its own), then renamed. Resolves to
 * the files it holds, or to undefined when there is none (no staging folder is made).
 */
export async function takeSpare(cache: Cache | undefined, outDir: string, staging: string, token: StagingToken): Promise<TakenSpare | undefined> {
  if (!cache) return undefined;
  const dir = spareFolder(cache, outDir);
  const record = await cache.readJson(MANIFESTS, spareKey(outDir), isPublished);
  await cache.remove(MANIFESTS, spareKey(outDir));
  const taken = record !== undefined && (await succeeds(writeFile(path.join(dir, token.name), token.text))) && (await succeeds(rename(dir, staging)));
  if (!taken) {
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
    return undefined;
  }
  // Only files the record lists may be published: anything else found there is removed before the
  // new version is. Listed once, when the writer asks (while the search index is made).
  let listed: string[] | undefined;
  const strays = () => {
    listed ??= filesUnder(staging).filter((file) => file !== token.name && !Object.hasOwn(record.files, file));
    return listed;
  };
  return { files: record.files, strays };
}

/**
 * Keeps a folder of the site that the build wrote (files: as written) as the output folder's spare.
 * False when it cannot be (no cache, or the cache on another disk): the caller removes it.
 */
export async function keepSpare(cache: Cache | undefined, outDir: string, dir: string, files: Manifest): Promise<boolean> {
  if (!cache) return false;
  const spare = spareFolder(cache, outDir);
  // One left by a build killed before its record was written: the cache's, and unrecorded.
  await rm(spare, { recursive: true, force: true }).catch(() => undefined);
  await mkdir(path.dirname(spare), { recursive: true }).catch(() => undefined);
  const kept = await succeeds(rename(dir, spare));
  if (kept) await cache.writeJson(MANIFESTS, spareKey(outDir), { files });
  return kept;
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
