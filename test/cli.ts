// The command line as an editor runs it: tsx src/cli.ts in a temporary copy of the project.
import { execFile } from 'node:child_process';
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_DIR, TEMPLATES_DIR } from './site.ts';

const run = promisify(execFile);
export const TSX = path.join(PROJECT_DIR, 'node_modules', '.bin', 'tsx');
export const CLI = path.join(PROJECT_DIR, 'src', 'cli.ts');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(cwd: string, ...args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(TSX, [CLI, ...args], { cwd });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** A copy of the project's own content and templates, to run the command line in. */
export async function copyProject(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lldt-cli-'));
  await cp(path.join(PROJECT_DIR, 'content'), path.join(dir, 'content'), { recursive: true });
  await cp(TEMPLATES_DIR, path.join(dir, 'templates'), { recursive: true });
  return dir;
}
