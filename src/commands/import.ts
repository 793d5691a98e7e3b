// npm run import -- FILE_OR_FOLDER...: past issues, as text extracted from print, Word or WPS
// documents or PDFs, become content files, many at once; a report tells what was imported,
// skipped and not imported, and what to check by file and line. No file is written over.
import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import { importBatch } from '../import/batch.ts';
import { changesMade, describe, REPORT_FILE, reportMarkdown, summary } from '../import/import-report.ts';
import { EXIT } from '../messages/exit-codes.ts';
import { hasErrors } from '../messages.ts';
import { Project } from '../pipeline/project.ts';
import { formatReport } from '../report.ts';
import type { Command } from './command.ts';

const help = `用法：npm run import -- 文件或文件夹 [文件或文件夹…] [--dry-run]

把往期刊物导入为 content/<年份>/<两位期号>.md。给出文件夹时，导入其中（含各级子文件夹）
全部可导入的文件。可以导入：
  .txt   从印刷稿提取的文字（UTF-8、GBK 或带 BOM 的 UTF-16 编码均可）
  .docx  Word 文档（保留标题、列表、加粗和表格）
  .doc   旧版 Word 文档，.wps  WPS 文档（需要 LibreOffice：sudo apt-get install libreoffice-writer-nogui）
  .pdf   带文字层的 PDF（扫描件需要先做文字识别）

从报头认出期号、总期号（汉字数字）、日期和编印单位，从版记认出送、责任编辑、联系方式；
正文中认出文章标题、署名、文章日期、层次标题、快讯和结尾说明，
接上被分页断开的句子，去掉页码和重复的页眉。
已有同名文件时不会覆盖，同一期的第二个文件会跳过。结束时列出导入、跳过、没有导入的文件
和需要核对的地方（文件和行号），并添加到 ${REPORT_FILE} 的末尾（每批一节，注明时间，以前的不会被覆盖）。

选项：
  --dry-run   只读取和报告，不写入任何文件
  --help      显示本说明

例如：npm run import -- ../往期
      npm run import -- ../shared/corpus/lianluodongtai-2019-09.txt`;

export const importIssues: Command = {
  summary: '导入往期（文本、Word、WPS 或 PDF，可整个文件夹）',
  help,
  options: { 'dry-run': { type: 'boolean' } },
  positionals: true,
  async run({ values, positionals }, projectDir) {
    if (positionals.length === 0) {
      console.error(`没有给出要导入的文件或文件夹。\n\n${help}`);
      return EXIT.usage;
    }
    const { site, file: siteFile } = await new Project({ projectDir }).settings();
    if (!site) {
      console.error(formatReport([siteFile]));
      console.error('\n没有导入：请先改正 content/site.yml 中的错误。');
      return EXIT.contentErrors;
    }
    // npm runs scripts in the project folder; files are named from where the editor typed the command.
    const cwd = process.env.npm_lifecycle_event === 'import' ? (process.env.INIT_CWD ?? projectDir) : projectDir;
    const dryRun = values['dry-run'] === true;
    const live = process.stdout.isTTY === true;
    const report = await importBatch({
      projectDir,
      cwd,
      names: positionals,
      site,
      dryRun,
      // On a terminal one line, rewritten; in a log a line a file.
      progress: (done, total, file) => (live ? process.stdout.write(`\r\x1b[K${done}/${total} ${file}`) : console.log(`${done}/${total} ${file}`)),
    });
    if (live && report.total > 0) process.stdout.write('\r\x1b[K');
    for (const { source, imported } of report.imported) {
      console.log(`${dryRun ? '可导入' : '已导入'} ${source} → ${imported.target}\uFF08${describe(imported)}\uFF09`);
      for (const line of changesMade(imported)) console.log(`  ${line}`);
    }
    for (const { source, reason } of report.skipped) console.log(`已跳过 ${source}\uFF1A${reason}`);
    const messages = formatReport(report.files);
    if (messages) console.error(`\n${messages}`);
    console.log(`\n${summary(report)}`);
    if (!dryRun) {
      // Each batch's report is added at the end, under its date and time: an earlier batch's is kept.
      await appendFile(path.join(projectDir, REPORT_FILE), reportMarkdown(report, new Date()));
      console.log(`报告已添加到 ${REPORT_FILE} 的末尾。`);
      if (report.imported.length > 0) console.log(`请对照原件核对导入的 ${report.imported.length} 个文件，再运行 npm run check 或 npm run dev 查看。`);
    }
    return hasErrors(report.files) ? EXIT.contentErrors : EXIT.ok;
  },
};
