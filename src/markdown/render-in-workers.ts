// Many issue files are rendered side by side: each worker thread has the Markdown pipeline of
// its own (one frozen processor each) and renders the files it is sent, a few dozen at a time, so
// that neither thread holds more than a batch of results at once; the results come back in the
// order of the files. Starting a worker and loading the pipeline in it takes about a third of a
// second, so a few files are rendered in the calling thread instead (the caller decides).
import type { Worker } from 'node:worker_threads';
import type { Site } from '../model/site.ts';
import { startWorker } from '../workers/start-worker.ts';
import { workerCount } from '../workers/worker-count.ts';
import type { IssueText } from './render-issue-file.ts';
import type { RenderedFile } from './rendered-file.ts';

/** Files sent to a worker at once. */
const BATCH = 50;

export async function renderInWorkers(files: IssueText[], site: Site): Promise<RenderedFile[]> {
  const results: RenderedFile[] = new Array(files.length);
  let next = 0;
  const count = workerCount();
  const workers: Worker[] = [];
  const work = () =>
    new Promise<void>((resolve, reject) => {
      const worker = startWorker(import.meta.url, 'render-worker', { site });
      workers.push(worker);
      let start = 0;
      let busy = false;
      const send = () => {
        start = next;
        next = Math.min(files.length, next + BATCH);
        busy = start < next;
        worker.postMessage(busy ? files.slice(start, next) : 'close');
      };
      worker.on('message', (rendered: RenderedFile[]) => {
        rendered.forEach((result, i) => {
          results[start + i] = result;
        });
        send();
      });
      worker.once('online', send);
      worker.once('error', reject);
      // Closed when told, with nothing left: otherwise it died with its batch.
      worker.once('exit', (code) => (busy ? reject(new Error(`排版线程意外退出（退出码 ${code}）`)) : resolve()));
    });
  try {
    await Promise.all(Array.from({ length: count }, work));
  } catch (error) {
    // One failed: the others stop too, and the error is the program's (a bug, reported as one).
    await Promise.all(workers.map((worker) => worker.terminate()));
    throw error;
  }
  return results;
}
