// Compiles src/ into lib/ once (at npm ci, through "prepare", and before the tests), so that no
// command compiles TypeScript when it runs. Files that are not TypeScript are copied beside.
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
rmSync('lib', { recursive: true, force: true });
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
cpSync('src/dev/live-reload.js', 'lib/dev/live-reload.js');
// zod in one file (src/vendor/zod.ts says why), in place of the module that re-exports it.
const { buildSync } = await import('esbuild');
buildSync({
  stdin: { contents: "export { z } from 'zod';", resolveDir: '.', loader: 'js' },
  bundle: true,
  format: 'esm',
  platform: 'node',
  outfile: 'lib/vendor/zod.js',
  sourcemap: false,
  logLevel: 'warning',
});
rmSync('lib/vendor/zod.js.map', { force: true });
