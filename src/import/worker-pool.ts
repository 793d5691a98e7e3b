// Files imported side by side, in worker threads: reading a PDF or a Word document is work for a
// processor, and each worker has its own (LibreOffice conversions too run one a worker, so at most
// as many at once as there are workers). Results come back in the order of the files.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Site } from '../model/site.ts';
import type { ImportResult } from './import-file.ts';

export interface Job {
  index: number;
  file: string;
}

export interface Done {
  index: number;
  result: ImportResult;
}

/** Workers at most: the machines this runs on have two cores or more. */
const MAX_WORKERS = 2;

/**
 * A worker runs the compiled import-worker.js beside this module (lib/); run from the sources
 * (the unit tests), it runs import-worker.ts through tsx, registered in the worker first.
 */
function startWorker(site: Site): Worker {
  if (import.meta.url.endsWith('.js')) return new Worker(new URL('./import-worker.js', import.meta.url), { workerData: { site } });
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./import-worker.ts', import.meta.url).href;
  const code = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(code, { eval: true, workerData: { site } });
}

/**
 * Imports every file, told of each as it starts (started) and as it is done (finished);
 * resolves to the results in the order of the files.
 */
export async function importInWorkers(
  files: readonly string[],
  site: Site,
  events: { started?: (file: string) => void; finished?: (file: string, done: number) => void } = {},
): Promise<ImportResult[]> {
  const results: ImportResult[] = new Array(files.length);
  const queue: Job[] = files.map((file, index) => ({ index, file }));
  let done = 0;
  const count = Math.min(MAX_WORKERS, availableParallelism(), files.length);
  const work = () =>
    new Promise<void>((resolve, reject) => {
      const worker = startWorker(site);
      const next = () => {
        const job = queue.shift();
        if (!job) {
          worker.postMessage('close');
          return;
        }
        events.started?.(job.file);
        worker.postMessage(job);
      };
      worker.on('message', ({ index, result }: Done) => {
        results[index] = result;
        done++;
        events.finished?.(files[index]!, done);
        next();
      });
      worker.on('error', reject);
      worker.on('exit', () => resolve());
      worker.once('online', next);
    });
  await Promise.all(Array.from({ length: count }, work));
  return results;
}
