// A worker thread started from the sources (the tests run them, not lib/): registers tsx, then
// runs the worker's TypeScript module, named in workerData.entry.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
