// Worker threads of the tool (the import's readers, the search index's Pagefind processes) run
// their compiled module beside the caller's (lib/); run from the sources (the unit tests), the
// worker registers tsx first and imports the TypeScript module.
import { Worker } from 'node:worker_threads';

/**
 * Starts the worker module `name` (without extension) of the folder of `callerUrl`
 * (the caller's import.meta.url), with workerData.
 */
export function startWorker(callerUrl: string, name: string, workerData?: unknown): Worker {
  if (callerUrl.endsWith('.js')) return new Worker(new URL(`./${name}.js`, callerUrl), { workerData });
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL(`./${name}.ts`, callerUrl).href;
  const code = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(code, { eval: true, workerData });
}
