// A task of the worker pool (workers/pool.ts, its search lanes): indexes one part of the search
// index with this thread's Pagefind process, and cuts its chunks small, beside the pages the main
// thread renders. Pagefind's backend handles one message at a time, so each thread has a process
// of its own (the two cores index two parts at once), and is sent one part at a time (pool.ts).
import { CATALOGUE } from '../messages/catalogue.ts';
import { Failure } from '../messages/failure.ts';
import { closePagefind, type Documents, type IndexFiles, indexWithPagefind, preparePagefind } from './run-pagefind.ts';
import { splitChunks } from './split-chunks.ts';

export interface IndexJob {
  /** The part, as messages name it: 总第1–250期. */
  work: string;
  documents: Documents;
}

export default async function indexPartHere({ work, documents }: IndexJob): Promise<IndexFiles> {
  try {
    return splitChunks(await indexWithPagefind(work, documents));
  } catch (error) {
    // A Pagefind that failed (crashed, hung) is not given the next part: that starts a new one.
    await closePagefind();
    throw error instanceof Failure ? error : Failure.of(CATALOGUE.pagefindCrashed, { work }, error);
  }
}

/** When the thread starts: Pagefind's program checked before the first part comes. */
export function prepare(): void {
  preparePagefind();
}

/** Before the thread ends (its part done: the lane ends after its tasks): its Pagefind process. */
export async function teardown(): Promise<void> {
  await closePagefind();
}
