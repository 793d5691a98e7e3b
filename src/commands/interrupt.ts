// Ctrl+C during npm run build, check or pdf: one line that says what became of the output folder,
// and exit code 130 (128 + SIGINT), as a shell reports a command stopped by Ctrl+C; SIGTERM (a
// scheduler's time limit, a shutdown, kill) the same, with 143. The new version
// of the site is written beside the output folder and swapped in at the end (pipeline/disk-writer.ts),
// so a build stopped before then leaves the folder as it was (the next build removes what it left).
// A Ctrl+C that comes while the new version is being swapped in waits for it (milliseconds): the
// folder is never left half swapped, and the line says the new site was published.
import { BUILD } from '../messages/commands.ts';
import { EXIT } from '../messages/exit-codes.ts';
import type { Writer } from '../pipeline/writer.ts';

/** The writer a run writes through, telling when the new version starts to be published. */
class WatchedWriter implements Writer {
  /** The commit under way or done: the site is the new one once it resolves. */
  committing?: Promise<string[]>;

  constructor(private readonly writer: Writer) {}

  get outDir(): string | undefined {
    return this.writer.outDir;
  }

  get setAside(): Writer['setAside'] {
    return this.writer.setAside;
  }

  version(): Promise<string | undefined> {
    return this.writer.version();
  }

  committedVersion(): string | undefined {
    return this.writer.committedVersion();
  }

  begin(): Promise<void> {
    return this.writer.begin();
  }

  /** A writer without keepAll takes the files kept at its commit: told of them, nothing is done. */
  keepAll(files: Iterable<string>): Promise<void> {
    return this.writer.keepAll?.(files) ?? Promise.resolve();
  }

  put(file: string, content: string | Uint8Array): Promise<void> {
    return this.writer.put(file, content);
  }

  commit(files: ReadonlySet<string>): Promise<string[]> {
    this.committing = this.writer.commit(files);
    return this.committing;
  }

  abort(): Promise<void> {
    return this.writer.abort();
  }
}

export interface Interruptible {
  /** The writer to run with. */
  writer: Writer;
  /** What a Ctrl+C (or SIGTERM) does: the signals' listener. */
  interrupted(signal?: 'SIGINT' | 'SIGTERM'): void;
  /** Ends the handling of Ctrl+C and SIGTERM (the run is over and reported). */
  stop(): void;
}

export interface Stopping {
  /** The line when the site is as it was, for how the run was stopped (BUILD.stoppedBy). */
  stopped: (how: string) => string;
  /** The line when the new site was being published, or was published already. */
  published: (how: string) => string;
  /** process.exit, and console.error (tests give their own). */
  exit?: (code: number) => void;
  say?: (line: string) => void;
}

/** The signals that stop a run: Ctrl+C, and SIGTERM (a scheduler's time limit, a shutdown, kill). */
const SIGNALS = { SIGINT: EXIT.interrupted, SIGTERM: EXIT.terminated } as const;
type StopSignal = keyof typeof SIGNALS;
const STOP_SIGNALS = Object.keys(SIGNALS) as StopSignal[];

/**
 * Handles Ctrl+C and SIGTERM while a run writes through the writer it returns: says `stopped` (the
 * site as it was) or, when the new version was being published or was published already,
 * `published` once that is done, then exits with the signal's code (130, 143). A second signal
 * while a commit is awaited exits at once.
 */
export function onInterrupt(
  writer: Writer,
  { stopped, published, exit = (c) => process.exit(c), say = (line) => console.error(line) }: Stopping,
): Interruptible {
  const watched = new WatchedWriter(writer);
  let waiting = false;
  const interrupted = (signal: StopSignal = 'SIGINT') => {
    const code = SIGNALS[signal];
    const how = BUILD.stoppedBy[signal];
    const { committing } = watched;
    if (committing === undefined || waiting) {
      if (!waiting) say(stopped(how));
      exit(code);
      return;
    }
    waiting = true;
    committing
      .then(
        () => say(published(how)),
        () => say(stopped(how)),
      )
      .finally(() => exit(code));
  };
  for (const signal of STOP_SIGNALS) process.on(signal, interrupted);
  const stop = () => {
    for (const signal of STOP_SIGNALS) process.off(signal, interrupted);
  };
  return { writer: watched, interrupted, stop };
}
