// Messages → the terminal, one line each as path:line:column: so an editor can click to the place.
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { REPORT } from './messages/commands.ts';
import { printable } from './messages/printable.ts';

export { printable };

export interface Tally {
  errors: number;
  warnings: number;
  notes: number;
}

/** A reason's own line breaks are kept, its further lines indented: only a message's first line starts at the margin. */
function printableReason(reason: string): string {
  return reason
    .split('\n')
    .map(printable)
    .map((line, i) => (i === 0 || line === '' || line.startsWith(' ') ? line : `  ${line}`))
    .join('\n');
}

function formatMessage(file: VFile, message: VFileMessage): string {
  const place = `:${message.line ?? 1}:${message.column ?? 1}`;
  const severity = message.fatal ? REPORT.severity.error : message.fatal === false ? REPORT.severity.warning : REPORT.severity.note;
  const rule = message.ruleId ? ` [${message.source ? `${message.source}:` : ''}${message.ruleId}]` : '';
  return `${printable(file.path)}${place}: ${severity}\uFF1A${printableReason(message.reason)}${rule}`;
}

export function tally(files: readonly VFile[]): Tally {
  const all = files.flatMap((f) => f.messages);
  const errors = all.filter((m) => m.fatal === true).length;
  const warnings = all.filter((m) => m.fatal === false).length;
  return { errors, warnings, notes: all.length - errors - warnings };
}

/**
 * Every message of every file, files in path order and messages in line order; notes (fatal
 * neither true nor false: a gap in the archive) only when asked for, as npm run check does.
 */
export function formatReport(files: readonly VFile[], options: { notes?: boolean } = {}): string {
  const shown = (m: VFileMessage) => options.notes === true || m.fatal !== undefined;
  const lines: string[] = [];
  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    const messages = file.messages.filter(shown).sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    for (const message of messages) lines.push(formatMessage(file, message));
  }
  const { errors, warnings, notes } = tally(files);
  const noted = options.notes === true ? notes : 0;
  if (errors + warnings + noted > 0) lines.push('', REPORT.totals(errors, warnings, noted));
  return lines.join('\n');
}

/** The drafts a build or check left out, said so that an editor does not think they were published. */
export function formatDrafts(drafts: readonly string[]): string | undefined {
  if (drafts.length === 0) return undefined;
  return REPORT.drafts(drafts);
}
