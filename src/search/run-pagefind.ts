// One part of the search index, made by Pagefind's Node API: a new index, its documents added,
// its files taken, the index deleted (so that Pagefind's process holds one part at a time).
// Each process has one Pagefind backend (the API keeps it in a module variable), so the parts
// are made side by side in worker threads (index-task.ts), each with a backend of its own.
//
// Pagefind's Node API runs Pagefind's own program as a service and talks to it through a pipe.
// It has no time limit, prints its own failures with a stack trace, and when the program dies
// without answering its promises never settle. So before the first index the program is checked
// (found, executable, answers --version as Pagefind), each index part has a time limit, and what
// Pagefind prints when its service fails is kept for the Chinese message instead of printed.
import { execFile } from 'node:child_process';
import { access, constants } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import * as pagefind from 'pagefind';
import { CATALOGUE } from '../messages/catalogue.ts';
import { Failure } from '../messages/failure.ts';
import { PAGEFIND_WHY } from '../messages/parts.ts';
import { seconds, toolTimeLimit, withTimeLimit } from '../tools/time-limit.ts';

/** Errors Pagefind reported for the documents it was given. */
export class SearchIndexError extends Error {}

/** A document for the indexer: the article's address in the site and its HTML. */
export type Documents = { url: string; content: string }[];
/** Pagefind's files of one part: path inside the bundle, bytes. */
export type IndexFiles = [path: string, content: Uint8Array][];

/** Pagefind's own UIs: the site has a search page of its own (its highlighter is used, on issue pages). */
const UNUSED_FILES = /^pagefind-(ui|modular-ui|component-ui)\./;

async function indexDocuments(documents: Documents): Promise<IndexFiles> {
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

const NAMES = ['pagefind_extended', 'pagefind'];

/**
 * The program Pagefind's Node API starts, found as it finds it (pagefind/lib/resolveBinary.js):
 * PAGEFIND_EXTENDED_BINARY_PATH or PAGEFIND_BINARY_PATH, else the platform's npm package.
 */
function pagefindProgram(): { path: string; found: boolean } {
  for (const name of NAMES) {
    const named = process.env[`${name.toUpperCase()}_BINARY_PATH`];
    if (named) return { path: named, found: true };
  }
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const packageName = `@pagefind/${platform}-${process.env.npm_config_arch || os.arch()}`;
  for (const name of NAMES) {
    try {
      return { path: createRequire(import.meta.url).resolve(`${packageName}/bin/${name}${platform === 'windows' ? '.exe' : ''}`), found: true };
    } catch {
      // Not this one: the next name, or not installed.
    }
  }
  return { path: packageName, found: false };
}

/** Pagefind answers --version at once; ten seconds allows for a busy machine. */
const VERSION_LIMIT_MS = 10_000;

/** The program found, executable, and answering as Pagefind does; a Failure that says which is not. */
async function checkProgram(): Promise<void> {
  const { path, found } = pagefindProgram();
  if (!found) throw Failure.of(CATALOGUE.pagefindMissing, { path, why: PAGEFIND_WHY.notInstalled });
  try {
    await access(path, constants.X_OK);
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code === 'ENOENT' ? PAGEFIND_WHY.missing : PAGEFIND_WHY.notExecutable;
    throw Failure.of(CATALOGUE.pagefindMissing, { path, why }, error);
  }
  const answer = await new Promise<{ said: string; error?: Error }>((resolve) => {
    execFile(path, ['--version'], { timeout: toolTimeLimit(VERSION_LIMIT_MS) }, (error, stdout, stderr) =>
      resolve({ said: `${stdout}${stderr}`.trim(), error: error ?? undefined }),
    );
  });
  if (answer.error || !/^pagefind(_extended)? \d/.test(answer.said)) {
    throw Failure.of(CATALOGUE.pagefindBroken, { path }, answer.said || answer.error);
  }
}

let checked: Promise<void> | undefined;

/** The program is checked once a process; a failed check is made again next time (the dev server). */
function programReady(): Promise<void> {
  checked ??= checkProgram().catch((error: unknown) => {
    checked = undefined;
    throw error;
  });
  return checked;
}

/** Checks the program ahead of the first part (a thread's start): a failure is found again, and reported, by the part. */
export function preparePagefind(): void {
  programReady().catch(() => undefined);
}

/** What Pagefind's Node API prints when its service fails: "Service stopped", or a message it cannot read. */
const isPagefindComplaint = (first: unknown) =>
  first === 'Service stopped' || (first instanceof Error && /^Failed to (parse a message from|communicate with) the Pagefind/.test(first.message));

/** The runs under way, each told when Pagefind complains. */
const listening = new Set<(said: string) => void>();
let diverted = false;

/**
 * Pagefind's complaints go to the runs under way instead of the terminal, from the first run on:
 * one that comes after its run has failed (a write to a service already given up) is dropped.
 */
function listen(heard: (said: string) => void): () => void {
  if (!diverted) {
    diverted = true;
    const original = console.error;
    console.error = (...args: unknown[]) => {
      if (!isPagefindComplaint(args[0])) return original(...args);
      const said = args.map((a) => (a instanceof Error ? a.message : String(a))).join(' ');
      for (const hear of listening) hear(said);
    };
  }
  listening.add(heard);
  return () => listening.delete(heard);
}

/** A part of 250 issues is indexed in seconds; a minute, and more for a larger part, allows for a busy machine. */
const limitFor = (documents: number) => toolTimeLimit(60_000 + 20 * documents);

/**
 * Runs Pagefind's work on documents, the part of the index named work ("总第1–250期"): a crash, a
 * hang, a garbled answer or an error Pagefind reports becomes a Failure that says so in Chinese.
 */
async function runPagefind<T>(work: string, documents: number, run: () => Promise<T>): Promise<T> {
  await programReady();
  const limit = limitFor(documents);
  let complained: (said: string) => void = () => undefined;
  const complaint = new Promise<never>((_, reject) => {
    complained = (said) => reject(Failure.of(CATALOGUE.pagefindCrashed, { work }, said));
  });
  const stop = listen(complained);
  try {
    return await withTimeLimit(Promise.race([run(), complaint]), limit, () => Failure.of(CATALOGUE.pagefindTimeout, { work, seconds: seconds(limit) }));
  } catch (error) {
    if (error instanceof Failure) throw error;
    throw Failure.of(error instanceof SearchIndexError ? CATALOGUE.pagefindFailed : CATALOGUE.pagefindCrashed, { work }, error);
  } finally {
    stop();
  }
}

/** Indexes one part's documents, the part named work ("总第1–250期"), with the checks above. */
export function indexWithPagefind(work: string, documents: Documents): Promise<IndexFiles> {
  return runPagefind(work, documents.length, () => indexDocuments(documents));
}
