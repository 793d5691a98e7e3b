// The module every thread of the worker pool (pool.ts) runs: a task names its task module (entry),
// which is loaded once a thread, and its input. A Failure thrown by a task is sent as plain data
// (failure.sent()), for pool.ts to throw again: an error's class does not cross threads. Before a
// thread ends, each task module loaded in it may let go of what it holds (its export teardown).
import { setPriority } from 'node:os';
import Tinypool from 'tinypool';
import { Failure } from '../messages/failure.ts';

interface TaskModule {
  default: (input: unknown) => unknown;
  /** Work to do ahead of the first task (pool.ts, startWorkers). */
  prepare?: () => void;
  teardown?: () => Promise<void>;
}

// The background lane's threads (the dev server's search index): on Linux, where a priority is a
// thread's, the thread and the processes it starts (which inherit it) give way to the main thread,
// so that a save is not slowed by an index being made meanwhile (bench/dev-reload.ts). Elsewhere a
// priority is the whole process's, and is left alone.
if ((Tinypool.workerData as { background?: boolean } | undefined)?.background && process.platform === 'linux') setPriority(10);

const loaded = new Map<string, Promise<TaskModule>>();

function load(entry: string): Promise<TaskModule> {
  let task = loaded.get(entry);
  if (!task) {
    task = import(entry) as Promise<TaskModule>;
    loaded.set(entry, task);
  }
  return task;
}

/** A task, or with prepare the module's preparation alone (its failure is found again, and reported, by the task). */
export default async function runHere({ entry, input, prepare }: { entry: string; input?: unknown; prepare?: boolean }): Promise<unknown> {
  const task = load(entry);
  if (prepare) {
    (await task).prepare?.();
    return undefined;
  }
  try {
    return await (await task).default(input);
  } catch (error) {
    if (error instanceof Failure) throw { failure: error.sent() };
    throw error;
  }
}

/** Called by Tinypool before the thread ends. */
export async function teardown(): Promise<void> {
  for (const task of loaded.values()) await (await task).teardown?.();
}
