// The pictures and attachments of content/ (load-content.ts lists them), read to be published at
// the same path in the site. Only a regular file really inside the project is read, never through
// a link to the file (a link out of the project could publish a system file), and within its
// limit; each other one is named with a warning, and the pages that show it are told it is missing.
import { lstatSync } from 'node:fs';
import path from 'node:path';
import { VFile } from 'vfile';
import { MAX_PUBLISHED_BYTES } from '../limits.ts';
import { CONTENT } from '../messages/catalogue.ts';
import { NOT_PUBLISHED } from '../messages/parts.ts';
import { FILE_START, report } from '../messages.ts';
import { publishedSitePath } from './load-content.ts';
import { readRegularFile } from './read-regular-file.ts';

export interface PublishedFiles {
  /** Site path → bytes: what the site publishes from content/. */
  files: Map<string, Uint8Array>;
  /** Each file read as it is, for the whole-build key: its path and bytes, or why it is not published. */
  key: (readonly [relPath: string, bytes: Uint8Array | string])[];
  /** The files not published, each with its warning. */
  refused: VFile[];
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

/** Reads the listed files of content/ (relative to the project, in path order). */
export function readPublished(root: string, relPaths: readonly string[]): PublishedFiles {
  const published: PublishedFiles = { files: new Map(), key: [], refused: [] };
  for (const relPath of relPaths) {
    const read = readRegularFile(path.join(root, relPath), MAX_PUBLISHED_BYTES, { within: root, followLinks: false });
    if (read.ok) {
      published.files.set(publishedSitePath(relPath), read.bytes);
      published.key.push([relPath, read.bytes]);
      continue;
    }
    const why = whyNot(root, relPath, read.problem, read.problem === 'outside' ? read.target : undefined);
    published.key.push([relPath, `(${read.problem})`]);
    if (why === undefined) continue;
    const file = new VFile({ path: relPath, cwd: root, value: '' });
    report(file, CONTENT.resourceNotPublished, { why }, FILE_START);
    published.refused.push(file);
  }
  return published;
}
