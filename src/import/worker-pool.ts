// Files imported side by side, in the worker pool (workers/pool.ts): reading a PDF or a Word
// document is work for a processor, and each worker thread has its own LibreOffice profile (so at
// most as many conversions at once as there are workers). Results come back in the order of the files.

import { IMPORT_REASONS, workerExited } from '../messages/import.ts';
import type { Site } from '../model/site.ts';
import { runTask, WorkerCrashed } from '../workers/pool.ts';
import type { ImportResult } from './import-file.ts';
import type { ImportJob } from './import-task.ts';
import { removeProfiles } from './office.ts';

/** Imports every file, told of each as it is done; resolves to the results in the order of the files. */
export async function importInWorkers(files: readonly string[], site: Site, finished?: (file: string, done: number) => void): Promise<ImportResult[]> {
  let done = 0;
  try {
    return await Promise.all(
      files.map(async (file) => {
        // A worker that dies (out of memory on a monstrous file) fails its file only.
        const result = await runTask<ImportJob, ImportResult>('import', { file, site }).catch((error: unknown): ImportResult => {
          if (error instanceof WorkerCrashed) return { ok: false, reason: workerExited };
          return { ok: false, reason: IMPORT_REASONS.crashed((error as Error).message) };
        });
        finished?.(file, ++done);
        return result;
      }),
    );
  } finally {
    await removeProfiles();
  }
}
