// Files imported side by side, in worker threads: reading a PDF or a Word document is work for a
// processor, and each worker has its own (LibreOffice conversions too run one a worker, so at most
// as many at once as there are workers). Results come back in the order of the files.
import type { Site } from '../model/site.ts';
import { startWorker } from '../workers/start-worker.ts';
import { workerCount } from '../workers/worker-count.ts';
import type { ImportResult } from './import-file.ts';

export interface Job {
  index: number;
  file: string;
}

export interface Done {
  index: number;
  result: ImportResult;
}

/** Imports every file, told of each as it is done; resolves to the results in the order of the files. */
export async function importInWorkers(files: readonly string[], site: Site, finished?: (file: string, done: number) => void): Promise<ImportResult[]> {
  const results: ImportResult[] = new Array(files.length);
  const queue: Job[] = files.map((file, index) => ({ index, file }));
  let done = 0;
  const count = workerCount(files.length);
  const finish = (index: number, result: ImportResult) => {
    results[index] = result;
    done++;
    finished?.(files[index]!, done);
  };
  // A worker that dies (out of memory on a monstrous file) fails its file only: another takes over the queue.
  const work = (): Promise<void> =>
    new Promise<void>((resolve) => {
      const worker = startWorker(import.meta.url, 'import-worker', { site });
      let current: Job | undefined;
      const next = () => {
        current = queue.shift();
        if (!current) return worker.postMessage('close');
        worker.postMessage(current);
      };
      worker.on('message', ({ index, result }: Done) => {
        finish(index, result);
        next();
      });
      worker.once('online', next);
      worker.on('error', (error) => {
        if (current) finish(current.index, { ok: false, reason: `读取这个文件时程序出错（${error.message}）\uFF1A这是程序的问题，请把这个文件发给维护人员` });
        current = undefined;
      });
      worker.on('exit', () => {
        if (current) finish(current.index, { ok: false, reason: '读取这个文件时程序意外退出\uFF1A这是程序的问题，请把这个文件发给维护人员' });
        resolve(queue.length > 0 ? work() : undefined);
      });
    });
  await Promise.all(Array.from({ length: count }, work));
  return results;
}
