// npm run import -- FILE_OR_FOLDER...: past issues, as text extracted from print, Word or WPS
// documents or PDFs, become content files, many at once; a report tells what was imported,
// skipped and not imported, and what to check by file and line. No file is written over.
import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import { importBatch } from '../import/batch.ts';
import { changesMade, describe, REPORT_FILE, reportMarkdown, summary } from '../import/import-report.ts';
import { IMPORT_COMMAND, importHelp } from '../messages/commands.ts';
import { EXIT } from '../messages/exit-codes.ts';
import { hasErrors } from '../messages.ts';
import { Project } from '../pipeline/project.ts';
import { formatReport } from '../report.ts';
import type { Command } from './command.ts';

const help = importHelp(REPORT_FILE);

export const importIssues: Command = {
  summary: IMPORT_COMMAND.summary,
  help,
  // It writes into content/; --dry-run too reads content/site.yml and the files already there.
  needsProject: true,
  options: { 'dry-run': { type: 'boolean' } },
  positionals: true,
  async run({ values, positionals }, projectDir) {
    if (positionals.length === 0) {
      console.error(IMPORT_COMMAND.noFiles(help));
      return EXIT.usage;
    }
    const { site, file: siteFile } = await new Project({ projectDir }).settings();
    if (!site) {
      console.error(formatReport([siteFile]));
      console.error(IMPORT_COMMAND.siteErrors);
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
      console.log(IMPORT_COMMAND.imported(dryRun, source, imported.target, describe(imported)));
      for (const line of changesMade(imported)) console.log(`  ${line}`);
    }
    for (const { source, reason } of report.skipped) console.log(IMPORT_COMMAND.skipped(source, reason));
    const messages = formatReport(report.files);
    if (messages) console.error(`\n${messages}`);
    console.log(`\n${summary(report)}`);
    if (!dryRun) {
      // Each batch's report is added at the end, under its date and time: an earlier batch's is kept.
      await appendFile(path.join(projectDir, REPORT_FILE), reportMarkdown(report, new Date()));
      console.log(IMPORT_COMMAND.reportAdded(REPORT_FILE));
      if (report.imported.length > 0) console.log(IMPORT_COMMAND.checkThem(report.imported.length));
    }
    return hasErrors(report.files) ? EXIT.contentErrors : EXIT.ok;
  },
};
