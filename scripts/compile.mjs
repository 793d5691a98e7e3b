// Compiles src/ into lib/ once (at npm ci, through "prepare", and before the tests), so that no
// command compiles TypeScript when it runs. Files that are not TypeScript are copied beside.
import { execFileSync } from 'node:child_process';
import { cpSync, renameSync, rmSync } from 'node:fs';
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
// The render task in one file: each worker thread of a cold build loads it before it renders, and
// from its three hundred-odd modules that took 200 ms, bundled 70 (at 1000 issues the threads wait
// for it: stage 2 begins later by the difference). It keeps no module state shared with the
// thread's run-task.js: a Failure it threw would be a copy of the class, not one (its test says so).
const renderTask = 'lib/markdown/render-task.js';
buildSync({
  entryPoints: [renderTask],
  bundle: true,
  format: 'esm',
  platform: 'node',
  outfile: `${renderTask}.bundled`,
  sourcemap: false,
  logLevel: 'warning',
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
renameSync(`${renderTask}.bundled`, renderTask);
rmSync(`${renderTask}.map`, { force: true });
