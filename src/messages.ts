// One way to record a problem: on the VFile of the source it belongs to,
// with a place an editor can click and a rule id that names the check.
import type { VFile } from 'vfile';

export interface Point {
  line: number;
  column: number;
}

export type Place = Point | { start: Point; end: Point };

export const SOURCE = 'bulletin';

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

export function hasErrors(files: readonly VFile[]): boolean {
  return files.some((file) => file.messages.some((m) => m.fatal === true));
}
