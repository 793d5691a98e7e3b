// The command line as an editor runs it: the compiled lib/cli.js (npm test compiles it first), in a
// temporary copy of the project.
import { execFile } from 'node:child_process';
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_DIR, SAMPLE_DIR, TEMPLATES_DIR } from './site.ts';

const run = promisify(execFile);
export const CLI = path.join(PROJECT_DIR, 'lib', 'cli.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function cli(cwd: string, ...args: string[]): Promise<CliResult> {
  return cliWithEnv({}, cwd, ...args);
}

/** The command line with these environment variables set as well. */
export async function cliWithEnv(env: Record<string, string>, cwd: string, ...args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** A copy of the sample's content (never the project's own content/) and the templates, to run the command line in. */
export async function copyProject(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lldt-cli-'));
  await cp(path.join(SAMPLE_DIR, 'content'), path.join(dir, 'content'), { recursive: true });
  await cp(TEMPLATES_DIR, path.join(dir, 'templates'), { recursive: true });
  return dir;
}
