// messages/ is below every module that says something: it imports only its own files (and the
// vendored zod), never a module that uses it, so that any module may import a text from it.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

describe('src/messages/', () => {
  it('imports nothing from the modules that use it', async () => {
    const dir = import.meta.dirname;
    const files = (await readdir(dir)).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));
    expect(files.length).toBeGreaterThan(0);
    for (const name of files) {
      const text = await readFile(path.join(dir, name), 'utf8');
      for (const [, from] of text.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+'([^']+)'/gm)) {
        const ours = from!.startsWith('./') || from === '../vendor/zod.ts';
        const external = !from!.startsWith('.');
        expect(ours || external, `${name} imports ${from}`).toBe(true);
      }
    }
  });
});
