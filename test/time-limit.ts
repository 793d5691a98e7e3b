// Time limits that scale with the machine's load, so that a test that only waits for work to end
// does not fail on a busy machine (an office's shared computer, CI with four jobs on two cores).
// A limit here catches a hang; it never measures speed (bench/ does).
import { availableParallelism, loadavg } from 'node:os';

/** How much slower than idle the machine is now: the load per core, at least 1, at most 8. */
export function slowness(): number {
  return Math.min(8, Math.max(1, loadavg()[0]! / availableParallelism()));
}

/** A time limit of ms on an idle machine, scaled to the machine's load when the tests start. */
export const scaled = (ms: number): number => Math.round(ms * (1 + slowness()));
