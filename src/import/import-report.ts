// What an import did, for the editor: in the terminal as it ends, and as import-report.md
// (imported, skipped with why, not imported with why, and what to check, by file and line).
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { IMPORT_REPORT } from '../messages/import.ts';
import { chineseDate, numberRuns } from '../text/chinese.ts';
import type { BatchReport, ImportedFile } from './batch.ts';
import type { Imported } from './import-file.ts';

export const REPORT_FILE = 'import-report.md';

export function describe({ issue }: Imported): string {
  return IMPORT_REPORT.issue(issue.issue, issue.total, chineseDate(issue.date!));
}

/** What was done to the text that the editor may want to check, a line each. */
export function changesMade(imported: Imported): string[] {
  const { issue, unit } = imported;
  const lines: string[] = [];
  const list = (ns: number[]) => IMPORT_REPORT.places(numberRuns(ns), unit);
  if (imported.encoding === 'GB18030') lines.push(IMPORT_REPORT.readAsGbk);
  if (imported.encoding === 'UTF-16') lines.push(IMPORT_REPORT.readAsUtf16);
  if (issue.joined.length > 0) lines.push(IMPORT_REPORT.joined(issue.joined.length, list(issue.joined)));
  if (issue.dropped.length > 0) lines.push(IMPORT_REPORT.dropped(list(issue.dropped)));
  if (imported.images > 0) lines.push(IMPORT_REPORT.images(imported.images));
  return lines;
}

interface Entry {
  place: string;
  reason: string;
}

function entries(files: readonly VFile[], which: (m: VFileMessage) => boolean): Entry[] {
  return [...files]
    .sort((a, b) => a.path.localeCompare(b.path))
    .flatMap((file) =>
      file.messages
        .filter(which)
        .sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
        .map((m) => ({ place: m.line ? `${file.path}:${m.line}:${m.column ?? 1}` : file.path, reason: m.reason })),
    );
}

/** A file not imported: the importer's error, or LibreOffice's (import-office-…). */
const notImported = (m: VFileMessage) => m.fatal === true && /^import(-|$)/.test(m.ruleId ?? '');
const toCheck = (m: VFileMessage) => !notImported(m);

function counts(report: BatchReport) {
  return {
    imported: report.imported.length,
    skipped: report.skipped.length,
    failed: entries(report.files, notImported).length,
    review: entries(report.files, toCheck).length,
  };
}

export function summary(report: BatchReport): string {
  const n = counts(report);
  return IMPORT_REPORT.summary(report.dryRun, report.total, n.imported, n.skipped, n.failed, n.review);
}

const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;
const cell = (text: string) => text.replace(/\|/g, '\\|');

function importedTable(list: ImportedFile[]): string[] {
  if (list.length === 0) return [IMPORT_REPORT.none];
  return [
    IMPORT_REPORT.tableHead,
    '| --- | --- | --- | --- | --- | --- |',
    ...list.map(({ source, imported }) => {
      const { issue } = imported;
      const cells = [
        code(source),
        code(imported.target),
        String(issue.issue),
        issue.total ? String(issue.total) : IMPORT_REPORT.noTotal,
        issue.date!,
        changesMade(imported).join('') || '—',
      ];
      return `| ${cells.map(cell).join(' | ')} |`;
    }),
  ];
}

/** 2026-12-05 13:24: when the batch was imported, in local time, for the report's heading. */
function stamp(at: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())} ${two(at.getHours())}:${two(at.getMinutes())}`;
}

/** The report of one batch, under a heading with its date and time (reports are added one after another to one file). */
export function reportMarkdown(report: BatchReport, at: Date): string {
  const failed = entries(report.files, notImported);
  const review = entries(report.files, toCheck);
  const list = (items: Entry[]) => (items.length === 0 ? [IMPORT_REPORT.none] : items.map((e) => IMPORT_REPORT.item(code(e.place), e.reason)));
  return [
    IMPORT_REPORT.heading(stamp(at)),
    '',
    summary(report),
    '',
    IMPORT_REPORT.importedHeading(report.dryRun, report.imported.length),
    '',
    ...importedTable(report.imported),
    '',
    IMPORT_REPORT.skippedHeading(report.skipped.length),
    '',
    ...(report.skipped.length === 0 ? [IMPORT_REPORT.none] : report.skipped.map((s) => IMPORT_REPORT.item(code(s.source), s.reason))),
    '',
    IMPORT_REPORT.failedHeading(failed.length),
    '',
    ...list(failed),
    '',
    IMPORT_REPORT.reviewHeading(review.length),
    '',
    IMPORT_REPORT.reviewHint,
    '',
    ...list(review),
    '',
  ].join('\n');
}
