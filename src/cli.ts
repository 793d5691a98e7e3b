// The command line: a command name → its module → an exit code.
import { buildSite, checkSite } from './commands/build.ts';
import { EXIT, type Command } from './commands/command.ts';
import { devServer } from './commands/dev.ts';
import { importIssues } from './commands/import.ts';
import { newIssue } from './commands/new.ts';
import { printPdfs } from './commands/pdf.ts';

const COMMANDS: Record<string, Command> = {
  build: buildSite,
  check: checkSite,
  pdf: printPdfs,
  new: newIssue,
  import: importIssues,
  dev: devServer,
};

function listCommands(): string {
  return Object.entries(COMMANDS)
    .map(([name, command]) => `  npm run ${name.padEnd(8)} ${command.summary}`)
    .join('\n');
}

async function main([name = 'build', ...args]: string[]): Promise<number> {
  const command = COMMANDS[name];
  if (!command) {
    console.error(`不认识的命令 ${name}。可用的命令：\n${listCommands()}`);
    return EXIT.usage;
  }
  try {
    return await command.run(args, process.cwd());
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`选项有误：${(error as Error).message}\n\n${command.help}`);
      return EXIT.usage;
    }
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error('出现意外错误（这是程序的问题，不是稿件的问题，请把下面的信息发给维护人员）：');
    console.error(error);
    process.exit(EXIT.bug);
  },
);
