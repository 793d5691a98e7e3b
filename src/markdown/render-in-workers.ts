// Many issue files are rendered side by side: each worker thread has the Markdown pipeline of
// its own (one frozen processor each) and renders its share of the files; the results come back
// in the order of the files. Starting a worker and loading the pipeline in it takes about a
// third of a second, so a few files are rendered in the calling thread instead (the caller decides).
import { availableParallelism } from 'node:os';
import type { Site } from '../model/site.ts';
import { startWorker } from '../workers/start-worker.ts';
import type { IssueText, RenderedFile } from './render-issue-file.ts';

/** Workers at most: one a core. */
const MAX_WORKERS = 2;

export async function renderInWorkers(files: IssueText[], site: Site): Promise<RenderedFile[]> {
  const count = Math.max(1, Math.min(MAX_WORKERS, availableParallelism()));
  // Every count-th file to a worker: neighbouring issues are alike in size, so the shares are even.
  const shares = Array.from({ length: count }, (_, w) => files.filter((_, i) => i % count === w));
  const rendered = await Promise.all(
    shares.map(
      (share) =>
        new Promise<RenderedFile[]>((resolve, reject) => {
          const worker = startWorker(import.meta.url, 'render-worker', { site });
          worker.once('message', resolve);
          worker.once('error', reject);
          worker.once('exit', (code) => reject(new Error(`Markdown worker stopped (${code})`)));
          worker.postMessage(share);
        }),
    ),
  );
  return files.map((_, i) => rendered[i % count]![Math.floor(i / count)]!);
}
