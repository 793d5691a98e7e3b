// Compiles src/ into lib/ once (at npm ci, through "prepare", and before the tests), so that no
// command compiles TypeScript when it runs. Files that are not TypeScript are copied beside.
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
rmSync('lib', { recursive: true, force: true });
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
cpSync('src/dev/live-reload.js', 'lib/dev/live-reload.js');
