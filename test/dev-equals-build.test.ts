// The preview is the build: after startup and after each kind of edit, the site the dev server
// holds in memory is byte for byte the site npm run build writes (drafts published in both).
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus, writeCorpus } from '../bench/corpus.ts';
import { applySaves, devProject } from '../src/dev/dev-session.ts';
import { OUTPUT_MARKER } from '../src/pipeline/disk-writer.ts';
import { build } from './build.ts';
import { copyProject } from './cli.ts';
import { readTree, TEMPLATES_DIR } from './site.ts';

const base64 = (content: string | Uint8Array) => Buffer.from(content).toString('base64');

/** Every file of the project's content/ and templates/, as one key. */
async function sourcesKey(projectDir: string): Promise<string> {
  const hash = createHash('sha256');
  for (const folder of ['content', 'templates']) {
    const files = (await readdir(path.join(projectDir, folder), { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
    for (const file of files.map((e) => path.join(e.parentPath, e.name)).sort())
      hash.update(`${path.relative(projectDir, file)}\0`).update(await readFile(file));
  }
  return hash.digest('hex');
}

/**
 * What npm run build -- --drafts writes, from a copy of the project: a new folder, so no record or
 * published site is shared with the preview. The builds of one test share a build cache, as an
 * editor's builds do (whose entries are keyed on what they are made of: crash-and-damage.test.ts
 * and incremental.test.ts hold a build from the cache to the cold build), and a state of the
 * sources met again (an error, then fixed) is built once.
 */
async function built(projectDir: string, shared: { cacheDir: string; trees: Map<string, Map<string, string>> }): Promise<Map<string, string>> {
  const key = await sourcesKey(projectDir);
  const known = shared.trees.get(key);
  if (known) return known;
  const copy = await mkdtemp(path.join(tmpdir(), 'lldt-built-'));
  await cp(path.join(projectDir, 'content'), path.join(copy, 'content'), { recursive: true });
  await cp(path.join(projectDir, 'templates'), path.join(copy, 'templates'), { recursive: true });
  const result = await build({ projectDir: copy, cacheDir: shared.cacheDir, write: true, drafts: true });
  expect(result.files.flatMap((f) => f.messages.filter((m) => m.fatal).map(String))).toEqual([]);
  const tree = await readTree(path.join(copy, 'dist'));
  tree.delete(OUTPUT_MARKER);
  shared.trees.set(key, tree);
  await rm(copy, { recursive: true, force: true });
  return tree;
}

type Edit = [name: string, edit: (dir: string) => Promise<string[]>];

const appendTo = async (file: string, text: string) => writeFile(file, `${await readFile(file, 'utf8')}${text}`);
const replaceIn = async (file: string, from: string | RegExp, to: string) => {
  const text = await readFile(file, 'utf8');
  const changed = text.replace(from, to);
  expect(changed).not.toBe(text);
  await writeFile(file, changed);
};

function edits(issue: string, other: string): Edit[] {
  return [
    [
      'an issue’s body',
      async (dir) => {
        await appendTo(path.join(dir, issue), '\n新增一段正文，预览和生成应当一致。\n');
        return [issue];
      },
    ],
    [
      'an issue’s front matter',
      async (dir) => {
        await replaceIn(path.join(dir, issue), /^distribution:\n/m, 'distribution:\n  - 新增的送达单位\n');
        return [issue];
      },
    ],
    [
      'a new issue in a new year',
      async (dir) => {
        const text = (await readFile(path.join(dir, other), 'utf8'))
          .replace(/^issue: \d+$/m, 'issue: 1')
          .replace(/^total: \d+$/m, 'total: 9001')
          .replace(/^date: .*$/m, 'date: 2031-01-05');
        await mkdir(path.join(dir, 'content', '2031'), { recursive: true });
        await writeFile(path.join(dir, 'content', '2031', '01.md'), text);
        return ['content/2031/01.md'];
      },
    ],
    [
      'a deleted issue',
      async (dir) => {
        await rm(path.join(dir, 'content', '2031', '01.md'));
        return ['content/2031/01.md'];
      },
    ],
    [
      'a picture put into the issue’s folder, which its page shows',
      async (dir) => {
        const picture = `${issue.replace(/\.md$/, '')}/现场照片.png`;
        await mkdir(path.join(dir, path.dirname(picture)), { recursive: true });
        await writeFile(path.join(dir, picture), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
        await appendTo(path.join(dir, issue), '\n![会议现场](现场照片.png)\n');
        return [issue, picture];
      },
    ],
    [
      'a picture removed',
      async (dir) => {
        const picture = `${issue.replace(/\.md$/, '')}/现场照片.png`;
        await rm(path.join(dir, picture));
        return [picture];
      },
    ],
    [
      'an issue with an error, then fixed',
      async (dir) => {
        const file = path.join(dir, issue);
        await rename(file, `${file}.good`);
        await writeFile(file, (await readFile(`${file}.good`, 'utf8')).replace(/^date: .*$/m, 'date: 2019-13-45'));
        return [issue];
      },
    ],
    [
      'a template',
      async (dir) => {
        await appendTo(path.join(dir, 'templates', 'issue.njk'), '\n');
        await replaceIn(path.join(dir, 'templates', 'partials', 'masthead.njk'), /$/, '\n<!-- 改过的报头 -->');
        return ['templates/partials/masthead.njk'];
      },
    ],
    [
      'the stylesheet',
      async (dir) => {
        await appendTo(path.join(dir, 'templates', 'assets', 'style.css'), '\n.dev-test { color: #c00000; }\n');
        return ['templates/assets/style.css'];
      },
    ],
    [
      'site.yml',
      async (dir) => {
        await replaceIn(path.join(dir, 'content', 'site.yml'), /^contact: .*$/m, 'contact: 0731—85309270');
        return ['content/site.yml'];
      },
    ],
  ];
}

async function checkEveryEdit(dir: string, issue: string, other: string): Promise<void> {
  const { project, writer } = devProject(dir);
  const shared = { cacheDir: await mkdtemp(path.join(tmpdir(), 'lldt-built-cache-')), trees: new Map<string, Map<string, string>>() };
  const preview = async () => {
    await project.indexSearch(writer);
    return new Map([...writer.output].map(([file, content]) => [file, base64(content)]));
  };
  await applySaves(project, writer);
  expect(await preview(), 'after startup').toEqual(await built(dir, shared));
  for (const [name, edit] of edits(issue, other)) {
    const saved = await edit(dir);
    const update = await applySaves(project, writer, saved);
    if (name.includes('error')) {
      // The preview keeps the last good version while the error shows; fixed, it is the build again.
      expect(update.problems.length).toBeGreaterThan(0);
      // Saved back as editors' programs do: a new file renamed over the old one.
      const file = path.join(dir, saved[0]!);
      await rename(`${file}.good`, file);
      await applySaves(project, writer, saved);
    }
    expect(await preview(), `after ${name}`).toEqual(await built(dir, shared));
  }
}

describe('the dev server’s site is the build’s', () => {
  it('for the sample site, after startup and after each kind of edit', async () => {
    const dir = await copyProject();
    await checkEveryEdit(dir, 'content/2019/09.md', 'content/2019/10.md');
  });

  it('for a generated archive of 60 issues', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'lldt-archive-'));
    const corpus = await generateCorpus(60);
    await writeCorpus(dir, corpus);
    await cp(TEMPLATES_DIR, path.join(dir, 'templates'), { recursive: true });
    const issue = corpus[30]!.path;
    await checkEveryEdit(dir, issue, corpus.at(-1)!.path);
  });
});
