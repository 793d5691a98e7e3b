// The one worker pool of the tool, on Tinypool: a task of a kind runs its task module (a default
// export from input to output) in one of at most workerCount() threads of its lane, shared by every
// caller. Every thread runs run-task.ts, which loads the task modules; from the sources (the tests)
// it is run through tsx (run-typescript-task.mjs). One failure rule: an error thrown by a task
// rejects its run as it was thrown (a Failure crosses the thread as failure.sent() and is thrown
// again here; the caller maps any other error to a catalogue message); a worker that dies fails the
// task it was running with WorkerCrashed; an aborted signal rejects with the signal's reason.
// Idle threads do not keep the process alive; the compute lane's end after a second idle.
//
// The lanes are Tinypool instances with the same module and protocol, each of workerCount() threads:
// - compute: Markdown and import, one task a thread at a time (batches sent all at once are
//   spread evenly over the threads);
// - search: the search index's parts; a thread keeps a Pagefind process across parts, and a part
//   waiting goes to whichever thread is done first, so that the two end together (the main thread,
//   busy writing the site, lets its event loop turn every few milliseconds to send it: disk-writer.ts);
//   its threads stay to the lane's end, and their old generation is limited to what a part needs;
// - background: the same for the dev server's index, in threads that give way to the main thread
//   (run-task.ts). An unprivileged thread cannot raise its priority again, so these threads never
//   run anything else: a save renders in the compute lane at full speed.
// A lane's threads end when the last caller of withWorkers() on it is done, after each task module's
// teardown (the Pagefind processes are closed): none is left running after a build or the dev server.
import Tinypool from 'tinypool';
import { Failure, type SentFailure } from '../messages/failure.ts';
import { workerCount } from './worker-count.ts';

/** The task modules, relative to this folder, without extension, and the lane each runs in. */
const TASKS = {
  render: { module: '../markdown/render-task', lane: 'compute' },
  import: { module: '../import/import-task', lane: 'compute' },
  search: { module: '../search/index-task', lane: 'search' },
} as const;

export type TaskKind = keyof typeof TASKS;
type Lane = 'compute' | 'search' | 'background';

/**
 * A search thread holds a part's documents, its messages to Pagefind (its documents as base64
 * JSON) and its files: a few MB for parts of real issues, under 100 MB for parts of the largest
 * issues the input limits allow (128 KB each). An old generation limited to that keeps the thread
 * from growing one it does not need (50 MB less a thread, measured at 1000 issues). Its young
 * generation holds a part's messages: at 8 MB, the two threads of a cold build at 1000 issues
 * collected garbage for 0.36 s, at 48 MB for 0.23 s (11 MB more at the peak).
 */
const SEARCH_HEAP = { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 48 };
/**
 * A search lane keeps the threads it started (startWorkers()) to its end (withWorkers()): a thread
 * starts and loads its module while the main thread parses or makes the part's documents, rather
 * than after, when the main thread, busy with the pages, would hear late that it is ready for its
 * part. (Ended after a second idle, as the compute lane's are, the second thread of a cold build
 * ended while the issues were rendered, and began again 0.2 s after the first part.)
 */
const SEARCH = { concurrentTasksPerWorker: 1, resourceLimits: SEARCH_HEAP, minThreads: 1, idleTimeout: 10 * 60_000 };

const compiled = import.meta.url.endsWith('.js');

/** The address of a kind's task module, as a thread loads it. */
const entryOf = (kind: TaskKind) => new URL(`${TASKS[kind].module}.${compiled ? 'js' : 'ts'}`, import.meta.url).href;

const LANES: Record<Lane, Partial<ConstructorParameters<typeof Tinypool>[0]>> = {
  compute: {},
  search: { ...SEARCH, workerData: { background: false } },
  background: { ...SEARCH, workerData: { background: true } },
};

/** A worker thread died (out of memory, process.exit) while it ran the task. */
export class WorkerCrashed extends Error {
  override name = 'WorkerCrashed';
}

export interface TaskOptions {
  signal?: AbortSignal;
  /** Run in the background lane (the dev server's search index); for the search only. */
  background?: boolean;
}

const pools = new Map<Lane, Tinypool>();
const users = new Map<Lane, number>();

function laneOf(kind: TaskKind, { background }: TaskOptions): Lane {
  return background ? 'background' : TASKS[kind].lane;
}

function shared(lane: Lane): Tinypool {
  let pool = pools.get(lane);
  if (!pool) {
    pool = new Tinypool({
      filename: new URL(compiled ? './run-task.js' : './run-typescript-task.mjs', import.meta.url).href,
      teardown: 'teardown',
      maxThreads: workerCount(),
      minThreads: 0,
      idleTimeout: 1000,
      ...LANES[lane],
    });
    pools.set(lane, pool);
  }
  return pool;
}

/** The pools whose threads were sent a prepare task already. */
const prepared = new WeakSet<Tinypool>();

/**
 * Starts threads of the lane of `kind` now, ahead of its tasks, up to `threads` (the search lanes:
 * see SEARCH; the compute lane when many files are to render), and has each load the kind's task
 * module and run its prepare() (run-task.ts). At best: Tinypool gives a prepare to a thread that is
 * idle rather than start one, so the threads are started while the others are busy, or at once.
 */
export function startWorkers(kind: TaskKind, options: TaskOptions = {}, threads = 1): void {
  const pool = shared(laneOf(kind, options));
  // Those prepared already and alive (idle for a second, the compute lane's end) are not started again.
  const alive = prepared.has(pool) ? pool.threads.length : 0;
  prepared.add(pool);
  for (let i = alive; i < threads; i++) pool.run({ entry: entryOf(kind), prepare: true }).catch(() => undefined);
}

const isSent = (error: unknown): error is { failure: SentFailure } => typeof error === 'object' && error !== null && 'failure' in error;

/** Runs one task of `kind` in its lane. */
export async function runTask<I, O>(kind: TaskKind, input: I, options: TaskOptions = {}): Promise<O> {
  try {
    return (await shared(laneOf(kind, options)).run({ entry: entryOf(kind), input }, { signal: options.signal })) as O;
  } catch (error) {
    if (options.signal?.aborted) throw options.signal.reason ?? error;
    if (isSent(error)) throw Failure.received(error.failure);
    if (error instanceof Error && /terminated|exited|exit code/i.test(error.message)) throw new WorkerCrashed(error.message, { cause: error });
    throw error;
  }
}

/**
 * Runs use(), which runs tasks of `kind`; when the last such caller of the lane is done, its
 * threads end, each after its task modules' teardown (the search index's Pagefind processes).
 */
export async function withWorkers<T>(kind: TaskKind, options: TaskOptions, use: () => Promise<T>): Promise<T> {
  const lane = laneOf(kind, options);
  users.set(lane, (users.get(lane) ?? 0) + 1);
  try {
    return await use();
  } finally {
    const left = users.get(lane)! - 1;
    users.set(lane, left);
    const pool = pools.get(lane);
    if (left === 0 && pool) {
      pools.delete(lane);
      await pool.destroy();
    }
  }
}
