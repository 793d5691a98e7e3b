// A task module run from the sources (the tests run them, not lib/): registers tsx once, then
// runs the task module named in the task (entry) on its input.
import { register } from 'tsx/esm/api';

register();

export default async ({ entry, input }) => (await import(entry)).default(input);
