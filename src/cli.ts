#!/usr/bin/env node
// The command line: a command name → its module → an exit code. Arguments are parsed, and
// --help answered, here for every command.
import { parseArgs } from 'node:util';
import { closest, distance } from 'fastest-levenshtein';
import type { Command } from './commands/command.ts';
import { requireProject } from './commands/project-folder.ts';
import { CATALOGUE, MACHINE_PROBLEMS } from './messages/catalogue.ts';
import { CLI } from './messages/commands.ts';
import { EXIT } from './messages/exit-codes.ts';
import { Failure } from './messages/failure.ts';

/** Each command's module, loaded only when that command runs: the build never loads the importer. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  build: async () => (await import('./commands/build.ts')).buildSite,
  check: async () => (await import('./commands/build.ts')).checkSite,
  pdf: async () => (await import('./commands/build.ts')).printPdfs,
  new: async () => (await import('./commands/new.ts')).newIssue,
  import: async () => (await import('./commands/import.ts')).importIssues,
  dev: async () => (await import('./commands/dev.ts')).devServer,
};

async function listCommands(): Promise<string> {
  const lines = await Promise.all(Object.entries(COMMANDS).map(async ([name, load]) => `  npm run ${name.padEnd(8)} ${(await load()).summary}`));
  return lines.join('\n');
}

/** Node's parseArgs explains a wrong option in English: say it in Chinese, naming the option. */
function optionProblem(error: Error & { code: string }): string {
  const named = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return CLI.unknownOption(named);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return CLI.badOptionValue(named.split(' ')[0]!);
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return CLI.extraArgument(named);
    default:
      return CLI.badOption(error.message);
  }
}

/** The asks for help without a command: every command, each with its line. */
const HELP = new Set(['help', '--help', '-h']);

async function main(argv: string[]): Promise<number> {
  // Options without a command are the build's (node lib/cli.js --drafts), as the command is.
  const [name = 'build', ...args] = argv[0]?.startsWith('-') && !HELP.has(argv[0]) ? ['build', ...argv] : argv;
  if (HELP.has(name)) {
    console.log(CLI.overview(await listCommands()));
    return EXIT.ok;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) {
    const near = closest(name, Object.keys(COMMANDS));
    console.error(CLI.unknownCommand(name, distance(name, near) <= 2 ? near : undefined, await listCommands()));
    return EXIT.usage;
  }
  const command = await load();
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args, options: { ...command.options, help: { type: 'boolean' } }, allowPositionals: command.positionals ?? false });
  } catch (error) {
    if (!(error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) throw error;
    console.error(`${optionProblem(error as Error & { code: string })}\n\n${command.help}`);
    return EXIT.usage;
  }
  if (parsed.values.help) {
    console.log(command.help);
    return EXIT.ok;
  }
  if (command.needsProject) await requireProject(process.cwd());
  return command.run({ values: parsed.values as Record<string, string | boolean | undefined>, positionals: parsed.positionals }, process.cwd());
}

/** A failure from the catalogue, a file the machine refused, or a bug: said in Chinese, with its exit code. */
function explain(error: NodeJS.ErrnoException): { text: string; code: number } {
  const machine = error?.code ? MACHINE_PROBLEMS[error.code] : undefined;
  if (error instanceof Failure) return { text: error.format(), code: error.exitCode };
  if (machine) {
    const failure = Failure.of(machine, { path: error.path ?? '' });
    return { text: `${failure.format()}\n${CLI.nothingChanged}`, code: failure.exitCode };
  }
  // A bug: its stack trace is for the maintainers.
  const bug = Failure.of(CATALOGUE.bug, undefined);
  return { text: `${bug.format()}\n${error?.stack ?? String(error)}`, code: bug.exitCode };
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: NodeJS.ErrnoException) => {
    const { text, code } = explain(error);
    console.error(text);
    process.exit(code);
  },
);
