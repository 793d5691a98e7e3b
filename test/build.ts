// The pipeline as tests drive it: one call, the site in memory (or written to disk), the
// result of the run.
import path from 'node:path';
import type { SiteOutput } from '../src/model/output.ts';
import { DiskWriter } from '../src/pipeline/disk-writer.ts';
import { Project, type ProjectOptions, type RunOptions, type RunResult } from '../src/pipeline/project.ts';
import { MemoryWriter } from '../src/pipeline/writer.ts';

export interface TestBuild extends ProjectOptions, Omit<RunOptions, 'writer' | 'pdfs'> {
  /** Write to disk (outDir, dist/ of the project by default) instead of memory. */
  write?: boolean;
  outDir?: string;
  /** Print the PDFs that are missing (needs Chromium). */
  pdf?: boolean;
}

export interface TestResult extends RunResult {
  /** The site, for a build in memory. */
  output?: SiteOutput;
}

export async function build({ write, outDir, pdf, search, changed, pdfPrinted, ...options }: TestBuild): Promise<TestResult> {
  const project = new Project(options);
  const memory = new MemoryWriter();
  const writer = write ? new DiskWriter(outDir ?? path.join(options.projectDir, 'dist'), options.projectDir, project.cache) : memory;
  const result = await project.run({ writer, search, changed, pdfPrinted, pdfs: pdf ? 'print' : 'cached' });
  return { ...result, output: write || !result.ok ? undefined : memory.output };
}
