// The pool's thread module (run-task.ts) run from the sources (the tests run them, not lib/):
// registers tsx once, then loads it, and through it the TypeScript task modules.
import { register } from 'tsx/esm/api';

register();

const here = await import('./run-task.ts');

export default here.default;
export const teardown = here.teardown;
