// npm run build / npm run check: every problem reported, the site written only when there is none.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build, type BuildResult } from '../build.ts';
import { formatReport, tally } from '../report.ts';
import { ChromiumUnavailable, missingForPdf } from '../chromium.ts';
import type { Issue } from '../model/issue.ts';
import { EXIT, type Command } from './command.ts';

/** The PDF line of the build's report: how many issues have one, how many were printed now. */
function reportPdfs({ issues, pdfs }: BuildResult, printing: boolean): string | undefined {
  if (!pdfs || (!printing && pdfs.published.length === 0)) return undefined;
  const without = issues.length - pdfs.published.length;
  const lines = [`PDF\uFF1A${pdfs.published.length} 期有 PDF\uFF0C其中本次印制 ${pdfs.printed.length} 期。`];
  if (without > 0) lines.push(`另有 ${without} 期没有 PDF（新的一期，或页面改过），用 npm run pdf 生成。`);
  return lines.join('\n');
}

function buildCommand(write: boolean): Command {
  const help = write
    ? `用法：npm run build [-- 选项]

检查 content/ 中的全部期刊，生成网站到 dist/。
有任何错误时不生成网站，dist/ 保持原样。

选项：
  --drafts     同时发布标有 draft: true 的草稿
  --out 目录   输出到指定目录（默认 dist）
  --pdf        同时把每期印成 PDF（同 npm run pdf，需要 Chromium）
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
        options: { help: { type: 'boolean' }, drafts: { type: 'boolean' }, out: { type: 'string' }, pdf: { type: 'boolean' } },
      });
      if (values.help) {
        console.log(help);
        return EXIT.ok;
      }
      const pdf = write && values.pdf === true;
      const missing = pdf ? await missingForPdf() : undefined;
      if (missing) {
        console.error(missing);
        return EXIT.unavailable;
      }
      const started = performance.now();
      const outDir = path.resolve(projectDir, values.out ?? 'dist');
      const shownOut = `${path.relative(projectDir, outDir) || '.'}/`;
      const pdfPrinted = (issue: Issue, done: number, total: number) => console.log(`PDF ${done}/${total}\uFF1A${issue.year}年第${issue.number}期`);
      let result: BuildResult;
      try {
        result = await build({ projectDir, outDir, write, search: write, drafts: values.drafts, pdf, pdfPrinted });
      } catch (error) {
        if (!(error instanceof ChromiumUnavailable)) throw error;
        console.error(`${error.message}\n${shownOut} 保持原样。`);
        return EXIT.unavailable;
      }
      // Gaps in the archive are notes, for npm run check; the year pages show them to readers.
      const report = formatReport(result.files, { notes: !write });
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
        const pdfReport = reportPdfs(result, pdf);
        if (pdfReport) console.log(pdfReport);
      } else {
        console.log(`检查通过：${result.issues.length} 期，用时 ${seconds} 秒。`);
      }
      return EXIT.ok;
    },
  };
}

export const buildSite = buildCommand(true);
export const checkSite = buildCommand(false);
