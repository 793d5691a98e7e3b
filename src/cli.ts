#!/usr/bin/env node
// The command line: a command name → its module → an exit code. Arguments are parsed, and
// --help answered, here for every command.
import { parseArgs } from 'node:util';
import { type Command, EXIT } from './commands/command.ts';

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
      return `不认识的选项 ${named}：请对照下面的说明检查拼写`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return `选项 ${named.split(' ')[0]} 的值写得不对（或缺少值）：请对照下面的说明`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `多余的参数 ${named}：这个命令不需要它，请删去`;
    default:
      return `选项有误：请对照下面的说明（${error.message}）`;
  }
}

async function main([name = 'build', ...args]: string[]): Promise<number> {
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) {
    console.error(`不认识的命令 ${name}。可用的命令：\n${await listCommands()}`);
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
  return command.run({ values: parsed.values as Record<string, string | boolean | undefined>, positionals: parsed.positionals }, process.cwd());
}

/** Problems of the machine, not of the content or the program: what they mean, in Chinese. */
const MACHINE_PROBLEMS: Record<string, string> = {
  EBUSY: '输出目录正被占用（也许是挂载点，或被别的程序打开）：请关掉占用它的程序，或换一个输出目录',
  ENOSPC: '磁盘空间不足：请清理磁盘（可以先运行 npm run clean 删去缓存）后再试',
  EACCES: '没有权限读写这个文件或目录：请检查文件权限，或换一个有权限的目录',
  EPERM: '操作系统不允许这样读写：请检查文件权限，或关掉正在使用这些文件的程序后再试',
  EROFS: '这个目录是只读的：请换一个可以写入的目录',
  EMFILE: '同时打开的文件太多：请关掉一些程序后再试',
};

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: NodeJS.ErrnoException) => {
    const machine = error?.code ? MACHINE_PROBLEMS[error.code] : undefined;
    if (machine) {
      console.error(`${error.path ?? ''}${error.path ? '：' : ''}${machine}。已有的稿件和已发布的网站都没有改动。`);
      process.exit(EXIT.unavailable);
    }
    console.error('出现意外错误（这是程序的问题，不是稿件的问题，请把下面的信息发给维护人员）：');
    console.error(error);
    process.exit(EXIT.bug);
  },
);
