// What the disk writer records of a folder of the site it wrote: each file with its hash, and the
// size and modification time it had then (a file found with both is the one written).
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Namespace } from '../cache/namespaces.ts';
import { z } from '../vendor/zod.ts';

/** A path inside the output folder, as the writer records it: relative, never leading out of it. */
export const isSitePath = (file: string) => file !== '' && !path.isAbsolute(file) && !file.includes('\0') && !file.split(/[\\/]/).includes('..');

/** A file as written: its hash, and the size and time it had then. */
const writtenSchema = z.object({ hash: z.string(), size: z.number(), mtimeMs: z.number() });
/** Output path → the file as written. */
const manifestSchema = z.record(z.string().refine(isSitePath), writtenSchema);
/** What the cache keeps of a folder of the site: its files as written. */
const publishedSchema = z.object({ files: manifestSchema });

export type Manifest = z.infer<typeof manifestSchema>;
export type Published = z.infer<typeof publishedSchema>;

export const isPublished = (value: unknown): value is Published => publishedSchema.safeParse(value).success;

/** Where the cache keeps what the writer wrote. */
export const MANIFESTS: Namespace = 'output';

/**
 * Every entry under dir that is not a folder, relative, with whether each is a regular file; links
 * are not followed (a link to a folder is an entry, not a folder). Empty when dir cannot be listed.
 */
export function entriesUnder(dir: string): { file: string; regular: boolean }[] {
  const prefixes = new Map<string, string>();
  const prefixOf = (parent: string) => {
    let prefix = prefixes.get(parent);
    if (prefix === undefined) {
      const relative = path.relative(dir, parent);
      prefix = relative === '' ? '' : `${relative}${path.sep}`;
      prefixes.set(parent, prefix);
    }
    return prefix;
  };
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => !entry.isDirectory())
      .map((entry) => ({ file: prefixOf(entry.parentPath) + entry.name, regular: entry.isFile() }));
  } catch {
    return [];
  }
}

/** Every file (anything not a folder) under dir, relative; links are not followed. */
export const filesUnder = (dir: string): string[] => entriesUnder(dir).map((entry) => entry.file);
