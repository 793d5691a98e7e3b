// What every command of the command line is: its Chinese help text, its options, and a run that
// gives an exit code. cli.ts parses the arguments and answers --help for all of them.
import type { ParseArgsConfig } from 'node:util';

export interface CommandArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

export interface Command {
  /** One line for the list of commands. */
  summary: string;
  /** The full --help text, in Chinese. */
  help: string;
  /** Its options, for node's parseArgs (--help is every command's). */
  options?: NonNullable<ParseArgsConfig['options']>;
  /** Whether it reads or writes a project (content/), so that run elsewhere it stops first (project-folder.ts). */
  needsProject?: boolean;
  /** Whether it takes file names after the options. */
  positionals?: boolean;
  /** Runs the command; resolves to the exit code. */
  run(args: CommandArgs, projectDir: string): Promise<number>;
}
