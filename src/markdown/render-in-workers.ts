// Many issue files are rendered side by side, in the worker pool (workers/pool.ts): batches of a
// few dozen files, so that no thread holds more than a batch of results at once; the results come
// back in the order of the files. Starting a worker and loading the pipeline in it takes about a
// third of a second, so a few files are rendered in the calling thread instead (the caller decides).
import type { Site } from '../model/site.ts';
import { runTask } from '../workers/pool.ts';
import type { IssueText } from './render-issue-file.ts';
import type { RenderBatch } from './render-task.ts';
import type { RenderedFile } from './rendered-file.ts';

/** Files sent to a worker at once. */
const BATCH = 50;

export async function renderInWorkers(files: IssueText[], site: Site): Promise<RenderedFile[]> {
  const batches: Promise<RenderedFile[]>[] = [];
  for (let start = 0; start < files.length; start += BATCH) {
    batches.push(runTask<RenderBatch, RenderedFile[]>('render', { files: files.slice(start, start + BATCH), site }));
  }
  return (await Promise.all(batches)).flat();
}
