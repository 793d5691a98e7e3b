// A batch of past issues → content files: every file read in the worker threads, then, in the
// order of the files, each placed at content/<year>/<NN>.md unless it is there already or another
// file of the batch is the same issue; the 期号 and 总期号 checked against their neighbours; the
// files written (not on a dry run) and checked as the build checks them.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { writeNewFile } from '../files.ts';
import { atPlace, IMPORT_REASONS, IMPORT_UNITS } from '../messages/import.ts';
import { report, reportError, reportWarning } from '../messages.ts';
import type { Site } from '../model/site.ts';
import { Project } from '../pipeline/project.ts';
import { checkImported } from './check-imported.ts';
import type { Imported, ImportResult } from './import-file.ts';
import { IMPORTABLE, listFiles } from './list-files.ts';
import { checkNeighbours, type Placed } from './neighbours.ts';
import { importInWorkers } from './worker-pool.ts';

export interface BatchOptions {
  projectDir: string;
  /** The folder the editor typed the names in, which names are shown relative to. */
  cwd: string;
  /** Files and folders, as the editor typed them. */
  names: string[];
  site: Site;
  /** Read and report, write nothing. */
  dryRun: boolean;
  /** Told as each file is done: N of M. */
  progress?: (done: number, total: number, file: string) => void;
}

export interface ImportedFile {
  source: string;
  imported: Imported;
}

export interface SkippedFile {
  source: string;
  reason: string;
}

export interface BatchReport {
  /** Files read, after the folders were listed. */
  total: number;
  imported: ImportedFile[];
  skipped: SkippedFile[];
  /** Messages for the editor: on the source files (not imported, warnings) and on the content files written. */
  files: VFile[];
  dryRun: boolean;
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    (error: NodeJS.ErrnoException) => error.code !== 'ENOENT',
  );
}

/** The issues already in content/, to check the imported ones against. */
async function issuesInContent(projectDir: string): Promise<Placed[]> {
  const { sources } = await new Project({ projectDir }).load({ articles: false });
  return sources.map((s) => ({ target: s.file.path, issue: s.meta.issue, total: s.meta.total, date: s.meta.date, imported: false }));
}

/** The source's warnings, where the editor finds them: a line of a text file, a paragraph or page of a document. */
function reportWarnings(file: VFile, imported: Imported): void {
  for (const { line, message } of imported.issue.warnings) {
    if (imported.unit === IMPORT_UNITS.line) reportWarning(file, message, 'import', { line, column: 1 });
    else reportWarning(file, atPlace(line, imported.unit, message), 'import');
  }
}

const lineOf = (text: string, key: string) => text.split('\n').findIndex((l) => l.startsWith(`${key}:`)) + 1 || 1;

/** What the stages of a batch share: the report they fill, and how they name a source file. */
interface Batch {
  options: BatchOptions;
  report: BatchReport;
  /** A path as the editor typed it: relative to their folder, when it is inside it. */
  shown: (file: string) => string;
  /** A source file's messages, on a VFile of its own in the report. */
  sourceFile: (source: string) => VFile;
}

/** The files, each once: the same bytes twice (a copy in another folder) are read once. */
async function distinct(batch: Batch, files: readonly string[]): Promise<string[]> {
  const seen = new Map<string, string>();
  const unique: string[] = [];
  for (const file of files) {
    const hash = createHash('sha256')
      .update(await readFile(file))
      .digest('hex');
    const first = seen.get(hash);
    if (first) batch.report.skipped.push({ source: batch.shown(file), reason: IMPORT_REASONS.sameContent(batch.shown(first)) });
    else {
      seen.set(hash, file);
      unique.push(file);
    }
  }
  return unique;
}

/** In the order of the files, each issue read placed at its content file, unless that is taken. */
async function place(batch: Batch, unique: readonly string[], results: readonly ImportResult[]): Promise<ImportedFile[]> {
  const placed: ImportedFile[] = [];
  const targets = new Map<string, string>();
  for (const [i, result] of results.entries()) {
    const source = batch.shown(unique[i]!);
    if (!result.ok) {
      reportError(batch.sourceFile(source), IMPORT_REASONS.notImported(result.reason), result.rule ?? 'import');
      continue;
    }
    const sameIssue = targets.get(result.target);
    if (sameIssue) {
      batch.report.skipped.push({ source, reason: IMPORT_REASONS.sameIssue(sameIssue, result.target) });
      continue;
    }
    if (await exists(path.join(batch.options.projectDir, result.target))) {
      batch.report.skipped.push({ source, reason: IMPORT_REASONS.targetExists(result.target) });
      continue;
    }
    targets.set(result.target, source);
    placed.push({ source, imported: result });
    if (result.issue.warnings.length > 0) reportWarnings(batch.sourceFile(source), result);
  }
  return placed;
}

/** The 期号 and 总期号 of the placed issues against their neighbours', old and new: notes on the content files. */
async function noteNeighbours(projectDir: string, placed: readonly ImportedFile[]): Promise<Map<string, VFile>> {
  const content = await issuesInContent(projectDir);
  const neighbours = checkNeighbours([
    ...content,
    ...placed.map(({ imported: { target, issue } }) => ({ target, issue: issue.issue!, total: issue.total, date: issue.date!, imported: true })),
  ]);
  const targetFiles = new Map<string, VFile>();
  for (const { target, field, check } of neighbours) {
    const text = placed.find((p) => p.imported.target === target)!.imported.text;
    const file = targetFiles.get(target) ?? new VFile({ path: target });
    targetFiles.set(target, file);
    report(file, check, undefined, { line: lineOf(text, field), column: 1 });
  }
  return targetFiles;
}

/** The content files written (never over one), then checked as the build checks them, with the neighbours' notes. */
async function write(batch: Batch, placed: readonly ImportedFile[], targetFiles: Map<string, VFile>): Promise<void> {
  const { projectDir } = batch.options;
  for (const entry of placed) {
    if (await writeNewFile(path.join(projectDir, entry.imported.target), entry.imported.text)) batch.report.imported.push(entry);
    else batch.report.skipped.push({ source: entry.source, reason: IMPORT_REASONS.targetAppeared(entry.imported.target) });
  }
  const written = batch.report.imported.map((entry) => entry.imported.target);
  for (const checked of written.length > 0 ? await checkImported(projectDir, written) : []) {
    const notes = targetFiles.get(checked.path);
    if (notes) checked.messages.push(...notes.messages);
    targetFiles.set(checked.path, checked);
  }
}

export async function importBatch(options: BatchOptions): Promise<BatchReport> {
  const { cwd, site, dryRun } = options;
  const listed = await listFiles(options.names, cwd);
  const report: BatchReport = { total: listed.files.length + listed.others.length, imported: [], skipped: [], files: [], dryRun };
  const batch: Batch = {
    options,
    report,
    shown: (file) => (path.relative(cwd, file).startsWith('..') ? file : path.relative(cwd, file)),
    sourceFile: (source) => {
      const file = new VFile({ path: source });
      report.files.push(file);
      return file;
    },
  };
  for (const { name, reason } of listed.problems) reportError(batch.sourceFile(name), IMPORT_REASONS.notImported(reason), 'import');
  const unique = await distinct(batch, listed.files);
  const progress = (file: string, done: number) => options.progress?.(done + report.skipped.length, listed.files.length, batch.shown(file));
  const results = unique.length === 0 ? [] : await importInWorkers(unique, site, progress);
  const placed = await place(batch, unique, results);
  const targetFiles = await noteNeighbours(options.projectDir, placed);
  if (dryRun) report.imported.push(...placed);
  else await write(batch, placed, targetFiles);
  report.files.push(...targetFiles.values());
  for (const other of listed.others) report.skipped.push({ source: batch.shown(other), reason: IMPORT_REASONS.notAFormat(IMPORTABLE) });
  return report;
}
