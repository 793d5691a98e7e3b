// What every command of the command line is: its Chinese help text, and a run that gives an exit code.
export interface Command {
  /** One line for the list of commands. */
  summary: string;
  /** The full --help text, in Chinese. */
  help: string;
  /** Runs the command with its arguments (after the command name); resolves to the exit code. */
  run(args: string[], projectDir: string): Promise<number>;
}

/** Exit codes: 0 done, 1 the content has errors, 2 the command was used wrongly,
 *  69 a program it needs is missing (Chromium for PDFs), 70 a bug. */
export const EXIT = { ok: 0, contentErrors: 1, usage: 2, unavailable: 69, bug: 70 } as const;
