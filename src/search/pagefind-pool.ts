// The search index's parts are made side by side: Pagefind's backend handles one message at a
// time, so each worker thread here runs a Pagefind process of its own, and the two cores index
// two parts at once while the main thread renders pages. A worker is given its next part before
// it is done with the current one, so that it never waits on a busy main thread.
import type { Worker } from 'node:worker_threads';
import { CATALOGUE } from '../messages/catalogue.ts';
import { Failure, type SentFailure } from '../messages/failure.ts';
import { startWorker } from '../workers/start-worker.ts';
import { workerCount } from '../workers/worker-count.ts';
import type { Documents, IndexFiles } from './run-pagefind.ts';

export interface IndexJob {
  id: number;
  /** The part, as messages name it: 总第1–100期. */
  work: string;
  documents: Documents;
}

export type IndexReply = { id: number; files: IndexFiles } | { id: number; failure: SentFailure };

/** Parts given to a worker at once: the one it indexes and the next. */
const IN_FLIGHT = 2;
/**
 * A worker holds two parts' documents, one part's messages to Pagefind (its documents as base64
 * JSON) and one part's files: a few MB for parts of real issues, under 100 MB for parts of the
 * largest issues the input limits allow (128 KB each). A heap limited to that keeps the worker from
 * growing one it does not need (50 MB less a worker, measured at 1000 issues).
 */
const WORKER_HEAP = { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 8 };

interface Pending {
  job: IndexJob;
  resolve: (files: IndexFiles) => void;
  reject: (error: Error) => void;
}

interface Lane {
  worker: Worker;
  working: Map<number, Pending>;
  exited: Promise<void>;
}

export class PagefindPool {
  private readonly lanes: Lane[] = [];
  private readonly waiting: Pending[] = [];
  private nextId = 0;
  private closed = false;
  private readonly size = workerCount();

  /** background: the workers give way to the main thread (the dev server's index, made between saves). */
  constructor(private readonly options: { background?: boolean } = {}) {}

  /** The index files of one part's documents; a Failure that says what went wrong when Pagefind fails. */
  index(work: string, documents: Documents): Promise<IndexFiles> {
    // Closed early only after another failure, which is the one reported.
    if (this.closed) return Promise.reject(new Error('search index closed'));
    return new Promise<IndexFiles>((resolve, reject) => {
      this.waiting.push({ job: { id: this.nextId++, work, documents }, resolve, reject });
      this.dispatch();
    });
  }

  /** Stops the workers and their Pagefind processes once their parts are done; a part still waiting fails. */
  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.waiting.splice(0)) pending.reject(new Error('search index closed'));
    const lanes = this.lanes.splice(0);
    for (const lane of lanes) lane.worker.postMessage('close');
    await Promise.all(lanes.map((lane) => lane.exited));
  }

  private dispatch(): void {
    while (this.waiting.length > 0) {
      const lane = this.freeLane();
      if (!lane) return;
      const pending = this.waiting.shift()!;
      lane.working.set(pending.job.id, pending);
      lane.worker.postMessage(pending.job);
    }
  }

  /** The lane with the fewest parts, started when there is room for another; none when all are full. */
  private freeLane(): Lane | undefined {
    const lane = this.lanes.reduce<Lane | undefined>((best, l) => (best && best.working.size <= l.working.size ? best : l), undefined);
    if (lane && lane.working.size === 0) return lane;
    if (this.lanes.length < this.size) return this.startLane();
    return lane && lane.working.size < IN_FLIGHT ? lane : undefined;
  }

  private startLane(): Lane {
    const worker = startWorker(import.meta.url, 'pagefind-worker', { background: this.options.background ?? false }, WORKER_HEAP);
    const lane: Lane = { worker, working: new Map(), exited: new Promise((resolve) => worker.once('exit', () => resolve())) };
    lane.worker.on('message', (reply: IndexReply) => {
      const pending = lane.working.get(reply.id);
      if (!pending) return;
      lane.working.delete(reply.id);
      if ('failure' in reply) pending.reject(Failure.received(reply.failure));
      else pending.resolve(reply.files);
      this.dispatch();
    });
    // A worker that fails or stops fails its parts; the parts waiting go to the other workers, or a new one.
    const fail = (error: unknown) => {
      for (const pending of lane.working.values()) pending.reject(Failure.of(CATALOGUE.pagefindCrashed, { work: pending.job.work }, error));
      lane.working.clear();
      const at = this.lanes.indexOf(lane);
      if (at >= 0) this.lanes.splice(at, 1);
      if (!this.closed) this.dispatch();
    };
    lane.worker.on('error', fail);
    lane.worker.on('exit', (code) => fail(`建立搜索索引的线程意外退出（退出码 ${code}）`));
    this.lanes.push(lane);
    return lane;
  }
}
