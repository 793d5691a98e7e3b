// npm run new: creates the next issue's file, never over an existing one.
import path from 'node:path';
import { writeNewFile } from '../files.ts';
import { EXIT } from '../messages/exit-codes.ts';
import { hasErrors } from '../messages.ts';
import { planNextIssue } from '../new-issue/next-issue.ts';
import { newIssueText } from '../new-issue/skeleton.ts';
import { Project } from '../pipeline/project.ts';
import { formatReport } from '../report.ts';
import { chineseDate, isCalendarDate, todayInChina } from '../text/chinese.ts';
import type { Command } from './command.ts';

const help = `用法：npm run new [-- 选项]

新建下一期：content/<年份>/<两位期号>.md。
期号接着本年最后一期往下编（新的一年从 1 起），总期号接着最大的总期号往下编，
日期默认是今天，送和责任编辑照抄最新一期；正文是一份示例，照着改写即可。
新文件标有 draft: true（草稿），定稿后删去这一行才会发布。
已有同名文件时不会覆盖。

选项：
  --date 年-月-日   出刊日期，例如 --date 2019-05-20（默认今天）
  --help            显示本说明`;

export const newIssue: Command = {
  summary: '新建下一期',
  help,
  options: { date: { type: 'string' } },
  async run({ values }, projectDir) {
    const date = typeof values.date === 'string' ? values.date : todayInChina();
    if (!isCalendarDate(date)) {
      console.error(`日期 ${date} 不存在或格式不对\uFF1A请写作 年-月-日，例如 npm run new -- --date 2019-05-20`);
      return EXIT.usage;
    }
    const { site, sources, files } = await new Project({ projectDir }).load({ articles: false });
    if (!site || hasErrors(files)) {
      console.error(formatReport(files));
      console.error('\n没有新建\uFF1A期号和总期号要根据已有各期来编，请先改正上面的错误。');
      return EXIT.contentErrors;
    }
    const plan = planNextIssue(sources, date);
    if (!plan.ok) {
      console.error(`没有新建\uFF1A${plan.problem}`);
      return EXIT.usage;
    }
    const { next } = plan;
    const target = path.join(projectDir, next.path);
    if (!(await writeNewFile(target, newIssueText(next, site)))) {
      console.error(`没有新建\uFF1A${next.path} 已经存在，不会覆盖。请打开它继续编写；如果它是放错位置的旧文件，请先改正它的期号或文件名。`);
      return EXIT.contentErrors;
    }
    const from = next.latest ? `送和责任编辑照抄 ${next.latest.file.path}` : '这是第一期：请填写送达单位';
    console.log(`已新建 ${next.path}\uFF1A${next.year}年第${next.issue}期，总第${next.total}期，${chineseDate(next.date)}（${from}）。`);
    console.log('这一期标为草稿（draft: true），定稿后删去这一行才会发布。');
    return EXIT.ok;
  },
};
