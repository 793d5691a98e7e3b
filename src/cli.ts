// Commands → build() → report → exit code.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build } from './build.ts';
import { formatReport, tally } from './report.ts';

const HELP: Record<string, string> = {
  build: `用法：npm run build [-- 选项]

检查 content/ 中的全部期刊，生成网站到 dist/。
有任何错误时不生成网站，dist/ 保持原样。

选项：
  --drafts     同时发布标有 draft: true 的草稿
  --out 目录   输出到指定目录（默认 dist）
  --help       显示本说明`,
  check: `用法：npm run check

只检查 content/ 中的全部期刊，不生成网站。
报告的问题与 npm run build 相同，每条写明文件、行号和改法。

选项：
  --help       显示本说明`,
};

async function main(argv: string[]): Promise<number> {
  const [command = 'build', ...rest] = argv;
  if (!(command in HELP)) {
    console.error(`不认识的命令 ${command}。可用的命令：${Object.keys(HELP).join('、')}`);
    return 2;
  }
  let values;
  try {
    ({ values } = parseArgs({
      args: rest,
      options: { help: { type: 'boolean' }, drafts: { type: 'boolean' }, out: { type: 'string' } },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${HELP[command]}`);
    return 2;
  }
  if (values.help) {
    console.log(HELP[command]);
    return 0;
  }
  const started = performance.now();
  const projectDir = process.cwd();
  const outDir = path.resolve(projectDir, values.out ?? 'dist');
  const result = await build({ projectDir, outDir, write: command === 'build', drafts: values.drafts });
  const report = formatReport(result.files);
  if (report) console.error(report);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  if (!result.ok) {
    const { errors } = tally(result.files);
    console.error(`\n${command === 'build' ? '没有生成网站' : '检查未通过'}：请先改正上面的 ${errors} 个错误。${command === 'build' ? path.relative(projectDir, outDir) + '/ 保持原样。' : ''}`);
    return 1;
  }
  const pages = [...(result.output?.keys() ?? [])].filter((p) => p.endsWith('.html')).length;
  if (command === 'build') {
    console.log(`已生成网站：${result.issues.length} 期，${pages} 个页面，用时 ${seconds} 秒，输出到 ${path.relative(projectDir, outDir) || '.'}/`);
  } else {
    console.log(`检查通过：${result.issues.length} 期，用时 ${seconds} 秒。`);
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error('生成网站时出现意外错误（这是程序的问题，不是稿件的问题，请把下面的信息发给维护人员）：');
    console.error(error);
    process.exit(70);
  },
);
