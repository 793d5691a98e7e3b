// Fixture sites for tests: the base site of test/fixtures/base, with a fixture's files laid over it,
// in a temporary folder so that tests never touch the project's own content/ or dist/.
import { cp, mkdtemp, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from '../bench/corpus.ts';
import type { SiteOutput } from '../src/model/output.ts';
import { siteSchema } from '../src/model/site.ts';

export const PROJECT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const TEMPLATES_DIR = path.join(PROJECT_DIR, 'templates');
export const FIXTURES_DIR = path.join(PROJECT_DIR, 'test', 'fixtures');
/**
 * The sample site the tests know (four issues, 2018 第12期 to 2019 第10期): a copy of what the
 * project shipped with, so that tests never read the project's own content/, which an office
 * fills with its real archive.
 */
export const SAMPLE_DIR = path.join(FIXTURES_DIR, 'sample');

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

let sample: Promise<string> | undefined;

/**
 * A temporary project holding the sample's content/ (templates from the program's own), made
 * once per test worker: for tests that only build it, never change it. Its cache stays in it.
 */
export function sampleProject(): Promise<string> {
  sample ??= (async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'lldt-sample-'));
    await cp(path.join(SAMPLE_DIR, 'content'), path.join(dir, 'content'), { recursive: true });
    await cp(TEMPLATES_DIR, path.join(dir, 'templates'), { recursive: true });
    return dir;
  })();
  return sample;
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

/** The generated archive several tests read (built once per run, see shared.ts): 300 issues, so
 * that the search index comes in three parts (总第1–250期, the years after, the latest year). */
export const archiveCorpus = () => generateCorpus(300);

/** A site written to disk, as the build holds it in memory. */
export async function readSite(dir: string): Promise<SiteOutput> {
  const output: SiteOutput = new Map();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) output.set(path.relative(dir, path.join(entry.parentPath, entry.name)), await readFile(path.join(entry.parentPath, entry.name)));
  }
  return output;
}

/**
 * Saves a file as most editors do: a new file renamed over the old one. The dev server's watcher
 * then never reads it half written, as it can when a file is written in place under load.
 */
export async function save(file: string, text: string): Promise<void> {
  const scratch = path.join(path.dirname(file), `.${path.basename(file)}.saving`);
  await writeFile(scratch, text);
  await rename(scratch, file);
}

/** The least site.yml there is, with the default columns: for unit tests of the stages. */
export const MINIMAL_SITE = siteSchema.parse({
  title: '联络动态',
  pinyin: 'L',
  publisher: '某委员会',
  approval: '某准字',
  editors: ['甲'],
  contact: '1',
  baseUrl: 'https://example.org/',
});
