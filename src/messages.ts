// One way to record a problem: on the VFile of the source it belongs to,
// with a place an editor can click and a rule id that names the check.
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { type ContentEntry, SOURCE, textOf } from './messages/catalogue.ts';
import type { KeptMessage } from './messages/kept-message.ts';

export interface Point {
  line: number;
  column: number;
}

export type Place = Point | { start: Point; end: Point };

export { SOURCE };

/** Where a problem of the whole file is reported: its start, so that every message has a place to click. */
export const FILE_START: Point = { line: 1, column: 1 };

export function reportError(file: VFile, reason: string, rule: string, place?: Place): void {
  const message = file.message(reason, { place: place ?? FILE_START, ruleId: rule, source: SOURCE });
  message.fatal = true;
}

export function reportWarning(file: VFile, reason: string, rule: string, place?: Place): void {
  const message = file.message(reason, { place: place ?? FILE_START, ruleId: rule, source: SOURCE });
  message.fatal = false;
}

/** A note: neither an error nor a warning, only for npm run check (a gap in the archive). */
export function reportNote(file: VFile, reason: string, rule: string, place?: Place): void {
  file.info(reason, { place, ruleId: rule, source: SOURCE });
}

/** Records a check's message from the catalogue (CONTENT) on the file: "message：hint", with its rule and severity. */
export function report<P>(file: VFile, entry: ContentEntry<P>, params: P, place?: Place): void {
  const record = { error: reportError, warning: reportWarning, note: reportNote }[entry.severity];
  record(file, textOf(entry, params), entry.rule, place);
}

export function hasErrors(files: readonly VFile[]): boolean {
  return files.some((file) => file.messages.some((m) => m.fatal === true));
}

export function keepMessage(m: VFileMessage): KeptMessage {
  return {
    reason: m.reason,
    line: m.line ?? undefined,
    column: m.column ?? undefined,
    ruleId: m.ruleId ?? undefined,
    fatal: typeof m.fatal === 'boolean' ? m.fatal : undefined,
  };
}

/** Records a kept message on its file again, as it was first recorded. */
export function replayMessage(file: VFile, m: KeptMessage): void {
  const report = m.fatal === true ? reportError : m.fatal === false ? reportWarning : reportNote;
  report(file, m.reason, m.ruleId ?? 'markdown', m.line ? { line: m.line, column: m.column ?? 1 } : undefined);
}
