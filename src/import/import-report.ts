// What an import did, for the editor: in the terminal as it ends, and as import-report.md
// (imported, skipped with why, not imported with why, and what to check, by file and line).
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { chineseDate, numberRuns } from '../text/chinese.ts';
import type { BatchReport, ImportedFile } from './batch.ts';
import type { Imported } from './import-file.ts';

export const REPORT_FILE = 'import-report.md';

export function describe({ issue }: Imported): string {
  const parts = [`第${issue.issue}期`, issue.total ? `总第${issue.total}期` : '总期号待补', chineseDate(issue.date!)];
  return parts.join('，');
}

/** What was done to the text that the editor may want to check, a line each. */
export function changesMade(imported: Imported): string[] {
  const { issue, unit } = imported;
  const lines: string[] = [];
  const list = (ns: number[]) =>
    numberRuns(ns)
      .map(([a, b]) => (a === b ? `第 ${a} ${unit}` : `第 ${a}—${b} ${unit}`))
      .join('、');
  if (imported.encoding === 'GB18030') lines.push('按 GBK（GB18030）编码读取，已存为 UTF-8。');
  if (imported.encoding === 'UTF-16') lines.push('按 UTF-16 编码读取，已存为 UTF-8。');
  if (issue.joined.length > 0) lines.push(`接上了 ${issue.joined.length} 处被分页断开的句子（${list(issue.joined)}接到上一段）。`);
  if (issue.dropped.length > 0) lines.push(`去掉了页码或页眉（${list(issue.dropped)}）。`);
  if (imported.images > 0) lines.push(`原件中有 ${imported.images} 张图片，没有导入。`);
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
  const done = report.dryRun ? `可导入 ${n.imported} 期` : `已导入 ${n.imported} 期`;
  const line = `共 ${report.total} 个文件：${done}，跳过 ${n.skipped} 个，没有导入 ${n.failed} 个；需要核对 ${n.review} 处。`;
  return report.dryRun ? `${line}\n试运行（--dry-run）：没有写入任何文件。` : line;
}

const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;
const cell = (text: string) => text.replace(/\|/g, '\\|');

function importedTable(list: ImportedFile[]): string[] {
  if (list.length === 0) return ['（无）'];
  return [
    '| 原件 | 导入为 | 期号 | 总期号 | 日期 | 处理 |',
    '| --- | --- | --- | --- | --- | --- |',
    ...list.map(({ source, imported }) => {
      const { issue } = imported;
      const cells = [
        code(source),
        code(imported.target),
        String(issue.issue),
        issue.total ? String(issue.total) : '待补',
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
  const list = (items: Entry[]) => (items.length === 0 ? ['（无）'] : items.map((e) => `- ${code(e.place)}\uFF1A${e.reason}`));
  return [
    `# 导入报告（${stamp(at)}）`,
    '',
    summary(report),
    '',
    `## ${report.dryRun ? '可以导入' : '已导入'}（${report.imported.length}）`,
    '',
    ...importedTable(report.imported),
    '',
    `## 跳过（${report.skipped.length}）`,
    '',
    ...(report.skipped.length === 0 ? ['（无）'] : report.skipped.map((s) => `- ${code(s.source)}\uFF1A${s.reason}`)),
    '',
    `## 没有导入（${failed.length}）`,
    '',
    ...list(failed),
    '',
    `## 需要核对（${review.length}）`,
    '',
    '对照原件核对以下各处，改好后运行 npm run check。',
    '',
    ...list(review),
    '',
  ].join('\n');
}
