// The one limit on worker threads, for every pool (Markdown, import, search): one a core, at most
// two, since the machines this runs on have two cores or more and a third thread only adds
// memory and the collector's work.
import { availableParallelism } from 'node:os';

export const MAX_WORKERS = 2;

/** Workers to start for this many jobs: none for none, else one at least (availableParallelism() is 1 or more). */
export const workerCount = (jobs = Number.POSITIVE_INFINITY): number => Math.min(MAX_WORKERS, availableParallelism(), jobs);
