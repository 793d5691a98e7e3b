// The one worker pool of the tool, on Tinypool: a task of a kind runs its task module (a default
// export from input to output) in one of at most workerCount() threads, shared by every caller.
// One failure rule: an error thrown by a task rejects its run as it was thrown (the caller maps it
// to a catalogue message); a worker that dies fails the task it was running with WorkerCrashed;
// an aborted signal rejects with the signal's AbortError. Idle threads do not keep the process alive.
// Run from the sources (the tests), a task module is run through tsx (run-typescript-task.mjs).
import Tinypool from 'tinypool';
import { workerCount } from './worker-count.ts';

/** The task modules, relative to this folder, without extension. */
const TASKS = {
  render: '../markdown/render-task',
  import: '../import/import-task',
} as const;

export type TaskKind = keyof typeof TASKS;

/** A worker thread died (out of memory, process.exit) while it ran the task. */
export class WorkerCrashed extends Error {
  override name = 'WorkerCrashed';
}

const compiled = import.meta.url.endsWith('.js');
let pool: Tinypool | undefined;

function shared(): Tinypool {
  pool ??= new Tinypool({
    filename: compiled ? null : new URL('./run-typescript-task.mjs', import.meta.url).href,
    maxThreads: workerCount(),
    minThreads: 0,
    idleTimeout: 1000,
  });
  return pool;
}

/** Runs one task of `kind` in the shared pool. */
export async function runTask<I, O>(kind: TaskKind, input: I, options: { signal?: AbortSignal } = {}): Promise<O> {
  const entry = new URL(`${TASKS[kind]}.${compiled ? 'js' : 'ts'}`, import.meta.url).href;
  const task = compiled ? shared().run(input, { filename: entry, signal: options.signal }) : shared().run({ entry, input }, { signal: options.signal });
  try {
    return (await task) as O;
  } catch (error) {
    if (options.signal?.aborted) throw options.signal.reason ?? error;
    if (error instanceof Error && /terminated|exited|exit code/i.test(error.message) && !(error as { fromTask?: boolean }).fromTask) {
      throw new WorkerCrashed(error.message, { cause: error });
    }
    throw error;
  }
}
