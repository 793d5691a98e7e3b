// The search index's worker threads (its Pagefind processes; the rest runs in the shared pool,
// pool.ts) run their compiled module beside the caller's (lib/); run from the sources (the tests),
// they run the TypeScript module through tsx (run-typescript.mjs).
import { type ResourceLimits, Worker } from 'node:worker_threads';

/**
 * Starts the worker module `name` (without extension) of the folder of `callerUrl`
 * (the caller's import.meta.url), with workerData, and its heap within resourceLimits.
 */
export function startWorker(callerUrl: string, name: string, workerData: Record<string, unknown> = {}, resourceLimits?: ResourceLimits): Worker {
  if (callerUrl.endsWith('.js')) return new Worker(new URL(`./${name}.js`, callerUrl), { workerData, resourceLimits });
  const entry = new URL(`./${name}.ts`, callerUrl).href;
  return new Worker(new URL('./run-typescript.mjs', import.meta.url), { workerData: { ...workerData, entry }, resourceLimits });
}
