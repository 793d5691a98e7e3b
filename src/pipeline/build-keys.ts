// The whole-build key a build compares with the last one's: everything it is made of. When it and
// dist/ are as the last build left them, the build does nothing (record.ts); each file's own key is
// the plan's (plan.ts). Hashes of contents, never modification times: touching a file without
// changing it leaves every key as it was. (A picture's hash is found in the cache by its size and
// times, so that its bytes are read again only when it changed: content/published-files.ts.)
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { VFile } from 'vfile';
import { currentToolVersion, hashOf } from '../cache/cache.ts';
import type { RawSource } from '../content/load-content.ts';
import { todayInChina } from '../text/chinese.ts';

/** A hash of every file under templates/: part of the build's key, the render key and each PDF's. */
export async function templatesKey(templatesDir: string): Promise<string> {
  const entries = await readdir(templatesDir, { recursive: true, withFileTypes: true }).catch(() => []);
  const files = entries
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
  const contents = await Promise.all(files.map((file) => readFile(file)));
  return hashOf(...files.map((f) => path.relative(templatesDir, f)), ...contents);
}

/** The options of a run that change what it publishes. */
export interface PublishingOptions {
  drafts: boolean;
  keepLastGood: boolean;
  search: boolean;
  pdfs: string;
}

export interface BuildInputs {
  options: PublishingOptions;
  templatesKey: string;
  /** site.yml and every issue file as read: their bytes, before decoding. */
  sources: readonly RawSource[];
  /** The other files of content/, with the messages that say they are not read. */
  otherFiles: readonly VFile[];
  /**
   * The pictures and attachments of content/ (the 党政机关网站标识 may be kept there), with the hash
   * of their bytes (kept in the cache by path, size and times: content/published-files.ts) or why they are not published.
   */
  images: readonly (readonly [path: string, hash: string])[];
  /**
   * The PDFs in the cache, each as its key and the version of its entry: an npm run pdf stopped
   * before it published leaves PDFs, new or printed again, that the site lacks.
   */
  pdfs: readonly string[];
}

/**
 * The key of everything a build is made from: the tool, the options, today's date (a future
 * date is warned about), the sources as read, the other files of content/, its pictures and attachments, the
 * templates, and the PDFs in the cache.
 */
export async function buildKey({ options, templatesKey, sources, otherFiles, images, pdfs }: BuildInputs): Promise<string> {
  const bytesOf = ({ read }: RawSource) => (read.ok ? read.bytes : `(${read.problem})`);
  return hashOf(
    await currentToolVersion(),
    JSON.stringify([options.drafts, options.keepLastGood, options.search, options.pdfs, todayInChina()]),
    templatesKey,
    ...sources.flatMap((source) => [source.relPath, bytesOf(source)]),
    ...otherFiles.flatMap((file) => [file.path, JSON.stringify(file.messages.map(String))]),
    ...images.flat(),
    ...pdfs,
  );
}
