// A failure that stops a command: a catalogue entry with its values, and what the tool said
// itself, kept after the Chinese message for whoever maintains the site. It is printed without a
// stack trace, and the command ends with the entry's exit code.

import { type CatalogueEntry, hintOf, SOURCE } from './catalogue.ts';
import { EXIT } from './exit-codes.ts';
import { printable } from './printable.ts';

/** At most this much of a tool's own text is shown: its first lines, not its stack or call log. */
const ORIGINAL_LINES = 3;
const ORIGINAL_CHARS = 400;

/** What an error said, in its first lines: without a stack trace or Playwright's call log. */
export function originalText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const lines = text
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '' && !/^\s+at /.test(line));
  const end = lines.findIndex((line) => /^(Call log|Browser logs|=+ logs =+)/i.test(line.trim()));
  const kept = lines.slice(0, end < 0 ? ORIGINAL_LINES : Math.min(end, ORIGINAL_LINES)).join('\n');
  return kept.length > ORIGINAL_CHARS ? `${kept.slice(0, ORIGINAL_CHARS)}…` : kept;
}

/** A failure as plain data, to pass between threads. */
export interface SentFailure {
  rule: string;
  message: string;
  hint: string;
  exitCode: number;
  original?: string;
}

export class Failure extends Error {
  private constructor(
    readonly rule: string,
    message: string,
    readonly hint: string,
    readonly exitCode: number,
    /** The tool's own words, or the error it threw. */
    readonly original?: unknown,
  ) {
    super(message);
  }

  static of<P>(entry: CatalogueEntry<P>, params: P, original?: unknown): Failure {
    return new Failure(entry.rule, entry.message(params), hintOf(entry, params), EXIT[entry.exit], original);
  }

  /** What a worker thread sends of a failure, for the main thread to throw it again (received()). */
  sent(): SentFailure {
    return {
      rule: this.rule,
      message: this.message,
      hint: this.hint,
      exitCode: this.exitCode,
      original: this.original === undefined ? undefined : originalText(this.original),
    };
  }

  static received(sent: SentFailure): Failure {
    return new Failure(sent.rule, sent.message, sent.hint, sent.exitCode, sent.original);
  }

  /** As the terminal shows it: what happened [rule], what to do, then the tool's own words, each line printable. */
  format(): string {
    const original = this.original === undefined ? '' : originalText(this.original);
    const lines = [`错误\uFF1A${this.message} [${SOURCE}:${this.rule}]`, ...this.hint.split('\n')];
    if (original) lines.push(...`原始信息\uFF1A${original}`.split('\n'));
    return lines.map((line, i) => `${i === 0 ? '' : '  '}${printable(line)}`).join('\n');
  }
}
