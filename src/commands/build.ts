// npm run build / check / pdf: every problem reported; the site written only when there is none.
import path from 'node:path';
import { BUILD, BUILD_HELP } from '../messages/commands.ts';
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
import { onInterrupt } from './interrupt.ts';

type Mode = 'build' | 'check' | 'pdf';

/** The PDF line of the build's report: how many issues have one, how many were printed now. */
function reportPdfs({ issueCount, pdfs }: RunResult, printing: boolean): string | undefined {
  if (!printing && pdfs.published.length === 0) return undefined;
  const without = issueCount - pdfs.published.length;
  const lines = [BUILD.pdfs(pdfs.published.length, pdfs.printed.length)];
  if (without > 0) lines.push(BUILD.withoutPdf(without));
  return lines.join('\n');
}

function buildCommand(mode: Mode): Command {
  const write = mode !== 'check';
  return {
    summary: BUILD.summary[mode],
    needsProject: true,
    help: BUILD_HELP[mode],
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
      const stopped = write ? BUILD.interrupted(shownOut) : BUILD.checkInterrupted;
      const published = write ? BUILD.interruptedAfterPublishing(shownOut) : stopped;
      const created = write ? new DiskWriter(outDir, projectDir, project.cache) : new NullWriter();
      const interrupt = onInterrupt(created, { stopped, published });
      const { writer } = interrupt;
      const pdfPrinted = (issue: Issue, done: number, total: number) => console.log(BUILD.printed(done, total, issue.year, issue.number));
      let result: RunResult;
      try {
        result = await project.run({ writer, search: write, pdfs: print ? 'print' : write ? 'cached' : 'none', pdfPrinted });
      } catch (error) {
        // A program the build runs failed (Chromium, Pagefind): said in Chinese, nothing published.
        if (!(error instanceof Failure)) throw error;
        console.error(`${error.format()}\n${BUILD.unchanged(shownOut)}`);
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
        console.error(BUILD.failed(write, errors, write ? BUILD.unchanged(shownOut) : ''));
        return EXIT.contentErrors;
      }
      const seconds = ((performance.now() - started) / 1000).toFixed(2);
      if (write) {
        console.log(BUILD.built(result.upToDate, result.issueCount, result.pageCount, seconds, shownOut));
      } else {
        console.log(BUILD.checked(result.issueCount, seconds));
      }
      for (const line of [formatDrafts(result.drafts), write ? reportPdfs(result, print) : undefined]) if (line) console.log(line);
      interrupt.stop();
      return EXIT.ok;
    },
  };
}

export const buildSite = buildCommand('build');
export const checkSite = buildCommand('check');
export const printPdfs = buildCommand('pdf');
