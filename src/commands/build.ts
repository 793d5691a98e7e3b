// npm run build / npm run check: every problem reported, the site written only when there is none.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build } from '../build.ts';
import { formatReport, tally } from '../report.ts';
import { EXIT, type Command } from './command.ts';

function buildCommand(write: boolean): Command {
  const help = write
    ? `用法：npm run build [-- 选项]

检查 content/ 中的全部期刊，生成网站到 dist/。
有任何错误时不生成网站，dist/ 保持原样。

选项：
  --drafts     同时发布标有 draft: true 的草稿
  --out 目录   输出到指定目录（默认 dist）
  --help       显示本说明`
    : `用法：npm run check

只检查 content/ 中的全部期刊，不生成网站。
报告的问题与 npm run build 相同，每条写明文件、行号和改法。

选项：
  --help       显示本说明`;
  return {
    summary: write ? '检查并生成网站' : '只检查，不生成',
    help,
    async run(args, projectDir) {
      const { values } = parseArgs({
        args,
        options: { help: { type: 'boolean' }, drafts: { type: 'boolean' }, out: { type: 'string' } },
      });
      if (values.help) {
        console.log(help);
        return EXIT.ok;
      }
      const started = performance.now();
      const outDir = path.resolve(projectDir, values.out ?? 'dist');
      const shownOut = `${path.relative(projectDir, outDir) || '.'}/`;
      const result = await build({ projectDir, outDir, write, drafts: values.drafts });
      const report = formatReport(result.files);
      if (report) console.error(report);
      if (!result.ok) {
        const { errors } = tally(result.files);
        const kept = write ? `${shownOut} 保持原样。` : '';
        console.error(`\n${write ? '没有生成网站' : '检查未通过'}：请先改正上面的 ${errors} 个错误。${kept}`);
        return EXIT.contentErrors;
      }
      const seconds = ((performance.now() - started) / 1000).toFixed(2);
      if (write) {
        const pages = [...(result.output?.keys() ?? [])].filter((p) => p.endsWith('.html')).length;
        console.log(`已生成网站：${result.issues.length} 期，${pages} 个页面，用时 ${seconds} 秒，输出到 ${shownOut}`);
      } else {
        console.log(`检查通过：${result.issues.length} 期，用时 ${seconds} 秒。`);
      }
      return EXIT.ok;
    },
  };
}

export const buildSite = buildCommand(true);
export const checkSite = buildCommand(false);
