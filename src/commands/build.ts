// npm run build / check / pdf: every problem reported; the site written only when there is none.
import path from 'node:path';
import { EXIT } from '../messages/exit-codes.ts';
import { Failure } from '../messages/failure.ts';
import type { Issue } from '../model/issue.ts';
import { missingForPdf } from '../pdf/chromium.ts';
import { DiskWriter } from '../pipeline/disk-writer.ts';
import { Project, type RunResult } from '../pipeline/project.ts';
import { Timings } from '../pipeline/timings.ts';
import { NullWriter } from '../pipeline/writer.ts';
import { formatDrafts, formatReport, tally } from '../report.ts';
import type { Command } from './command.ts';

type Mode = 'build' | 'check' | 'pdf';

/** The PDF line of the build's report: how many issues have one, how many were printed now. */
function reportPdfs({ issueCount, pdfs }: RunResult, printing: boolean): string | undefined {
  if (!printing && pdfs.published.length === 0) return undefined;
  const without = issueCount - pdfs.published.length;
  const lines = [`PDF\uFF1A${pdfs.published.length} 期有 PDF\uFF0C其中本次印制 ${pdfs.printed.length} 期。`];
  if (without > 0) lines.push(`另有 ${without} 期没有 PDF（新的一期，或页面改过），用 npm run pdf 生成。`);
  return lines.join('\n');
}

const HELP: Record<Mode, string> = {
  build: `用法：npm run build [-- 选项]

检查 content/ 中的全部期刊，生成网站到 dist/。
有任何错误时不生成网站，dist/ 保持原样。

选项：
  --drafts     同时发布标有 draft: true 的草稿
  --out 目录   输出到指定目录（默认 dist）
  --pdf        同时把每期印成 PDF（同 npm run pdf，需要 Chromium）
  --timings    列出各阶段的用时和缓存命中数，看慢在哪里
  --help       显示本说明`,
  check: `用法：npm run check

只检查 content/ 中的全部期刊和模板，不生成网站。
报告的问题与 npm run build 相同，每条写明文件、行号和改法。

选项：
  --timings    列出各阶段的用时和缓存命中数，看慢在哪里
  --help       显示本说明`,
  pdf: `用法：npm run pdf [-- 选项]

检查并生成网站到 dist/，同时把每期印成 A4 的 PDF，版式与纸质《联络动态》相同
（GB/T 9704-2012：红色报头、3号仿宋正文、页码、版记），放在该期页面旁边，例如
dist/2019/09/lianluodongtai-2019-09.pdf，该期页面上出现“下载 PDF”。
与 npm run build -- --pdf 相同。

只印制还没有 PDF 或内容改过的期：印好的 PDF 保存在 .cache/build/ 中，之后的
npm run build（不带 --pdf）也会沿用；内容改过的期暂时没有 PDF，直到再次运行 npm run pdf。

需要 Debian 的 Chromium 浏览器和中文字体：sudo apt-get install chromium fonts-noto-cjk

选项：
  --drafts     同时发布标有 draft: true 的草稿
  --out 目录   输出到指定目录（默认 dist）
  --timings    列出各阶段的用时和缓存命中数，看慢在哪里
  --help       显示本说明`,
};

function buildCommand(mode: Mode): Command {
  const write = mode !== 'check';
  return {
    summary: { build: '检查并生成网站', check: '只检查，不生成', pdf: '生成网站，并把每期印成 PDF' }[mode],
    help: HELP[mode],
    options: {
      ...(write ? { drafts: { type: 'boolean' }, out: { type: 'string' }, ...(mode === 'build' ? { pdf: { type: 'boolean' } } : {}) } : {}),
      timings: { type: 'boolean' },
    },
    async run({ values }, projectDir) {
      const print = mode === 'pdf' || values.pdf === true;
      const missing = print ? await missingForPdf() : undefined;
      if (missing) {
        console.error(missing.format());
        return missing.exitCode;
      }
      const started = performance.now();
      const outDir = path.resolve(projectDir, typeof values.out === 'string' ? values.out : 'dist');
      const shownOut = `${path.relative(projectDir, outDir) || '.'}/`;
      const timings = values.timings === true ? new Timings() : undefined;
      const project = new Project({ projectDir, drafts: values.drafts === true, timings });
      const writer = write ? new DiskWriter(outDir, projectDir, project.cache) : new NullWriter();
      const pdfPrinted = (issue: Issue, done: number, total: number) => console.log(`PDF ${done}/${total}\uFF1A${issue.year}年第${issue.number}期`);
      let result: RunResult;
      try {
        result = await project.run({ writer, search: write, pdfs: print ? 'print' : write ? 'cached' : 'none', pdfPrinted });
      } catch (error) {
        // A program the build runs failed (Chromium, Pagefind): said in Chinese, nothing published.
        if (!(error instanceof Failure)) throw error;
        console.error(`${error.format()}\n${shownOut} 保持原样。`);
        return error.exitCode;
      }
      // Gaps in the archive are notes, for npm run check; the year pages show them to readers.
      timings?.stop();
      // Since Node's start: started is the time it took to load the program.
      if (timings) console.log(timings.format({ startupMs: started, totalMs: performance.now() }));
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
        const done = result.upToDate ? '网站已是最新，没有改动' : '已生成网站';
        console.log(`${done}：${result.issueCount} 期，${result.pageCount} 个页面，用时 ${seconds} 秒，输出到 ${shownOut}`);
      } else {
        console.log(`检查通过：${result.issueCount} 期，用时 ${seconds} 秒。`);
      }
      for (const line of [formatDrafts(result.drafts), write ? reportPdfs(result, print) : undefined]) if (line) console.log(line);
      return EXIT.ok;
    },
  };
}

export const buildSite = buildCommand('build');
export const checkSite = buildCommand('check');
export const printPdfs = buildCommand('pdf');
