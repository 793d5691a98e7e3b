// What the editor named → the files to import: a file as it is, a folder with every importable
// file in it and its subfolders, in a stable order (by path, numbers by their value: 2 before 10).
import type { Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { HARDENED, textOf } from '../messages/catalogue.ts';
import { IMPORT_REASONS } from '../messages/import.ts';
import { MAX_FILE_BYTES } from './import-file.ts';

export const IMPORTABLE = ['.txt', '.docx', '.doc', '.wps', '.pdf'];

export interface Listed {
  files: string[];
  /** Names that could not be read as a file or folder, with why. */
  problems: { name: string; reason: string }[];
  /** Files in the folders named that are of no format the importer reads (照片.png, 表.xlsx): skipped, and said so. */
  others: string[];
}

const order = new Intl.Collator('zh-CN', { numeric: true }).compare;

/** Files Word and WPS leave beside an open document (~$报告.docx), and hidden ones, are no issues. */
const isLeftover = (name: string) => name.startsWith('~$') || name.startsWith('.');

/**
 * The importable files of a folder; what is neither a file, a folder nor a link (a FIFO, a device,
 * a socket) under an importable name is listed too, so that the import names it instead of
 * skipping it without a word.
 */
async function namesIn(folder: string): Promise<{ importable: string[]; others: string[] }> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => !e.isDirectory() && !isLeftover(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    // Nothing under a hidden folder (.git, .cache) is taken.
    .filter(
      (file) =>
        !path
          .relative(folder, file)
          .split(path.sep)
          .some((part) => part.startsWith('.')),
    )
    .sort((a, b) => order(path.relative(folder, a), path.relative(folder, b)));
  const isImportable = (file: string) => IMPORTABLE.includes(path.extname(file).toLowerCase());
  return { importable: files.filter(isImportable), others: files.filter((file) => !isImportable(file)) };
}

/** Why a file cannot be imported before it is read (not a regular file, or too large to read), or undefined. */
function unreadable(info: Stats): string | undefined {
  if (!info.isFile()) return textOf(HARDENED.importNotRegular, undefined);
  if (info.size > MAX_FILE_BYTES) return textOf(HARDENED.importTooBig, { gigabytes: (info.size / 1024 ** 3).toFixed(1) });
  return undefined;
}

export async function listFiles(names: readonly string[], cwd: string): Promise<Listed> {
  const listed: Listed = { files: [], problems: [], others: [] };
  const take = (name: string, full: string, info: Stats) => {
    const reason = unreadable(info);
    if (reason) listed.problems.push({ name, reason });
    else listed.files.push(full);
  };
  for (const name of names) {
    const full = path.resolve(cwd, name);
    const info = await stat(full).catch(() => undefined);
    if (!info) listed.problems.push({ name, reason: IMPORT_REASONS.notFound });
    else if (info.isDirectory()) {
      // Each entry under an importable name, FIFOs and devices included, is imported or named.
      const { importable, others } = await namesIn(full);
      for (const file of importable) {
        const found = await stat(file).catch(() => undefined);
        if (found) take(path.relative(cwd, file) || file, file, found);
      }
      listed.others.push(...others);
    } else if (info.isFile()) take(name, full, info);
    else listed.problems.push({ name, reason: IMPORT_REASONS.notRegular });
  }
  listed.files = [...new Set(listed.files)];
  listed.others = [...new Set(listed.others)];
  return listed;
}
