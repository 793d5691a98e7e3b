import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MINIMAL_SITE } from '../../test/site.ts';
import { renderIssueFile } from './render-issue-file.ts';
import type { RenderBatch } from './render-task.ts';
import type { RenderedFile } from './rendered-file.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** The sample site of the tests (never the project's own content/, an office's real archive). */
const PROJECT = path.join(ROOT, 'test', 'fixtures', 'sample');

describe('the render task as compiled (lib/, bundled into one file by scripts/compile.mjs)', () => {
  it('renders the sample issues as the sources do, messages and all', async () => {
    const names = (await readdir(path.join(PROJECT, 'content'), { recursive: true })).filter((n) => n.endsWith('.md')).sort();
    const files = await Promise.all(
      names.map(async (name) => ({ path: `content/${name}`, cwd: PROJECT, value: await readFile(path.join(PROJECT, 'content', name), 'utf8') })),
    );
    // A file with an error too: its message comes back the same.
    files.push({ path: 'content/2020/02.md', cwd: PROJECT, value: '---\nissue: 2\n---\n' });
    const compiled = (await import(path.join(ROOT, 'lib', 'markdown', 'render-task.js'))) as { default: (batch: RenderBatch) => RenderedFile[] };
    const made = compiled.default({ files, site: MINIMAL_SITE });
    expect(made).toEqual(files.map((file) => renderIssueFile(file, MINIMAL_SITE)));
    expect(made.filter((file) => (file.articles?.length ?? 0) > 0)).toHaveLength(files.length - 1);
    expect(made.at(-1)!.messages.length).toBeGreaterThan(0);
  });

  it('holds no copy of the Failure class, which run-task.ts must recognise as its own', async () => {
    // A render module that comes to throw a Failure needs it kept out of the bundle (scripts/compile.mjs).
    const bundle = await readFile(path.join(ROOT, 'lib', 'markdown', 'render-task.js'), 'utf8');
    expect(bundle).not.toMatch(/class Failure\b/);
  });
});
