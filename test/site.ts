// Fixture sites for tests: the base site of test/fixtures/base, with a fixture's files laid over it,
// in a temporary folder so that tests never touch the project's own content/ or dist/.
import { cp, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const TEMPLATES_DIR = path.join(PROJECT_DIR, 'templates');
export const FIXTURES_DIR = path.join(PROJECT_DIR, 'test', 'fixtures');
/** The real issue, 2019 第9期, as text extracted from print (a copy of ../shared/corpus/). */
export const CORPUS_FILE = path.join(FIXTURES_DIR, 'corpus', 'lianluodongtai-2019-09.txt');

/** A temporary project holding content/ from base and from each named fixture, in order. */
export async function makeSite(...fixtures: string[]): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lldt-'));
  for (const fixture of ['base', ...fixtures]) {
    await cp(path.join(FIXTURES_DIR, fixture, 'content'), path.join(dir, 'content'), { recursive: true });
  }
  return dir;
}

/** Every file under dir, path → bytes, for comparing whole output trees. */
export async function readTree(dir: string): Promise<Map<string, string>> {
  const tree = new Map<string, string>();
  for (const entry of (await readdir(dir, { recursive: true, withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    tree.set(path.relative(dir, file), (await readFile(file)).toString('base64'));
  }
  return new Map([...tree.entries()].sort(([a], [b]) => a.localeCompare(b)));
}
