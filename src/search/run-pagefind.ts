// One part of the search index, made by Pagefind's Node API: a new index, its documents added,
// its files taken, the index deleted (so that Pagefind's process holds one part at a time).
// Each process has one Pagefind backend (the API keeps it in a module variable), so the parts
// are made side by side in worker threads (pagefind-pool.ts), each with a backend of its own.
import * as pagefind from 'pagefind';

export class SearchIndexError extends Error {}

/** A document for the indexer: the article's address in the site and its HTML. */
export type Documents = { url: string; content: string }[];
/** Pagefind's files of one part: path inside the bundle, bytes. */
export type IndexFiles = [path: string, content: Uint8Array][];

/** Pagefind's own UIs: the site has a search page of its own (its highlighter is used, on issue pages). */
const UNUSED_FILES = /^pagefind-(ui|modular-ui|component-ui)\./;

export async function indexDocuments(documents: Documents): Promise<IndexFiles> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new SearchIndexError(errors.join('\n'));
  const added = await Promise.all(documents.map((document) => index.addHTMLFile(document)));
  const addErrors = added.flatMap((result) => result.errors);
  if (addErrors.length > 0) throw new SearchIndexError(addErrors.join('\n'));
  const { files, errors: fileErrors } = await index.getFiles();
  if (fileErrors.length > 0) throw new SearchIndexError(fileErrors.join('\n'));
  await index.deleteIndex();
  return files.filter((file) => !UNUSED_FILES.test(file.path)).map((file) => [file.path, file.content]);
}

/** Stops this thread's Pagefind process. */
export async function closePagefind(): Promise<void> {
  await pagefind.close();
}
