// npm run import -- FILE...: past issues, as text extracted from print or as Word documents,
// become content files; what could not be placed is reported by line, and no file is written over.
import path from 'node:path';
import { VFile } from 'vfile';
import { chineseDate } from '../format/chinese.ts';
import { checkImported } from '../import/check-imported.ts';
import { importFile, type Imported } from '../import/import-file.ts';
import { writeNewFile } from '../files.ts';
import { hasErrors, reportError, reportWarning } from '../messages.ts';
import { formatReport } from '../report.ts';
import { readText } from '../stages/load-content.ts';
import { loadSite } from '../stages/load-site.ts';
import { EXIT, type Command } from './command.ts';

const help = `用法：npm run import -- 文件 [文件…]

把往期刊物导入为 content/<年份>/<两位期号>.md。可以导入：
  .txt   从印刷稿提取的文字（UTF-8 或 GBK 编码均可）
  .docx  Word 文档（保留标题、列表、加粗和表格；旧版 .doc 请先在 Word 中另存为 .docx）

从报头认出期号、总期号（汉字数字）、日期和编印单位，从版记认出送、责任编辑、联系方式；
正文中认出文章标题、署名、文章日期、层次标题、快讯和结尾说明，
接上被分页断开的句子，去掉页码和重复的页眉。
认不准的地方按行号列为警告，请对照原件核对。已有同名文件时不会覆盖。

选项：
  --help   显示本说明

例如：npm run import -- ../shared/corpus/lianluodongtai-2019-09.txt`;

function describe(imported: Imported): string {
  const { issue } = imported;
  const parts = [`第${issue.issue}期`, issue.total ? `总第${issue.total}期` : '总期号待补', chineseDate(issue.date!)];
  return parts.join('，');
}

/** What was done to the text that the editor may want to check, in one line. */
function changesMade(imported: Imported): string[] {
  const { issue, unit } = imported;
  const lines: string[] = [];
  const list = (ns: number[]) => ns.map((n) => `第 ${n} ${unit}`).join('、');
  if (imported.encoding === 'GB18030') lines.push('  按 GBK（GB18030）编码读取，已存为 UTF-8。');
  if (issue.joined.length > 0) lines.push(`  接上了 ${issue.joined.length} 处被分页断开的句子（${list(issue.joined)}接到上一段）。`);
  if (issue.dropped.length > 0) lines.push(`  去掉了 ${issue.dropped.length} 行页码或页眉（${list(issue.dropped)}）。`);
  if (imported.images > 0) lines.push(`  原件中有 ${imported.images} 张图片，没有导入。`);
  return lines;
}

export const importIssues: Command = {
  summary: '导入往期（文本或 Word）',
  help,
  positionals: true,
  async run({ positionals }, projectDir) {
    if (positionals.length === 0) {
      console.error(`没有给出要导入的文件。\n\n${help}`);
      return EXIT.usage;
    }
    const siteFile = await readText(projectDir, 'content/site.yml');
    const site = loadSite(siteFile);
    if (!site) {
      console.error(formatReport([siteFile]));
      console.error('\n没有导入：请先改正 content/site.yml 中的错误。');
      return EXIT.contentErrors;
    }
    // npm runs scripts in the project folder; files are named from where the editor typed the command.
    const typedIn = process.env.npm_lifecycle_event === 'import' ? (process.env.INIT_CWD ?? projectDir) : projectDir;
    const reports: VFile[] = [];
    const written: string[] = [];
    for (const name of positionals) {
      const report = new VFile({ path: name });
      reports.push(report);
      const result = await importFile(path.resolve(typedIn, name), site);
      if (!result.ok) {
        reportError(report, `${result.reason}（没有导入）`, 'import');
        continue;
      }
      for (const { line, message } of result.issue.warnings) {
        if (result.unit === '行') reportWarning(report, message, 'import', { line, column: 1 });
        else reportWarning(report, `第 ${line} 段\uFF1A${message}`, 'import');
      }
      if (!(await writeNewFile(path.join(projectDir, result.target), result.text))) {
        reportError(report, `${result.target} 已经存在，不会覆盖（没有导入）\uFF1A如要重新导入，请先把已有的文件改名或移走`, 'import');
        continue;
      }
      written.push(result.target);
      console.log(`已导入 ${name} → ${result.target}\uFF08${describe(result)}\uFF09`);
      for (const line of changesMade(result)) console.log(line);
    }
    const checked = written.length > 0 ? await checkImported(projectDir, written) : [];
    const report = formatReport([...reports, ...checked]);
    if (report) console.error(`\n${report}`);
    if (written.length > 0) console.log(`\n请对照原件核对导入的 ${written.length} 个文件，再运行 npm run check 或 npm run dev 查看。`);
    return hasErrors([...reports, ...checked]) ? EXIT.contentErrors : EXIT.ok;
  },
};
