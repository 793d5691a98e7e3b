// npm run new: creates the next issue's file, never over an existing one.
import path from 'node:path';
import { writeNewFile } from '../files.ts';
import { NEW_COMMAND, NEW_HELP } from '../messages/commands.ts';
import { EXIT } from '../messages/exit-codes.ts';
import { hasErrors } from '../messages.ts';
import { planNextIssue } from '../new-issue/next-issue.ts';
import { newIssueText } from '../new-issue/skeleton.ts';
import { Project } from '../pipeline/project.ts';
import { formatReport } from '../report.ts';
import { chineseDate, isCalendarDate, todayInChina } from '../text/chinese.ts';
import type { Command } from './command.ts';

export const newIssue: Command = {
  summary: NEW_COMMAND.summary,
  needsProject: true,
  help: NEW_HELP,
  options: { date: { type: 'string' } },
  async run({ values }, projectDir) {
    const date = typeof values.date === 'string' ? values.date : todayInChina();
    if (!isCalendarDate(date)) {
      console.error(NEW_COMMAND.badDate(date));
      return EXIT.usage;
    }
    const { site, sources, files } = await new Project({ projectDir }).load({ articles: false });
    if (!site || hasErrors(files)) {
      console.error(formatReport(files));
      console.error(NEW_COMMAND.contentErrors);
      return EXIT.contentErrors;
    }
    const plan = planNextIssue(sources, date);
    if (!plan.ok) {
      console.error(NEW_COMMAND.notCreated(plan.problem));
      return EXIT.usage;
    }
    const { next } = plan;
    const target = path.join(projectDir, next.path);
    if (!(await writeNewFile(target, newIssueText(next, site)))) {
      console.error(NEW_COMMAND.exists(next.path));
      return EXIT.contentErrors;
    }
    console.log(NEW_COMMAND.created(next.path, next.year, next.issue, next.total, chineseDate(next.date), next.latest?.file.path));
    console.log(NEW_COMMAND.draft);
    if (next.sameDate.length > 0) {
      const existing = next.sameDate.map(({ file, meta }) => ({ file: file.path, issue: meta.issue, draft: meta.draft === true }));
      console.error(NEW_COMMAND.sameDate(chineseDate(next.date), existing, next.path));
    }
    return EXIT.ok;
  },
};
