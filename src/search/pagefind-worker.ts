// One worker of the search index (see pagefind-pool.ts): indexes the parts it is sent, one at a
// time and in order, with a Pagefind process of its own, until it is told to close.
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { CATALOGUE } from '../messages/catalogue.ts';
import { Failure } from '../messages/failure.ts';
import type { IndexJob, IndexReply } from './pagefind-pool.ts';
import { closePagefind, indexWithPagefind } from './run-pagefind.ts';
import { splitChunks } from './split-chunks.ts';

// The dev server's index is background work: on Linux, where a priority is a thread's, this thread
// and the Pagefind process it starts (which inherits it) give way to the main thread, so that a
// save is not slowed by an index being made meanwhile (bench/dev-reload.ts). Elsewhere a priority is
// the whole process's, and is left alone; so is a build's index, which the build waits for.
if ((workerData as { background?: boolean } | undefined)?.background && process.platform === 'linux') setPriority(10);

const port = parentPort!;
let last: Promise<unknown> = Promise.resolve();

port.on('message', (message: IndexJob | 'close') => {
  last = last.then(async () => {
    if (message === 'close') {
      await closePagefind();
      port.close();
      return;
    }
    let reply: IndexReply;
    try {
      // Its chunks cut small here, beside the pages the main thread renders.
      reply = { id: message.id, files: splitChunks(await indexWithPagefind(message.work, message.documents)) };
    } catch (error) {
      reply = { id: message.id, failure: (error instanceof Failure ? error : Failure.of(CATALOGUE.pagefindCrashed, { work: message.work }, error)).sent() };
      // A Pagefind that failed (crashed, hung) is not given the next part: that starts a new one.
      await closePagefind();
    }
    port.postMessage(reply);
  });
});
